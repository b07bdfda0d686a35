// Every row in the database that points at a record, found from the catalog: the foreign keys that reference
// customers, contacts or leads (by their (tenant_id, id) key), counted for one record in one statement. A merge uses
// it twice: the preview's "what moves" per table, and the guard that refuses a merge when the duplicate is referenced
// from a table no owner's function moves (it would be left pointing at the merged record). Read-only; under RLS the
// counts are the tenant's. Tables are named at run time here (reviewed: test/ownership.test.ts).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export type Target = 'customers' | 'contacts' | 'leads';
export interface Reference { table: string; column: string }

const cache = new Map<Target, Reference[]>();

export async function referencesTo(tx: Tx, target: Target): Promise<Reference[]> {
  const known = cache.get(target);
  if (known) return known;
  const r = await sql<Reference>`select cl.relname as table, a.attname as column
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey) and a.attname <> 'tenant_id'
    where con.contype = 'f' and con.confrelid = ${target}::regclass
    order by 1, 2`.execute(tx);
  cache.set(target, r.rows);
  return r.rows;
}

/** How many rows of each referencing table point at `id` (tables with none left out). */
export async function countReferences(tx: Tx, refs: Reference[], id: string): Promise<Array<Reference & { count: number }>> {
  if (refs.length === 0) return [];
  const parts = refs.map((ref) => sql`select ${ref.table}::text as table, ${ref.column}::text as column, count(*)::int as count
    from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${id}::uuid`);
  const r = await sql<Reference & { count: number }>`select * from (${sql.join(parts, sql` union all `)}) x where count > 0 order by 1, 2`.execute(tx);
  return r.rows;
}
