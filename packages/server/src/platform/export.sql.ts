// The tenant export's statements (export.ts): the catalog of tenant tables, and keyset pages of any one of them with
// every value as PostgreSQL's own text (numeric stays exact, dates stay dates). Table and column names come from the
// catalog, never from a request, and are quoted as identifiers. The reads run as the tenant (inTenant): row-level
// security keeps them to its rows, as well as the tenant_id filter.
import { sql } from 'kysely';
import type { Kdb, Tx } from './db.js';

export interface TenantTable { table: string; columns: string[]; key: string[] }

/** Every table with a tenant_id column in the application's schema, its columns in order and its primary key. */
export async function tenantTables(db: Kdb | Tx): Promise<TenantTable[]> {
  const r = await sql<{ tbl: string; cols: string[]; pk: string[] | null }>`
    select c.relname as tbl,
      array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as cols,
      (select array(select a.attname::text from unnest(p.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.oid and a.attnum = k.n order by k.i)
         from pg_constraint p where p.conrelid = c.oid and p.contype = 'p') as pk
    from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
    where ns.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by c.relname`.execute(db);
  return r.rows.map((x) => ({ table: x.tbl, columns: x.cols, key: x.pk ?? [] }));
}

export async function countRows(tx: Tx, table: string, tenantId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(tx);
  return r.rows[0]!.n;
}

/**
 * Up to `limit` rows after the key `after` (null: from the start), in key order: each row as [the key's values as
 * text, the columns' values as text or null]. The row comparison (k1, k2) > ($1, $2) walks the primary key index.
 */
export async function pageOfRows(tx: Tx, t: { table: string; columns: string[]; key: string[] }, tenantId: string, after: string[] | null, limit: number): Promise<Array<{ k: string[]; v: Array<string | null> }>> {
  const keyCols = sql.join(t.key.map((c) => sql.ref(c)));
  const keyText = sql.join(t.key.map((c) => sql`${sql.ref(c)}::text`));
  const values = sql.join(t.columns.map((c) => sql`${sql.ref(c)}::text`));
  const from = after ? sql`and (${keyCols}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql``;
  const r = await sql<{ k: string[]; v: Array<string | null> }>`
    select array[${keyText}] as k, array[${values}] as v from ${sql.table(t.table)}
    where tenant_id = ${tenantId} ${from} order by ${keyCols} limit ${limit}`.execute(tx);
  return r.rows;
}

/** The tenant's own row (the tenants table has no tenant_id: its id is the tenant). */
export async function tenantRow(db: Kdb | Tx, tenantId: string): Promise<{ id: string; slug: string; name: string } | null> {
  const r = await sql<{ id: string; slug: string; name: string }>`select id, slug, name from tenants where id = ${tenantId}`.execute(db);
  return r.rows[0] ?? null;
}

export async function tenantIdBySlug(db: Kdb, slug: string): Promise<string | null> {
  const r = await sql<{ id: string }>`select id from tenants where slug = ${slug}`.execute(db);
  return r.rows[0]?.id ?? null;
}
