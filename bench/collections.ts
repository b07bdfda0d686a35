// Collections bench (run by `npm run bench` after the customer-list bench, or alone: `npm run bench:collections`).
//   (a) the aging report through the API against two bare-SQL counterparts on the same data, in the same run: the
//       plain aggregate over the receivables (what the report computed before the summary) and the same summary
//       query the API runs (migration 020), as the owner role without HTTP, auth, RLS or JSON. Targets (issue 13): totals
//       as of today < 1.5 s, as of a past day < 3 s, by customer < 2 s at 10M receivables on PostgreSQL, and the API
//       within 1.15 × its bare SQL. BENCH_AGING_ROWS receivables (BENCH_AR_RECEIVABLES is the older name), 30% open;
//   (c) the statement of account of one customer with BENCH_AR_STATEMENT receivables (target < 500 ms).
// PGlite in a temporary data directory by default (200,000 receivables, so the whole `npm run bench` stays within a
// few minutes on 2 cores); with DATABASE_URL, PostgreSQL and 1,000,000 by default; BENCH_AGING_ROWS=10000000 for the
// 10M run (seeding ~15 min and ~10 GB on PostgreSQL). See docs/benchmarks.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { businessDate } from '../packages/server/src/platform/clock.js';
import { bucketsOf, dueRanges } from '../packages/server/src/domains/collections/index.js';
import { CpuMeter, envInt, httpJson, keepAliveAgent, log, percentile, postgresCpuMs, postmasterPid, table } from './lib.js';
import { AR_PASSWORD, analyzeAr, findSeeded, seedAgingSummary, type ArTenant, seedCustomers, seedOrg, seedReceivables, seedStatementCustomer } from './collections-seed.js';
import { recordFigure } from './figures.js';
import { startServer, stopServer, type ExternalServer } from './processes.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const RECEIVABLES = envInt('BENCH_AGING_ROWS', envInt('BENCH_AR_RECEIVABLES', DATABASE_URL ? 1_000_000 : 200_000));
const CUSTOMERS = envInt('BENCH_AR_CUSTOMERS', 20_000);
const STATEMENT = envInt('BENCH_AR_STATEMENT', 10_000);
// 40 timed pairs: the p50 of 10 moved by ±0.05 of the ratio between runs.
const RUNS = envInt('BENCH_AR_RUNS', 40);
// Warm-ups: the server's code is optimised by V8 as it is in a server that has been answering for a while. With 3 the
// API side ran partly unoptimised (1.0–1.7 ms more Node CPU a request at 1M: totals 1.23× → 1.14× of the same SQL);
// with 50 still partly: as of a past day, this process's CPU per API request 2.4–2.6 ms after 50 requests, 1.9–2.0 ms
// after 1,000 (session 6, perf: inline-cache and baseline-code builtins on top). 300 per side and case.
const WARMUP = envInt('BENCH_AR_WARMUP', 300);
// A browser keeps its connection to the server: the timed API requests of a case go over one kept-alive connection
// (the bare side uses a pooled database connection). BENCH_AR_KEEPALIVE=0: a fresh TCP connection per request, as
// the bench measured before session 5.
const KEEPALIVE = process.env.BENCH_AR_KEEPALIVE !== '0';
// BENCH_AR_WORKERS=N (PostgreSQL): the API served by main.ts as a process of its own with L2C_WORKERS=N, as `npm start`
// runs it (bench/processes.ts, as the list's BENCH_WORKERS), instead of the app inside this process (0, the default),
// whose HTTP client then shares the server's thread. The API's CPU columns then count this process only.
const WORKERS = envInt('BENCH_AR_WORKERS', 0);
const SLUG = 'bench-ar';

interface Timing { n: number; p50: number; p90: number; min: number; cpu?: { node: number; postgres: number } }

function timing(ms: number[]): Timing {
  const s = Float64Array.from(ms).sort();
  return { n: ms.length, p50: percentile(s, 50), p90: percentile(s, 90), min: s[0]! };
}

/**
 * The API and its bare SQL timed in turns (a, b, b, a, a, b, …): on a shared machine a burst of other work then
 * falls on both sides alike instead of on whichever ran during it. Also the CPU each side costs per request — this
 * process (the server and its HTTP client, or the pg client) and the PostgreSQL server (when it runs here) — which
 * other work on the machine inflates far less than it does the wall time.
 */
async function timePair(runs: number, warmup: number, a: () => Promise<void>, b: () => Promise<void>): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) { await a(); await b(); }
  const pids = [...CpuMeter.postgresTree().keys()]; // the connections both sides use are open by now
  const ms: [number[], number[]] = [[], []];
  const cpu = [{ node: 0, postgres: 0 }, { node: 0, postgres: 0 }];
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const pg0 = postgresCpuMs(pids);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await (k === 0 ? a() : b());
      ms[k]!.push(performance.now() - t0);
      const c1 = process.cpuUsage(c0);
      cpu[k]!.node += (c1.user + c1.system) / 1000 / runs;
      cpu[k]!.postgres += (postgresCpuMs(pids) - pg0) / runs;
    }
  }
  return [{ ...timing(ms[0]), cpu: cpu[0]! }, { ...timing(ms[1]), cpu: cpu[1]! }];
}

async function time(runs: number, warmup: number, fn: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return timing(ms);
}

/**
 * The bare aggregate: the same answer, hand-written — the bucket sums per group, the first `limit` groups by total
 * and a totals row; for a scoped user the same rule (the owner or the customer's owner is in the team) — as the owner
 * role with tenant_id in the WHERE: no RLS, no transaction, no HTTP, no labels, no JSON.
 */
function bareAggregate(groupBy: 'none' | 'customer' | 'owner', tenantId: string, asOf: string, ownerIds: string[] | null, limit = 200) {
  const ranges = dueRanges(bucketsOf(), asOf);
  const sums = ranges.map((r, i) => {
    const lo = r.from === null ? 'true' : `due_date >= '${r.from}'`;
    const hi = r.to === null ? 'true' : `due_date <= '${r.to}'`;
    return `coalesce(sum(amount_open) filter (where ${lo} and ${hi}), 0) as b${i}`;
  }).join(', ');
  const where = `tenant_id = $1 and amount_open > 0 and kind = 'invoice' and currency = 'CNY' and business_date <= $2
    ${ownerIds ? 'and (owner_id = any($3::uuid[]) or customer_id in (select id from customers where tenant_id = $1 and owner_id = any($3::uuid[])))' : ''}`;
  const values = ownerIds ? [tenantId, asOf, ownerIds] : [tenantId, asOf];
  if (groupBy === 'none') return { text: `select count(*) as n, sum(amount_open) as total, ${sums} from receivables where ${where}`, values };
  const key = groupBy === 'customer' ? 'customer_id' : 'owner_id';
  const cols = ranges.map((_, i) => `sum(b${i})`).join(', ');
  return {
    text: `with agg as (select ${key} as key, count(*) as n, sum(amount_open) as total, ${sums} from receivables where ${where} group by 1)
      (select * from agg order by total desc limit ${limit}) union all (select null, sum(n), sum(total), ${cols} from agg)`,
    values,
  };
}

function bucketSql(asOf: string, col = 'due_date', amount = 'amount_open') {
  return dueRanges(bucketsOf(), asOf).map((r, i) => {
    const lo = r.from === null ? 'true' : `${col} >= '${r.from}'`;
    const hi = r.to === null ? 'true' : `${col} <= '${r.to}'`;
    return `coalesce(sum(${amount}) filter (where ${lo} and ${hi}), 0) as b${i}`;
  }).join(', ');
}

/**
 * The bare as-of aggregate over the facts, the fastest plain form: what is open now plus what was applied after the
 * day (allocations by date), for the invoices booked by then.
 */
function bareAsOf(tenantId: string, asOf: string) {
  return {
    text: `with later as (select receivable_id, sum(amount) as amount from allocations where tenant_id = $1 and applied_on > $2 group by 1),
      o as (
        select r.due_date, r.amount_open + coalesce(l.amount, 0) as open
        from receivables r left join later l on l.receivable_id = r.id
        where r.tenant_id = $1 and r.amount_open > 0 and r.kind = 'invoice' and r.currency = 'CNY' and r.business_date <= $2
        union all
        select r.due_date, l.amount from later l join receivables r on r.tenant_id = $1 and r.id = l.receivable_id
        where r.amount_open = 0 and r.kind = 'invoice' and r.currency = 'CNY' and r.business_date <= $2 and l.amount > 0)
      select count(*) as n, sum(open) as total, ${bucketSql(asOf, 'due_date', 'open')} from o where open > 0`,
    values: [tenantId, asOf],
  };
}

/** The summary query the API runs for the unscoped report (collections/aging-summary.sql.ts), bare: tenant_id in the WHERE. */
function bareSummary(kind: 'totals' | 'customer', tenantId: string, asOf: string, limit = 200) {
  const steps = `select due_date, sum(amount) as open, sum(n) as n from (
      select due_date, amount, n from aging_summary where tenant_id = $1 and currency = 'CNY' and event_date <= $2
      union all select due_date, amount, n from aging_deltas where tenant_id = $1 and currency = 'CNY' and event_date <= $2) s group by 1`;
  if (kind === 'totals') return { text: `select sum(n) as n, sum(open) as total, ${bucketSql(asOf, 'due_date', 'open')} from (${steps}) o`, values: [tenantId, asOf] };
  return {
    text: `with cust as (
        select customer_id as key, sum(amount) as total, sum(n) as n from (
          select customer_id, amount, n from aging_customer where tenant_id = $1 and currency = 'CNY'
          union all select customer_id, amount, n from aging_deltas where tenant_id = $1 and currency = 'CNY') x
        group by 1 having sum(n) > 0),
      top as (select * from cust order by total desc, key limit ${limit}),
      tb as (select customer_id as key, ${bucketSql(asOf)} from receivables
             where tenant_id = $1 and customer_id in (select key from top) and amount_open > 0 and kind = 'invoice' and currency = 'CNY' and business_date <= $2
             group by 1)
      (select t.key, t.n, t.total, tb.* from top t left join tb on tb.key = t.key order by t.total desc)
      union all
      (select null, (select sum(n) from cust), (select sum(total) from cust), null, ${dueRanges(bucketsOf(), asOf).map((_, i) => `o.b${i}`).join(', ')}
       from (select ${bucketSql(asOf, 'due_date', 'open')} from (${steps}) s) o)`,
    values: [tenantId, asOf],
  };
}

/**
 * The report by customer also shows each row's unapplied cash as of the day (collections/aging-cash.sql.ts): the bare
 * side runs that statement too, for the 200 customers the first one returned, so both sides do the same work.
 */
function bareUnapplied(tenantId: string, asOf: string) {
  return (customerIds: string[]) => ({
    text: `select p.customer_id, sum(p.amount - coalesce((select sum(a.amount) from allocations a
        where a.tenant_id = $1 and a.payment_id = p.id and a.applied_on <= $3::date), 0))::text as unapplied
      from payments p where p.tenant_id = $1 and p.customer_id = any($2::uuid[]) and p.status = 'confirmed' and p.currency = 'CNY'
        and p.received_on <= $3::date group by p.customer_id`,
    values: [tenantId, customerIds, asOf],
  });
}

async function main() {
  const started = Date.now();
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-ar-'));
  let l2c: L2C | null = null;
  let bare: pg.Pool | null = null;
  let server: ExternalServer | null = null;
  try {
    l2c = await createApp({
      databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false,
      logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null,
    });
    const db = l2c.db;
    const exists = await sql<{ n: number }>`select count(*)::int as n from tenants where slug = ${SLUG}`.execute(db.kysely);
    const reuse = exists.rows[0]!.n > 0;
    if (reuse && process.env.BENCH_AR_REUSE !== '1') throw new Error(`tenant ${SLUG} already exists: point DATABASE_URL at a fresh database (or BENCH_AR_REUSE=1 to measure its data again)`);
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    let baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0]!.v;
    const today = businessDate(new Date());

    let seedMs = 0;
    let org: Omit<ArTenant, 'statementCustomer'>;
    let statementCustomer: string;
    if (reuse) {
      // Measure the data of an earlier run again (seeded the same business day: the bucket figures assume it).
      ({ statementCustomer, ...org } = await findSeeded(db, SLUG, today));
      log(`${db.kind} ${version}; reusing tenant ${SLUG} seeded earlier`);
    } else {
      log(`${db.kind} ${version}; seeding ${RECEIVABLES.toLocaleString('en')} receivables over ${CUSTOMERS.toLocaleString('en')} customers, statement customer with ${STATEMENT.toLocaleString('en')} …`);
      const t0 = Date.now();
      org = await seedOrg(db, SLUG, today);
      await seedCustomers(db, org.tenantId, CUSTOMERS);
      await seedReceivables(db, org.tenantId, RECEIVABLES, today, 1_000_000, (done) => { if (RECEIVABLES > 1_000_000) log(`… ${done.toLocaleString('en')} receivables`); });
      statementCustomer = await seedStatementCustomer(db, org.tenantId, org.manager.id, STATEMENT, today);
      const t1 = Date.now();
      await seedAgingSummary(db, org.tenantId);
      log(`aging summary recomputed from the facts in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
      seedMs = Date.now() - t0;
      await analyzeAr(db);
      log(`seeded in ${(seedMs / 1000).toFixed(1)} s, vacuum analyze ${((Date.now() - t0 - seedMs) / 1000).toFixed(1)} s`);
    }

    if (WORKERS > 0) {
      if (!DATABASE_URL) throw new Error('BENCH_AR_WORKERS needs DATABASE_URL: the embedded database belongs to one process');
      server = await startServer(DATABASE_URL, WORKERS);
      baseUrl = server.url;
      log(`API on ${baseUrl}: main.ts with L2C_WORKERS=${WORKERS}`);
    }
    const token = async (email: string) => {
      const res = await httpJson(`${baseUrl}/api/v1/auth/login`, { method: 'POST', body: { email, password: AR_PASSWORD, tenant: SLUG } });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    };
    const tokens = { admin: await token(org.admin.email), manager: await token(org.manager.email), finance: await token(org.finance.email) };
    const teamIds = (await sql<{ id: string }>`select visible_owner_ids(${org.manager.id}::uuid, 'team') as id`.execute(db.kysely)).rows.map((r) => r.id);
    const api = async (tok: string, p: string, agent?: http.Agent) => {
      const res = await httpJson(baseUrl + p, { headers: { authorization: `Bearer ${tok}` }, ...(agent ? { agent } : {}) });
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    bare = DATABASE_URL ? new pg.Pool({ connectionString: DATABASE_URL, max: 2 }) : null;
    // The bare side's statements are named per connection as the app's are (platform/prepared.ts), so both sides get
    // PostgreSQL's same plan choice — the aging route keeps generic plans (genericPlans) — and planning is not counted
    // against one side only. BENCH_AR_BARE_UNNAMED=1: planned on every call, as this bench did up to session 5.
    const named = process.env.BENCH_AR_BARE_UNNAMED !== '1';
    const query = (q: { text: string; values: unknown[] }) => (bare ?? db.pool).query(named
      ? { name: `bare_${crypto.createHash('sha1').update(q.text).digest('hex').slice(0, 20)}`, text: q.text, values: q.values }
      : { text: q.text, values: q.values });
    if (bare) CpuMeter.postgresRoot = await postmasterPid(bare);

    const counts = (await sql<{ n: number; open: number }>`select count(*)::int as n, (count(*) filter (where amount_open > 0))::int as open
      from receivables where tenant_id = ${org.tenantId}`.execute(db.kysely)).rows[0]!;

    const asOf = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    // Each case: the API, the same summary query bare (same work: what the API adds is HTTP, auth, the transaction
    // with RLS, and JSON), and the plain aggregate over the receivables (the same answer the way it was computed
    // before the summary). Absolute targets from issue 13 apply at 10M receivables on PostgreSQL.
    const cases = [
      { key: 'totals', who: 'admin (all), as of today', path: '/api/v1/aging', tok: tokens.admin, limitMs: 1500,
        same: bareSummary('totals', org.tenantId, today), plain: bareAggregate('none', org.tenantId, today, null) },
      { key: 'as of', who: `admin (all), totals as of ${asOf}`, path: `/api/v1/aging?asOf=${asOf}`, tok: tokens.admin, limitMs: 3000,
        same: bareSummary('totals', org.tenantId, asOf), plain: bareAsOf(org.tenantId, asOf) },
      { key: 'customer', who: 'admin (all), top 200 of every customer', path: '/api/v1/aging?groupBy=customer&limit=200', tok: tokens.admin, limitMs: 2000,
        same: bareSummary('customer', org.tenantId, today), then: bareUnapplied(org.tenantId, today), plain: bareAggregate('customer', org.tenantId, today, null) },
      { key: 'team', who: 'sales manager (team), by owner', path: '/api/v1/aging?groupBy=owner', tok: tokens.manager, limitMs: null,
        same: bareAggregate('owner', org.tenantId, today, teamIds), plain: null },
    ];
    const load0 = os.loadavg()[0]!;
    const rows: Array<Array<string | number>> = [];
    const cpuRows: Array<Array<string | number>> = [];
    const database = `${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${(counts.n / 1e6).toFixed(counts.n >= 1e7 ? 0 : 1)}M receivables`;
    for (const c of cases) {
      // The same numbers every way, or the comparison means nothing.
      const viaApi = await api(c.tok, c.path);
      for (const q of [c.same, c.plain]) {
        if (!q) continue;
        const viaSql = (await query(q)).rows as Array<{ total: string }>;
        const sqlTotal = Number(viaSql[viaSql.length - 1]!.total).toFixed(2); // the totals row (or the only row)
        if (viaApi.totals.total !== sqlTotal) throw new Error(`${c.key}: API total ${viaApi.totals.total} ≠ SQL ${sqlTotal}`);
      }
      log(`aging ${c.key}: ${viaApi.groups} groups, total ${viaApi.totals.total}; timing …`);
      const agent = KEEPALIVE ? keepAliveAgent() : undefined;
      const [a, s] = await timePair(RUNS, WARMUP, async () => { await api(c.tok, c.path, agent); }, async () => {
        const first = await query(c.same);
        if ('then' in c && c.then) await query(c.then(first.rows.map((r: { key: string | null }) => r.key).filter((k): k is string => k !== null)));
      });
      agent?.destroy();
      const p = c.plain ? await time(Math.min(RUNS, 5), 1, async () => { await query(c.plain!); }) : null;
      const ratio = a.p50 / s.p50;
      const cpuOf = (t: Timing) => (t.cpu ? t.cpu.node + t.cpu.postgres : NaN);
      cpuRows.push([`aging ${c.key}`, a.cpu?.node ?? NaN, a.cpu?.postgres ?? NaN, cpuOf(a), s.cpu?.node ?? NaN, s.cpu?.postgres ?? NaN, cpuOf(s), cpuOf(a) / cpuOf(s)]);
      const inTime = c.limitMs === null ? null : a.p50 < c.limitMs;
      rows.push([`aging ${c.key}`, c.who, a.p50, a.p90, s.p50, ratio, ratio <= 1.15 ? 'yes' : 'NO', p ? p.p50 : '-', p ? a.p50 / p.p50 : '-',
        c.limitMs === null ? '-' : `< ${c.limitMs.toLocaleString('en')}: ${inTime ? 'yes' : 'NO'}`]);
      recordFigure({ bench: 'collections', figure: `aging ${c.key} (API / same query bare)${WORKERS ? `, API on L2C_WORKERS=${WORKERS}` : ''}`, api: a.p50, sql: s.p50, unit: 'ms', target: 'API/SQL ≤ 1.15', met: ratio <= 1.15, database });
      if (p) {
        recordFigure({ bench: 'collections', figure: `aging ${c.key} (API / plain aggregate over receivables)`, api: a.p50, sql: p.p50, unit: 'ms',
          target: c.limitMs === null ? null : `API < ${c.limitMs.toLocaleString('en')} ms at 10M`, met: c.limitMs === null || counts.n < 9_000_000 ? null : inTime, database });
      }
    }

    // The other reports are timed for the record only (a few runs each, to keep the whole bench short);
    // BENCH_AR_REPORTS=0 leaves them out (at 10M the trend and the as-of by customer take minutes).
    const none: Timing = { n: 0, p50: NaN, p90: NaN, min: NaN };
    const reports = process.env.BENCH_AR_REPORTS !== '0';
    const timeIf = (runs: number, warmup: number, fn: () => Promise<void>) => (reports ? time(runs, warmup, fn) : Promise.resolve(none));
    const asOfT = await timeIf(3, 1, async () => { await api(tokens.admin, `/api/v1/aging?groupBy=customer&asOf=${asOf}`); });
    const trendT = await timeIf(2, 1, async () => { await api(tokens.admin, '/api/v1/aging/trend?months=12'); });
    const dsoT = await timeIf(3, 1, async () => { await api(tokens.admin, '/api/v1/dso'); });

    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 730 * 86_400_000).toISOString().slice(0, 10);
    const stPath = `/api/v1/customers/${statementCustomer}/statement?from=${from}&to=${today}`;
    const st = reports ? await api(tokens.finance, stPath) : { lines: [], writeOffs: [], closingBalance: '-' };
    if (reports) log(`statement: ${st.lines.length} lines, ${st.writeOffs.length} write-offs, closing ${st.closingBalance}; timing …`);
    const stT = await timeIf(10, 5, async () => { await api(tokens.finance, stPath); }); // ~0.2 s each: few warm-ups
    const xlsxT = await timeIf(2, 1, async () => { await api(tokens.finance, stPath.replace('/statement?', '/statement.xlsx?')); });
    const pdfT = await timeIf(2, 1, async () => { await api(tokens.finance, stPath.replace('/statement?', '/statement.pdf?')); });

    const load1 = os.loadavg()[0]!;
    const out: string[] = [];
    out.push('', `L2C bench — collections — ${today}`);
    out.push(`database: ${db.kind} ${version}${db.kind === 'postgres' ? '' : ' (embedded, in-process)'}${WORKERS ? `; API: main.ts as its own process with L2C_WORKERS=${WORKERS}` : ''}; machine: ${os.availableParallelism()} cores, node ${process.version}`);
    out.push(`data: ${counts.n.toLocaleString('en')} receivables (${counts.open.toLocaleString('en')} open = ${((100 * counts.open) / counts.n).toFixed(1)}%) over ${CUSTOMERS.toLocaleString('en')} customers; ${reuse ? 'seeded by an earlier run' : `seed ${(seedMs / 1000).toFixed(1)} s`}`);
    out.push(`timing: sequential requests, ${WARMUP} warm-up + ${RUNS} measured each, API and same SQL in turns (others fewer); ms`);
    out.push(`load average (1 min) when the measurements started ${load0.toFixed(2)}, ended ${load1.toFixed(2)} — above ~1 means other work shared the 2 cores`);
    out.push('');
    out.push(table(['case', 'who', 'API p50', 'API p90', 'same SQL p50', 'API/SQL', '≤ 1.15×', 'plain SQL p50', 'API/plain', 'target ms (10M)'], rows));
    out.push('');
    out.push('CPU ms per request, the same runs (node: this process — server and HTTP client, or the pg client; postgres: the server\'s processes, when it runs here):');
    out.push(table(['case', 'API node', 'API postgres', 'API CPU', 'same SQL node', 'same SQL postgres', 'same SQL CPU', 'API/SQL CPU'], cpuRows));
    out.push('');
    out.push(table(['report', 'what', 'p50 ms', 'p90 ms', 'target'], [
      ['statement', `${st.lines.length.toLocaleString('en')} lines, ${st.writeOffs.length.toLocaleString('en')} write-offs (JSON)`, stT.p50, stT.p90, !reports ? '-' : stT.p50 < 500 ? '< 500 ms: yes' : '< 500 ms: NO'],
      ['statement.xlsx', 'same, Excel', xlsxT.p50, xlsxT.p90, '-'],
      ['statement.pdf', 'same, PDF', pdfT.p50, pdfT.p90, '-'],
      ['aging as of, by customer', `as of ${asOf} (plain: open now + allocations since)`, asOfT.p50, asOfT.p90, '-'],
      ['aging trend', '12 month-ends', trendT.p50, trendT.p90, '-'],
      ['dso', 'simple + countback, 90 days', dsoT.p50, dsoT.p90, '-'],
    ]));
    out.push('');
    out.push(`API: GET over HTTP/1.1 (${KEEPALIVE ? 'one kept-alive connection per case, as a browser' : 'a fresh connection per request'}), auth, one transaction as the tenant role (RLS), JSON.`);
    out.push('  same SQL runs on a pooled database connection.');
    out.push('same SQL: the statements the API runs (the aging summary for the unscoped cases — by customer, then its unapplied cash —, the open set for the team), as the owner role with');
    out.push('  tenant_id in the WHERE: no RLS, no transaction, no HTTP, no JSON. plain SQL: the same answer aggregated over the receivables');
    out.push('  (and, as of a past day, the allocations since), the way the report read before the summary (migration 020).');
    out.push(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(out.join('\n'));
  } finally {
    if (bare) await bare.end();
    if (server) await stopServer(server);
    if (l2c) await l2c.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
