// The decision map's merge statements (merge.service.ts): roles and relations re-pointed from a merged customer or
// contact to its master, or exactly the given rows (an undo). Each returns the rows it moved.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const only = (ids: string[] | null) => (ids ? sql`and id = any(${ids}::uuid[])` : sql``);

export async function moveRolesOfCustomer(tx: Tx, from: string, to: string, ids: string[] | null) {
  return (await sql<{ id: string; contact_id: string }>`update decision_roles set customer_id = ${to}, version = version + 1, updated_at = now()
    where customer_id = ${from} ${only(ids)} returning id, contact_id`.execute(tx)).rows;
}

export async function moveRelationsOfCustomer(tx: Tx, from: string, to: string, ids: string[] | null) {
  return (await sql<{ id: string }>`update contact_relations set customer_id = ${to} where customer_id = ${from} ${only(ids)} returning id`.execute(tx)).rows;
}

/** A contact's role to another contact; without `ids`, only when that contact has no role of its own. */
export async function moveRoleOfContact(tx: Tx, from: string, to: string, ids: string[] | null) {
  const keepMasters = ids ? sql`` : sql`and not exists (select 1 from decision_roles m where m.tenant_id = decision_roles.tenant_id and m.contact_id = ${to})`;
  return (await sql<{ id: string; contact_id: string }>`update decision_roles set contact_id = ${to}, version = version + 1, updated_at = now()
    where contact_id = ${from} ${keepMasters} ${only(ids)} returning id, contact_id`.execute(tx)).rows;
}

/** Relations from (`end` = 'from') or to a contact re-pointed to another, never making a self relation or a repeat. */
export async function moveRelationsOfContact(tx: Tx, end: 'from' | 'to', from: string, to: string, ids: string[] | null) {
  const [mine, other] = end === 'from' ? [sql.ref('from_contact_id'), sql.ref('to_contact_id')] : [sql.ref('to_contact_id'), sql.ref('from_contact_id')];
  return (await sql<{ id: string }>`update contact_relations r set ${mine} = ${to}
    where r.${mine} = ${from} and r.${other} <> ${to} ${ids ? sql`and r.id = any(${ids}::uuid[])` : sql``}
      and not exists (select 1 from contact_relations m where m.tenant_id = r.tenant_id and m.${mine} = ${to} and m.${other} = r.${other} and m.kind = r.kind)
    returning r.id`.execute(tx)).rows;
}
