// Merges (flows/merge, written by dedup's helper for leads): leads converted into a merged customer or contact now
// point at the master, and so do duplicate flags that named the merged record; an undo passes the moved ids back.
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits } from '../../platform/audit.js';
import * as q from './merge-refs.sql.js';

export interface LeadRefMoves { conversions: string[]; flags: string[] }

export async function moveLeadRefsTx(tx: Tx, actor: Actor, move: { kind: 'lead' | 'customer' | 'contact'; from: string; to: string; ids?: LeadRefMoves }): Promise<LeadRefMoves> {
  const conversions = move.kind === 'lead' ? [] : await q.moveConversionRefs(tx, move.kind, move.from, move.to, move.ids?.conversions);
  const flags = await q.moveDuplicateFlags(tx, move.kind, move.from, move.to, move.ids?.flags);
  const field = move.kind === 'customer' ? 'convertedCustomerId' : 'convertedContactId';
  await recordAudits(tx, actor, conversions.map((id) => ({ action: 'merge', entityType: 'lead', entityId: id, before: { [field]: move.from }, after: { [field]: move.to } })));
  return { conversions, flags };
}
