// The tenant-key rule, read from the migrated database's catalog so that a table or reference added later fails CI
// until it follows it (migration 016, docs/SCALE.md): a tenant table — any table with a tenant_id column except
// tenants itself — keys on tenant_id first, every foreign key between tenant tables carries tenant_id on both sides
// (so a row can only point into its own tenant), every uniqueness includes tenant_id (Citus enforces no other), and
// row-level security is on.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db, type Tx } from '../src/platform/db.js';
import { testApp } from './helpers.js';

/** Global on purpose: authentication finds the tenant from the token's hash (docs/SCALE.md, "Authentication"). */
const GLOBAL_UNIQUE = new Set(['auth_tokens.auth_tokens_token_hash_key']);

interface Offenders { primaryKeys: string[]; foreignKeys: string[]; uniques: string[]; rls: string[] }

async function tenantKeyOffenders(tx: Tx): Promise<Offenders & { tables: string[]; foreignKeyCount: number }> {
  const tables = (await sql<{ tbl: string; rls: boolean; pk: string | null; pk_has_tenant: boolean | null }>`
    select c.relname::text as tbl, c.relrowsecurity as rls, p.conname::text as pk,
      (select a.attnum = any(p.conkey) from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as pk_has_tenant
    from pg_class c left join pg_constraint p on p.conrelid = c.oid and p.contype = 'p'
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname <> 'tenants'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1`.execute(tx)).rows;
  const tenantTables = new Set(tables.map((t) => t.tbl));

  // Foreign keys whose both ends are tenant tables; tenant_id must sit at the same position on both sides.
  const fks = (await sql<{ tbl: string; name: string; target: string; pairs: string }>`
    select c.conrelid::regclass::text as tbl, c.conname::text as name, c.confrelid::regclass::text as target,
      (select string_agg(fa.attname || '=' || ta.attname, ',' order by k.ord)
         from unnest(c.conkey, c.confkey) with ordinality k(f, t, ord)
         join pg_attribute fa on fa.attrelid = c.conrelid and fa.attnum = k.f
         join pg_attribute ta on ta.attrelid = c.confrelid and ta.attnum = k.t) as pairs
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
    order by 1, 2`.execute(tx)).rows.filter((f) => tenantTables.has(f.tbl) && tenantTables.has(f.target));

  const uniques = (await sql<{ tbl: string; name: string; cols: string }>`
    select i.indrelid::regclass::text as tbl, x.relname::text as name,
      coalesce((select string_agg(a.attname, ',' order by k.ord) from unnest(i.indkey::int2[]) with ordinality k(n, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n), '') as cols
    from pg_index i join pg_class x on x.oid = i.indexrelid
    where i.indisunique and x.relnamespace = 'public'::regnamespace
    order by 1, 2`.execute(tx)).rows.filter((u) => tenantTables.has(u.tbl));

  return {
    tables: [...tenantTables],
    foreignKeyCount: fks.length,
    primaryKeys: tables.filter((t) => !t.pk_has_tenant).map((t) => `${t.tbl}: ${t.pk ? `primary key ${t.pk} lacks tenant_id` : 'no primary key'}`),
    foreignKeys: fks.filter((f) => !f.pairs.split(',').includes('tenant_id=tenant_id'))
      .map((f) => `${f.tbl}.${f.name} → ${f.target} (${f.pairs}) lacks tenant_id=tenant_id`),
    uniques: uniques.filter((u) => !u.cols.split(',').includes('tenant_id') && !GLOBAL_UNIQUE.has(`${u.tbl}.${u.name}`))
      .map((u) => `${u.tbl}.${u.name} (${u.cols || 'expression'}) lacks tenant_id`),
    rls: tables.filter((t) => !t.rls).map((t) => `${t.tbl}: row-level security is off`),
  };
}

let db: Db;
beforeAll(async () => {
  db = (await testApp()).db;
});

describe('tenant keys in the catalog', () => {
  it('every tenant table keys on tenant_id and every reference between tenant tables carries it', async () => {
    const found = await asSystem(db, tenantKeyOffenders);
    const offenders = [...found.primaryKeys, ...found.foreignKeys, ...found.uniques, ...found.rls];
    expect(offenders, `tenant-key rule broken (see migrations/016_tenant_keys.sql):\n  ${offenders.join('\n  ')}`).toEqual([]);
    // what migration 016 rekeyed, so that the check is known to have looked at something
    expect(found.tables.length).toBeGreaterThanOrEqual(28);
    expect(found.foreignKeyCount).toBeGreaterThanOrEqual(58);
  });

  it('the check itself catches a table keyed on id alone and a reference without the tenant', async () => {
    const rolledBack = new Error('roll back');
    let found: Offenders | null = null;
    await asSystem(db, async (tx) => {
      await sql`create table zz_orders (id uuid primary key, tenant_id uuid not null, customer_id uuid, code text unique,
        foreign key (tenant_id, customer_id) references customers (tenant_id, id))`.execute(tx);
      await sql`create table zz_order_lines (id uuid, tenant_id uuid not null, order_id uuid, primary key (tenant_id, id))`.execute(tx);
      await sql`create unique index zz_orders_id on zz_orders (id)`.execute(tx);
      await sql`alter table zz_order_lines add constraint zz_order_lines_order_id_fkey foreign key (order_id) references zz_orders (id)`.execute(tx);
      found = await tenantKeyOffenders(tx);
      throw rolledBack;
    }).catch((e) => { if (e !== rolledBack) throw e; });
    const f = found as Offenders | null;
    expect(f?.primaryKeys).toEqual(['zz_orders: primary key zz_orders_pkey lacks tenant_id']);
    expect(f?.foreignKeys).toEqual(['zz_order_lines.zz_order_lines_order_id_fkey → zz_orders (order_id=id) lacks tenant_id=tenant_id']);
    expect(f?.uniques).toEqual(['zz_orders.zz_orders_code_key (code) lacks tenant_id', 'zz_orders.zz_orders_id (id) lacks tenant_id', 'zz_orders.zz_orders_pkey (id) lacks tenant_id']);
    expect(f?.rls).toEqual(['zz_order_lines: row-level security is off', 'zz_orders: row-level security is off']);
  });
  it('every row-level security policy computes the tenant once per statement, new tables\' too (migration 036)', async () => {
    const rolledBack = new Error('roll back');
    let policies: Array<{ tbl: string; qual: string; check: string | null }> = [];
    await asSystem(db, async (tx) => {
      await sql`create table zz_rls (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))`.execute(tx);
      await sql`select l2c_tenant_table('zz_rls')`.execute(tx);
      policies = (await sql<{ tbl: string; qual: string; check: string | null }>`select tablename::text as tbl, qual, with_check as check
        from pg_policies where schemaname = 'public' order by 1`.execute(tx)).rows;
      throw rolledBack;
    }).catch((e) => { if (e !== rolledBack) throw e; });
    // a scalar subquery is an init plan: evaluated once, then compared as a parameter; the bare call is inlined into
    // a setting look-up and a UUID parse for every row a scan filters (twice the CPU of the aging totals at 1M)
    const perRow = policies.filter((p) => !/\(\s*select app_tenant_id\(\)/i.test(p.qual) || !/\(\s*select app_tenant_id\(\)/i.test(p.check ?? ''));
    expect(perRow.map((p) => `${p.tbl}: ${p.qual}`)).toEqual([]);
    expect(policies.map((p) => p.tbl)).toContain('zz_rls');
    expect(policies.length).toBeGreaterThan(60);
  });
});
