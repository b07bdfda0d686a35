// Merges (flows/merge) move the decision map with the records it hangs on. A customer merge: the duplicate's contacts
// join the master (customers moves them), so their roles and relations move to the master's map as they are. A
// contact merge (two contacts of one customer): the duplicate's role moves unless the master has one of its own (the
// master's stays; the duplicate keeps its), and its relations move unless that would relate the master to itself or
// repeat a relation the master already has (those stay with the duplicate). Each moved row is audited; `ids` (an
// undo) moves exactly those rows back.
import { sql } from 'kysely';
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits } from '../../platform/audit.js';

export interface DecisionMapMoved { roles: string[]; relationsFrom: string[]; relationsTo: string[] }

const ids = (r: { rows: Array<{ id: string }> }) => r.rows.map((x) => x.id).sort();
/** A decision role is audited under its contact (as setDecisionRole records it); the moved row ids are kept for undo. */
const contactOf = new Map<string, string>();
const roleIds = (r: { rows: Array<{ id: string; contact_id: string }> }) => {
  for (const x of r.rows) contactOf.set(x.id, x.contact_id);
  return ids(r);
};

export async function moveDecisionMapRefsTx(
  tx: Tx, actor: Actor, move: { kind: 'customer' | 'contact'; from: string; to: string; ids?: Partial<DecisionMapMoved> | undefined },
): Promise<DecisionMapMoved> {
  const only = (list: string[] | undefined) => (move.ids ? sql`and id = any(${list ?? []}::uuid[])` : sql``);
  let moved: DecisionMapMoved;
  if (move.kind === 'customer') {
    moved = {
      roles: roleIds(await sql<{ id: string; contact_id: string }>`update decision_roles set customer_id = ${move.to}, version = version + 1, updated_at = now()
        where customer_id = ${move.from} ${only(move.ids?.roles)} returning id, contact_id`.execute(tx)),
      relationsFrom: ids(await sql<{ id: string }>`update contact_relations set customer_id = ${move.to}
        where customer_id = ${move.from} ${only(move.ids?.relationsFrom)} returning id`.execute(tx)),
      relationsTo: [],
    };
  } else {
    const keepMasters = move.ids ? sql`` : sql`and not exists (select 1 from decision_roles m where m.tenant_id = decision_roles.tenant_id and m.contact_id = ${move.to})`;
    moved = {
      roles: roleIds(await sql<{ id: string; contact_id: string }>`update decision_roles set contact_id = ${move.to}, version = version + 1, updated_at = now()
        where contact_id = ${move.from} ${keepMasters} ${only(move.ids?.roles)} returning id, contact_id`.execute(tx)),
      relationsFrom: ids(await sql<{ id: string }>`update contact_relations r set from_contact_id = ${move.to}
        where r.from_contact_id = ${move.from} and r.to_contact_id <> ${move.to} ${only(move.ids?.relationsFrom)}
          and not exists (select 1 from contact_relations m where m.tenant_id = r.tenant_id and m.from_contact_id = ${move.to} and m.to_contact_id = r.to_contact_id and m.kind = r.kind)
        returning r.id`.execute(tx)),
      relationsTo: ids(await sql<{ id: string }>`update contact_relations r set to_contact_id = ${move.to}
        where r.to_contact_id = ${move.from} and r.from_contact_id <> ${move.to} ${only(move.ids?.relationsTo)}
          and not exists (select 1 from contact_relations m where m.tenant_id = r.tenant_id and m.to_contact_id = ${move.to} and m.from_contact_id = r.from_contact_id and m.kind = r.kind)
        returning r.id`.execute(tx)),
    };
  }
  const field = `${move.kind}Id`;
  await recordAudits(tx, actor, [
    ...moved.roles.map((id) => ({ action: 'merge', entityType: 'decision_role', entityId: contactOf.get(id)!, before: { [field]: move.from }, after: { [field]: move.to } })),
    ...moved.relationsFrom.map((id) => ({ action: 'merge', entityType: 'contact_relation', entityId: id, before: { [move.kind === 'customer' ? 'customerId' : 'fromContactId']: move.from }, after: { [move.kind === 'customer' ? 'customerId' : 'fromContactId']: move.to } })),
    ...moved.relationsTo.map((id) => ({ action: 'merge', entityType: 'contact_relation', entityId: id, before: { toContactId: move.from }, after: { toContactId: move.to } })),
  ]);
  return moved;
}
