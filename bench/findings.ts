// BENCH_FINDINGS=1: EXPLAIN ANALYZE of list queries the figures do not cover, before and after the fixes proposed in
// docs/benchmarks.md. Everything runs in one transaction that is rolled back: the proposed indexes and functions
// exist only inside it, and the database is left as it was.
import type pg from 'pg';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../packages/server/src/platform/db.js';
import { authOf, capture } from './customers-list.js';
import { fmt, log, table } from './lib.js';
import type { BenchTenant } from './seed.js';

interface Measured { ms: number; plan: string }

/** Median execution time of 5 EXPLAIN ANALYZE runs after one warm-up, and what the customers scan did. */
async function measure(c: pg.PoolClient, q: { sql: string; parameters: readonly unknown[] }): Promise<Measured> {
  const times: number[] = [];
  let plan = '';
  await c.query(q.sql, q.parameters as unknown[]);
  for (let i = 0; i < 5; i++) {
    const r = await c.query(`explain (analyze, format json) ${q.sql}`, q.parameters as unknown[]);
    const raw = r.rows[0]['QUERY PLAN'];
    const root = (typeof raw === 'string' ? JSON.parse(raw) : raw)[0];
    times.push(root['Execution Time']);
    if (i === 0) plan = scanOf(root.Plan);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2]!, plan };
}

interface Node { 'Node Type': string; 'Relation Name'?: string; Alias?: string; 'Index Name'?: string; 'Actual Rows'?: number; 'Rows Removed by Filter'?: number; 'Sort Method'?: string; Plans?: Node[] }

function scanOf(root: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n['Node Type'] === 'Sort') parts.push(`Sort (${n['Sort Method'] ?? '?'})`);
    if (n['Relation Name'] === 'customers' && n.Alias === 'c') {
      const idx = n['Index Name'] ? ` ${n['Index Name']}` : '';
      parts.push(`${n['Node Type']}${idx}: ${n['Actual Rows']} rows${n['Rows Removed by Filter'] ? `, ${n['Rows Removed by Filter']} filtered out` : ''}`);
    }
    n.Plans?.forEach(walk);
  };
  walk(root);
  return parts.join(' ← ');
}

/** Add a predicate to a captured list SELECT (before its ORDER BY), with one more parameter. */
function withPredicate(q: CompiledQuery, predicate: (param: string) => string, value: unknown) {
  const n = q.parameters.length + 1;
  const i = q.sql.search(/\border by\b(?![\s\S]*\border by\b)/i);
  return { sql: `${q.sql.slice(0, i)} and ${predicate(`$${n}`)} ${q.sql.slice(i)}`, parameters: [...q.parameters, value] };
}

const SEARCH_KEY = `lower(name || ' ' || number || ' ' || coalesce(credit_code, '') || ' ' || coalesce(phone, ''))`;

/** The proposed schema changes, as one would write them in a migration. */
const PROPOSED = [
  // Character bigrams: a 2-character Chinese query (a trade name such as 恒通) has no trigram, so pg_trgm cannot serve it.
  `create function l2c_bigrams(t text) returns text[] language sql immutable strict parallel safe cost 1000 as $$
     select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, char_length(t) - 1) i $$`,
  `create index customers_search_bigrams on customers using gin (l2c_bigrams(${SEARCH_KEY}))`,
  // Under row-level security a non-leakproof operator (ILIKE, @>) cannot be an index condition, so the index lookup
  // runs as the owner in a SECURITY DEFINER function that applies the tenant itself, and returns at most `cap` ids.
  `create function customer_search_ids(q text, cap int) returns uuid[] language sql stable security definer
     set search_path = public as $$
     select array(select id from customers where tenant_id = app_tenant_id()
       and l2c_bigrams(${SEARCH_KEY}) @> l2c_bigrams(lower(q)) limit cap) $$`,
  `grant execute on function customer_search_ids(text, int) to l2c_app`,
  `create index if not exists customers_name_sort on customers (tenant_id, name, id)`,
  `create index if not exists customers_followup_sort on customers (tenant_id, (coalesce(last_followup_at, 'epoch'::timestamptz)) desc, id desc)`,
  `analyze customers`,
];

export async function runFindings(db: Db, t: BenchTenant, search: { rare: string; broad: string }): Promise<string> {
  const admin = authOf(t, t.admin);
  const repUser = t.users.find((u) => u.role === 'sales_rep')!;
  const rep = authOf(t, repUser);
  const sel = async (auth: typeof admin, qs: string) => (await capture(db, auth, qs)).select;
  const q = {
    rare: await sel(admin, `q=${encodeURIComponent(search.rare)}&sort=-createdAt&limit=50`),
    broad: await sel(admin, `q=${encodeURIComponent(search.broad)}&sort=-createdAt&limit=50`),
    name: await sel(admin, 'sort=name&limit=50'),
    followup: await sel(admin, 'sort=-lastFollowUpAt&limit=50'),
    repPage: await sel(rep, 'sort=-createdAt&limit=50'),
    repNarrow: await sel(rep, 'grade=A&industry=finance&sort=-createdAt&limit=50'),
  };
  // 'own' scope as a plain equality: the planner can then use customers_owner_created (tenant_id, owner_id, created_at).
  const ownAsEquality = (x: CompiledQuery) => ({
    sql: x.sql.replace(/c\.owner_id in \(select visible_owner_ids\((\$\d+)::uuid, (\$\d+)\)\)/, 'c.owner_id = $1::uuid and $2::text is not null'),
    parameters: x.parameters,
  });

  const c = await db.pool.connect();
  const rows: Array<Array<string | number>> = [];
  try {
    await c.query('begin');
    const asTenant = () => c.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('role', 'l2c_app', true)`, [t.tenantId, t.admin.id]);
    const asOwner = () => c.query('reset role');
    await asTenant();
    const before = {
      rare: await measure(c, q.rare), broad: await measure(c, q.broad), name: await measure(c, q.name),
      followup: await measure(c, q.followup), repPage: await measure(c, q.repPage), repNarrow: await measure(c, q.repNarrow),
    };
    log('findings: creating the proposed indexes inside the transaction …');
    await asOwner();
    const t0 = Date.now();
    for (const ddl of PROPOSED) await c.query(ddl);
    const ddlMs = Date.now() - t0;
    const sizes = (await c.query(`select pg_size_pretty(pg_relation_size('customers_search_bigrams')) as bigrams,
      pg_size_pretty(pg_relation_size('customers_name_sort')) as name, pg_size_pretty(pg_relation_size('customers')) as heap`)).rows[0];
    await asTenant();

    // Search: look up candidate ids (capped); if under the cap, list by id; at the cap the term is broad, and the
    // ordered scan on customers_created finds a page quickly, so steer the planner to it.
    const CAP = 1000;
    const lookup = async (term: string) => {
      const m = await measure(c, { sql: 'select customer_search_ids($1, $2)', parameters: [term, CAP] });
      const ids = (await c.query('select customer_search_ids($1, $2) as ids', [term, CAP])).rows[0].ids as string[];
      return { m, ids };
    };
    const rare = await lookup(search.rare);
    const rareList = await measure(c, withPredicate(q.rare, (p) => `c.id = any(${p}::uuid[])`, rare.ids));
    const broad = await lookup(search.broad);
    let broadList: Measured;
    if (broad.ids.length < CAP) broadList = await measure(c, withPredicate(q.broad, (p) => `c.id = any(${p}::uuid[])`, broad.ids));
    else {
      await c.query('set local enable_seqscan = off');
      broadList = await measure(c, q.broad);
      await c.query('set local enable_seqscan = on');
    }
    const after = {
      name: await measure(c, q.name), followup: await measure(c, q.followup),
      repPage: await measure(c, ownAsEquality(q.repPage)), repNarrow: await measure(c, ownAsEquality(q.repNarrow)),
    };
    const row = (what: string, b: Measured, a: Measured | number, fix: string, planAfter?: string) =>
      rows.push([what, b.ms, typeof a === 'number' ? a : a.ms, b.ms / (typeof a === 'number' ? a : a.ms), fix, b.plan, planAfter ?? (typeof a === 'number' ? '' : a.plan)]);
    row(`q=${search.rare} (${rare.ids.length} matches)`, before.rare, rare.m.ms + rareList.ms, 'bigram GIN + capped id lookup', `lookup ${fmt(rare.m.ms)} ms, then ${rareList.plan}`);
    row(`q=${search.broad} (${broad.ids.length >= CAP ? `≥${CAP}` : broad.ids.length} matches)`, before.broad, broad.m.ms + broadList.ms,
      broad.ids.length >= CAP ? 'lookup hits the cap → ordered scan' : 'bigram GIN + capped id lookup', `lookup ${fmt(broad.m.ms)} ms, then ${broadList.plan}`);
    row('sort=name', before.name, after.name, 'index (tenant_id, name, id)');
    row('sort=-lastFollowUpAt', before.followup, after.followup, 'index on coalesce(last_followup_at, epoch)');
    row(`rep (own), first page`, before.repPage, after.repPage, "'own' as c.owner_id = $user");
    row(`rep (own), grade=A&industry=finance`, before.repNarrow, after.repNarrow, "'own' as c.owner_id = $user");
    const out = [
      `What-if EXPLAIN ANALYZE (median of 5 executions, as the tenant role; proposed DDL built in ${(ddlMs / 1000).toFixed(1)} s inside a`,
      `rolled-back transaction; bigram index ${sizes.bigrams}, name index ${sizes.name}, customers heap ${sizes.heap}):`,
      table(['query', 'before ms', 'after ms', 'speed-up', 'fix', 'plan before', 'plan after'], rows),
    ];
    return out.join('\n');
  } finally {
    await c.query('rollback').catch(() => {});
    c.release();
  }
}
