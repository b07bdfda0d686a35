// `npm run bench`: seeds one tenant with BENCH_CUSTOMERS customers, starts the app in-process on 127.0.0.1:0, and
// measures the customer list over HTTP against the bare SQL of the same page. PGlite in a temporary data directory
// by default; PostgreSQL when DATABASE_URL is set (it must point at a fresh, empty database).
// See docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { backfillSearchKeys } from '../packages/server/src/domains/customers/index.js';
import { CpuMeter, envInt, fmt, httpJson, log, table, type LoadOptions } from './lib.js';
import { analyze, BENCH_PASSWORD, seedTenant } from './seed.js';
import { recordFigure } from './figures.js';
import { startServer, stopServer, type ExternalServer } from './processes.js';
import { Profiler } from './profile.js';
import { runFindings } from './findings.js';
import { httpLoad, listCases, machine, runCase, SqlSide, type CaseResult } from './customers-list.js';

const CUSTOMERS = envInt('BENCH_CUSTOMERS', 100_000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 20);
const SECONDS = envInt('BENCH_SECONDS', 8);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 2);
const SERIAL_SECONDS = envInt('BENCH_SERIAL_SECONDS', 2);
// Before the first case, the API is loaded (every case's request in turn) for this long, unmeasured: the worker
// processes start cold, and their first seconds measured the JIT — the first case's first round was 1.75 against
// 1.26–1.31 for its later ones (session 10). A server is measured as it runs, warm.
const SERVER_WARMUP_SECONDS = envInt('BENCH_SERVER_WARMUP', 10);
// The paths of a case take turns in this many rounds, BENCH_SECONDS shared among them (customers-list.ts runCase)
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const WAIT_IDLE_SECONDS = envInt('BENCH_WAIT_IDLE', 0);
const RETRY_BUSY = envInt('BENCH_RETRY_BUSY', 0);
const MAX_REQUESTS = envInt('BENCH_MAX_REQUESTS', 50_000);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const SEARCH = process.env.BENCH_SEARCH || '恒通';
const FINDINGS = process.env.BENCH_FINDINGS === '1';
const BROAD_SEARCH = process.env.BENCH_BROAD_SEARCH || '科技';
const PINYIN_SEARCH = process.env.BENCH_PINYIN || 'hzht';
const PROFILE_DIR = process.env.BENCH_PROFILE || null;
const DATABASE_URL = process.env.DATABASE_URL || null;
// BENCH_WORKERS=N (PostgreSQL): the API served by main.ts as a process of its own with L2C_WORKERS=N — as `npm start`
// runs it, where N defaults to the cores — instead of the app inside this process (0, the default). Its CPU then
// counts as "cpu other".
const WORKERS = envInt('BENCH_WORKERS', 0);
const CASES = (process.env.BENCH_CASES || 'grade,search,pinyin,team-search,team').split(',').map((s) => s.trim()).filter(Boolean);

async function ensureFreshDatabase(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`select to_regclass('public.tenants') is not null as has_schema`);
    if (r.rows[0].has_schema && (await c.query('select count(*)::int as n from tenants')).rows[0].n > 0) {
      throw new Error('DATABASE_URL points at a database that already has tenants; the bench needs a fresh database ' +
        '(e.g. createdb l2cbench) and leaves its data in it');
    }
  } finally {
    await c.end();
  }
}

/** The local server's postmaster pid (data_directory/postmaster.pid), to count its CPU; null if not readable. */
async function postmasterPid(pool: pg.Pool): Promise<number | null> {
  try {
    const dir = (await pool.query(`select current_setting('data_directory') as d`)).rows[0].d as string;
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

async function main() {
  const started = Date.now();
  const load: LoadOptions = { concurrency: CONCURRENCY, warmupMs: WARMUP_SECONDS * 1000, durationMs: SECONDS * 1000, maxRequests: MAX_REQUESTS };
  let tmp: string | null = null;
  if (DATABASE_URL) await ensureFreshDatabase(DATABASE_URL);
  else tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-'));

  let l2c: L2C | null = null;
  let side: SqlSide | null = null;
  let server: ExternalServer | null = null;
  try {
    l2c = await createApp({
      databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false,
      logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null,
    });
    const db = l2c.db;
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    let baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    if (db.kind === 'postgres') CpuMeter.postgresRoot = await postmasterPid(db.pool);
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0]!.v;
    log(`${db.kind} ${version}, app on ${baseUrl}; seeding ${CUSTOMERS.toLocaleString('en')} customers …`);

    const t0 = Date.now();
    const tenant = await seedTenant(db, CUSTOMERS);
    const seedMs = Date.now() - t0;
    // The seed writes names in SQL; their pinyin keys come from the app's start-up fill, as after an upgrade.
    const keyed = await backfillSearchKeys(db);
    const keysMs = Date.now() - t0 - seedMs;
    if (process.env.BENCH_ANALYZE !== '0') await analyze(db);
    const analyzeMs = Date.now() - t0 - seedMs - keysMs;
    log(`seeded in ${(seedMs / 1000).toFixed(1)} s, search keys of ${keyed.toLocaleString('en')} customers ${(keysMs / 1000).toFixed(1)} s, vacuum analyze ${(analyzeMs / 1000).toFixed(1)} s`);

    if (WORKERS > 0) {
      if (!DATABASE_URL) throw new Error('BENCH_WORKERS needs DATABASE_URL: the embedded database belongs to one process');
      server = await startServer(DATABASE_URL, WORKERS);
      baseUrl = server.url;
      log(`API on ${baseUrl}: main.ts with L2C_WORKERS=${WORKERS}`);
    }
    const loginAs = async (email: string) => {
      const res = await httpJson(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST', body: { email, password: BENCH_PASSWORD, tenant: tenant.slug },
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    };
    const tokens = { admin: await loginAs(tenant.admin.email), manager: await loginAs(tenant.managerEast.email) };
    const visible = (await sql<{ n: number }>`select count(*)::int as n from customers
      where owner_id in (select visible_owner_ids(${tenant.managerEast.id}::uuid, 'team'))`.execute(db.kysely)).rows[0]!.n;
    const matches = (await sql<{ n: number }>`select count(*)::int as n from customers where name ilike ${`%${SEARCH}%`}`.execute(db.kysely)).rows[0]!.n;
    log(`the manager sees ${visible.toLocaleString('en')} customers; q=${SEARCH} matches ${matches} names`);

    side = new SqlSide(db, DATABASE_URL);
    const results: CaseResult[] = [];
    const profiler = PROFILE_DIR ? new Profiler(path.resolve(PROFILE_DIR)) : undefined;
    const cases = listCases(tenant, tokens, { search: SEARCH, pinyin: PINYIN_SEARCH, broad: BROAD_SEARCH }).filter((x) => CASES.includes(x.key));
    if (SERVER_WARMUP_SECONDS > 0) {
      log(`warming the API for ${SERVER_WARMUP_SECONDS} s (every case's request in turn, not measured) …`);
      for (const c of cases) {
        const w = await httpLoad({ baseUrl, path: `/api/v1/customers?${c.query}`, token: c.token,
          load: { ...load, warmupMs: 0, durationMs: (SERVER_WARMUP_SECONDS * 1000) / cases.length } });
        if (w.errors) throw new Error(`warming the API, ${c.key}: ${w.errors} failed requests, first: ${w.firstError}`);
      }
    }
    for (const c of cases) {
      results.push(await runCase(db, side, tenant, baseUrl, c, {
        load, rounds: ROUNDS, serialMs: SERIAL_SECONDS * 1000, waitIdleMs: WAIT_IDLE_SECONDS * 1000, retryBusy: RETRY_BUSY, profiler,
      }));
    }
    await side.reset();
    side = null;
    const findings = FINDINGS ? await runFindings(db, tenant, { rare: SEARCH, broad: BROAD_SEARCH }) : null;

    const m = machine();
    const out: string[] = [];
    out.push('');
    out.push(`L2C bench — customer list, first page of 50 — ${new Date().toISOString().slice(0, 10)}`);
    out.push(`database: ${db.kind} ${version}${db.kind === 'postgres' ? '' : ' (embedded, in-process)'}; app pool size ${(db.pool as unknown as { options: { max: number } }).options.max}`);
    out.push(`machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB.toFixed(1)} GiB, node ${m.node}`);
    out.push(`data: ${CUSTOMERS.toLocaleString('en')} customers in one tenant, ${tenant.users.length} users; seed ${(seedMs / 1000).toFixed(1)} s, search keys ${(keysMs / 1000).toFixed(1)} s`);
    if (WORKERS) out.push(`API: main.ts as its own process with L2C_WORKERS=${WORKERS} (its CPU counts as "cpu other"; "main loop" is this process's idle app)`);
    if (SERVER_WARMUP_SECONDS) out.push(`warm-up: the API under load for ${SERVER_WARMUP_SECONDS} s before the first case (its worker processes start cold)`);
    out.push(`load: ${CONCURRENCY} concurrent clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured (at most ${MAX_REQUESTS} requests) per row,`);
    out.push(`      in ${ROUNDS} round(s) in which the paths take turns (a second's warm-up in each later round);`);
    out.push(`      then ${SERIAL_SECONDS} s with 1 client (p50 1 client: the service time without queueing)`);
    out.push('');
    const rows: Array<Array<string | number>> = [];
    for (const r of results) {
      for (const [name, key] of [['api', 'api'], ['sql', 'sql'], ['sql+tx', 'sqlTx']] as const) {
        const s = r[key];
        const cpu = r.cpu[key];
        rows.push([r.c.key, name, s.n, s.p50, s.p90, s.p99, s.max, s.rps, r.serial[key]?.p50 ?? NaN,
          r.elu[key].toFixed(2), cpu.self.toFixed(2), cpu.postgres === null ? '-' : cpu.postgres.toFixed(2), cpu.other === null ? '-' : cpu.other.toFixed(2)]);
      }
    }
    out.push(table(['case', 'path', 'requests', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'req/s', 'p50 1 client', 'main loop', 'cpu node', 'cpu pg', 'cpu other'], rows));
    out.push('');
    out.push(table(
      ['case', 'what', 'API/SQL p50', 'API/SQL req/s', 'API/SQL+tx p50', 'API/SQL+tx req/s', 'API/SQL+tx p50 by round', 'API−SQL p50 1 client (ms)'],
      results.map((r) => [r.c.key, r.c.title, r.api.p50 / r.sql.p50, r.api.rps / r.sql.rps, r.api.p50 / r.sqlTx.p50, r.api.rps / r.sqlTx.rps,
        r.roundRatios.map((x) => x.toFixed(2)).join(' '), r.serial.api && r.serial.sql ? r.serial.api.p50 - r.serial.sql.p50 : NaN]),
    ));
    out.push('');
    out.push('EXPLAIN ANALYZE of the list SELECT (one execution, warm cache, as the tenant role):');
    for (const r of results) {
      out.push(`  ${r.c.key}: execution ${fmt(r.plan.executionMs)} ms, planning ${fmt(r.plan.planningMs)} ms, buffers hit ${r.plan.sharedHit} read ${r.plan.sharedRead}`);
      for (const s of r.plan.scans) out.push(`    customers c — ${s}`);
    }
    if (EXPLAIN) {
      for (const r of results) out.push('', `-- ${r.c.key}: GET /api/v1/customers?${decodeURIComponent(r.c.query)}`, r.planText);
    }
    for (const r of results) {
      if (!r.profile) continue;
      const total = r.profile.reduce((a, [, ms]) => a + ms, 0);
      const busy = total - (r.profile.find(([k]) => k.startsWith('idle'))?.[1] ?? 0);
      out.push('', `CPU profile of the app thread, ${r.c.key} API (${PROFILE_DIR}/${r.profileFile}.cpuprofile): ` +
        `${fmt(busy / r.profiledRequests)} ms busy per request; self time by package:`);
      for (const [k, ms] of r.profile.slice(0, 14)) out.push(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${fmt(ms / r.profiledRequests).padStart(6)} ms/req  ${k}`);
    }
    if (findings) out.push('', findings);
    for (const r of results) recordListFigures(r, db.kind);
    out.push('');
    out.push(`api: GET over HTTP/1.1 keep-alive (${process.env.BENCH_HTTP_CLIENT === 'fetch' ? 'fetch' : process.env.BENCH_HTTP_CLIENT === 'http' ? 'node:http' : 'raw socket'} clients in a worker thread). sql: the list SELECT alone, one round trip, on a`);
    out.push('session set to the tenant and role. sql+tx: the statements the service sends (begin, set_config, SELECT, commit).');
    out.push(`main loop: event-loop utilisation of the app's thread (1.00 = saturated). cpu: average cores busy during each`);
    out.push(`measurement: node = this process (app, HTTP clients, PGlite), pg = the local PostgreSQL server's processes, other =`);
    out.push(`the rest of the machine; figures with "other" well above 0 shared the cores with other work.`);
    out.push(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(out.join('\n'));
  } finally {
    if (side) await side.reset().catch(() => {});
    if (server) await stopServer(server);
    if (l2c) await l2c.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The figures `npm run bench` sums up (bench/figures.ts), each against the bare statements in their transaction of the
 * same run: the list's p50 within 1.5× of them (issue 13 item 2); a search's p50 under 50 ms and p99 under 150 ms
 * (item 1), its bare counterpart shown beside it.
 */
function recordListFigures(r: CaseResult, database: string) {
  const search = r.c.key !== 'grade' && r.c.key !== 'team';
  recordFigure({
    bench: 'customers', figure: `customer list ${r.c.key} (${r.c.title}), p50 under ${CONCURRENCY} clients, ${CUSTOMERS.toLocaleString('en')} customers${WORKERS ? `, API on L2C_WORKERS=${WORKERS}` : ''}`,
    api: r.api.p50, sql: r.sqlTx.p50, unit: 'ms', database,
    target: search ? 'p50 < 50 ms' : 'API/SQL+tx ≤ 1.5', met: search ? r.api.p50 < 50 : r.api.p50 / r.sqlTx.p50 <= 1.5,
  });
  if (search) {
    recordFigure({
      bench: 'customers', figure: `customer search ${r.c.key} (${r.c.title}), p99 under ${CONCURRENCY} clients${WORKERS ? `, API on L2C_WORKERS=${WORKERS}` : ''}`,
      api: r.api.p99, sql: r.sqlTx.p99, unit: 'ms', database, target: 'p99 < 150 ms', met: r.api.p99 < 150,
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
