// Key-account statements: the parent/subsidiary tree of customers, the decision map (roles and relations).
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

function visible(userId: string, scope: DataScope) {
  return scope === 'all' ? sql<boolean>`true` : sql<boolean>`(c.owner_id is null or c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

/** The customer if the caller may see it (owned in her scope, or in the public pool). */
export async function customerFor(tx: Tx, id: string, userId: string, scope: DataScope) {
  const r = await sql<{ id: string; name: string }>`select c.id, c.name from customers c where c.id = ${id} and ${visible(userId, scope)}`.execute(tx);
  return r.rows[0];
}

/** The topmost ancestor of a customer (itself when it has no parent); a cycle cannot loop: depth is bounded. */
export async function rootOf(tx: Tx, id: string): Promise<string> {
  const r = await sql<{ id: string }>`with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from customers where id = ${id}
      union all select c.id, c.parent_id, up.depth + 1 from customers c join up on c.id = up.parent_id where up.depth < 20)
    select id from up order by depth desc limit 1`.execute(tx);
  return r.rows[0]?.id ?? id;
}

/** The tree under a root, parents before children, at most `limit` nodes, with whether the caller may open each. */
export async function treeUnder(tx: Tx, rootId: string, userId: string, scope: DataScope, limit: number) {
  const r = await sql<{ id: string; parent_id: string | null; depth: number; name: string; number: string; grade: string | null; owner_id: string | null; owner_name: string | null; visible: boolean }>`
    with recursive down(id, parent_id, depth, path) as (
      select id, null::uuid, 0, array[id] from customers where id = ${rootId}
      union all select c.id, c.parent_id, down.depth + 1, down.path || c.id from customers c join down on c.parent_id = down.id
      where down.depth < 20 and not c.id = any(down.path))
    select d.id, d.parent_id, d.depth, c.name, c.number, c.grade, c.owner_id, u.name as owner_name, ${visible(userId, scope)} as visible
    from down d join customers c on c.id = d.id left join users u on u.id = c.owner_id
    order by d.path limit ${limit}`.execute(tx);
  return r.rows;
}

export async function mapNodes(tx: Tx, customerId: string) {
  const r = await sql<{ contact_id: string; name: string; title: string | null; role: string | null; influence: number | null; attitude: string | null; note: string | null }>`
    select ct.id as contact_id, ct.name, ct.title, d.role, d.influence, d.attitude, d.note
    from contacts ct left join decision_roles d on d.contact_id = ct.id
    where ct.customer_id = ${customerId} and ct.deleted_at is null order by d.influence desc nulls last, ct.name`.execute(tx);
  return r.rows;
}

export async function mapEdges(tx: Tx, customerId: string) {
  return tx.selectFrom('contact_relations').select(['id', 'from_contact_id', 'to_contact_id', 'kind', 'note'])
    .where('customer_id', '=', customerId).orderBy('created_at').execute();
}

export async function contactCustomer(tx: Tx, contactId: string): Promise<string | undefined> {
  const r = await sql<{ customer_id: string }>`select customer_id from contacts where id = ${contactId} and deleted_at is null`.execute(tx);
  return r.rows[0]?.customer_id;
}

export async function roleOf(tx: Tx, contactId: string) {
  return tx.selectFrom('decision_roles').select(['role', 'influence', 'attitude', 'note']).where('contact_id', '=', contactId).executeTakeFirst();
}

export async function upsertRole(tx: Tx, tenantId: string, customerId: string, contactId: string, d: { role: string; influence: number; attitude: string; note: string | null }) {
  await sql`insert into decision_roles (tenant_id, customer_id, contact_id, role, influence, attitude, note)
    values (${tenantId}, ${customerId}, ${contactId}, ${d.role}, ${d.influence}, ${d.attitude}, ${d.note})
    on conflict (tenant_id, contact_id) do update set role = excluded.role, influence = excluded.influence, attitude = excluded.attitude,
      note = excluded.note, version = decision_roles.version + 1, updated_at = now()`.execute(tx);
}

export async function insertRelation(tx: Tx, tenantId: string, customerId: string, r: { fromContactId: string; toContactId: string; kind: 'reports_to' | 'influences' | 'ally' | 'rival'; note: string | null }): Promise<string> {
  const row = await sql<{ id: string }>`insert into contact_relations (tenant_id, customer_id, from_contact_id, to_contact_id, kind, note)
    values (${tenantId}, ${customerId}, ${r.fromContactId}, ${r.toContactId}, ${r.kind}, ${r.note})
    on conflict (tenant_id, from_contact_id, to_contact_id, kind) do update set note = excluded.note returning id`.execute(tx);
  return row.rows[0]!.id;
}

export async function findRelation(tx: Tx, id: string) {
  return tx.selectFrom('contact_relations').select(['id', 'customer_id', 'from_contact_id', 'to_contact_id', 'kind', 'note']).where('id', '=', id).executeTakeFirst();
}

export async function deleteRelation(tx: Tx, id: string) {
  await tx.deleteFrom('contact_relations').where('id', '=', id).execute();
}
