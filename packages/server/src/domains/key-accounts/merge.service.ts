// Merges (flows/merge) move the decision map with the records it hangs on. A customer merge: the duplicate's contacts
// join the master (customers moves them), so their roles and relations move to the master's map as they are. A
// contact merge (two contacts of one customer): the duplicate's role moves unless the master has one of its own (the
// master's stays; the duplicate keeps its), and its relations move unless that would relate the master to itself or
// repeat a relation the master already has (those stay with the duplicate). Each moved row is audited; `ids` (an
// undo) moves exactly those rows back.
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits } from '../../platform/audit.js';
import * as q from './merge.sql.js';

export interface DecisionMapMoved { roles: string[]; relationsFrom: string[]; relationsTo: string[] }

const ids = (rows: Array<{ id: string }>) => rows.map((x) => x.id).sort();

export async function moveDecisionMapRefsTx(
  tx: Tx, actor: Actor, move: { kind: 'customer' | 'contact'; from: string; to: string; ids?: Partial<DecisionMapMoved> | undefined },
): Promise<DecisionMapMoved> {
  const given = (k: keyof DecisionMapMoved) => (move.ids ? move.ids[k] ?? [] : null);
  // a decision role is audited under its contact (as setDecisionRole records it); the row ids are what an undo needs
  const contactOf = new Map<string, string>();
  const roleIds = (rows: Array<{ id: string; contact_id: string }>) => {
    for (const r of rows) contactOf.set(r.id, r.contact_id);
    return ids(rows);
  };
  const moved: DecisionMapMoved = move.kind === 'customer'
    ? {
      roles: roleIds(await q.moveRolesOfCustomer(tx, move.from, move.to, given('roles'))),
      relationsFrom: ids(await q.moveRelationsOfCustomer(tx, move.from, move.to, given('relationsFrom'))),
      relationsTo: [],
    }
    : {
      roles: roleIds(await q.moveRoleOfContact(tx, move.from, move.to, given('roles'))),
      relationsFrom: ids(await q.moveRelationsOfContact(tx, 'from', move.from, move.to, given('relationsFrom'))),
      relationsTo: ids(await q.moveRelationsOfContact(tx, 'to', move.from, move.to, given('relationsTo'))),
    };
  const field = `${move.kind}Id`;
  await recordAudits(tx, actor, [
    ...moved.roles.map((id) => ({ action: 'merge', entityType: 'decision_role', entityId: contactOf.get(id)!, before: { [field]: move.from }, after: { [field]: move.to } })),
    ...moved.relationsFrom.map((id) => ({ action: 'merge', entityType: 'contact_relation', entityId: id, before: { [move.kind === 'customer' ? 'customerId' : 'fromContactId']: move.from }, after: { [move.kind === 'customer' ? 'customerId' : 'fromContactId']: move.to } })),
    ...moved.relationsTo.map((id) => ({ action: 'merge', entityType: 'contact_relation', entityId: id, before: { toContactId: move.from }, after: { toContactId: move.to } })),
  ]);
  return moved;
}
