// Merges (flows/merge, issue 10 §3): the opportunities of a merged customer, contact or lead move to the master, and
// back on undo (the merge keeps the ids it moved and passes them again). Audited per opportunity.
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits } from '../../platform/audit.js';
import * as q from './merge.sql.js';

export async function moveOpportunityRefsTx(tx: Tx, actor: Actor, move: { kind: 'customer' | 'contact' | 'lead'; from: string; to: string; ids?: string[] | undefined }): Promise<string[]> {
  const moved = await q.moveRefs(tx, move.kind, move.from, move.to, move.ids ?? null);
  const field = `${move.kind}Id`;
  await recordAudits(tx, actor, moved.map((id) => ({ action: 'merge', entityType: 'opportunity', entityId: id, before: { [field]: move.from }, after: { [field]: move.to } })));
  return moved;
}
