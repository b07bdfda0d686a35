// Figure 1: the customer list, first page, through the API over HTTP against the bare SQL of the same page.
//
// The SQL side does not re-type the query: the service's own listCustomers runs once on a Kysely that records what
// it sends, and the bench replays those statements with the same parameters. Two SQL variants:
//   sql     the list SELECT alone, one round trip, on a session already set to the tenant and the application
//           role (so row-level security and the plan are the same as in the service);
//   sql+tx  everything the service sends for the page: begin, the tenant/role set_config, the SELECT, commit.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { CustomerListQuery, ROLE_SCOPE, type Role } from '@l2c/shared';
import type { Db } from '../packages/server/src/platform/db.js';
import type { Database } from '../packages/server/src/platform/schema.js';
import type { AuthContext } from '../packages/server/src/platform/auth.js';
import { isPlainSearchQuery, listCustomers } from '../packages/server/src/domains/customers/index.js';
import { CpuMeter, type CpuShare, httpJson, log, runLoad, summarize, tsWorker, waitForIdle, type LoadOptions, type LoadResult, type Stats } from './lib.js';
import type { BenchTenant, BenchUser } from './seed.js';
import type { HttpJob } from './http-worker.js';
import type { Profiler } from './profile.js';

export interface ListCase {
  key: string;
  title: string;
  user: BenchUser;
  token: string;
  query: string; // the query string of GET /api/v1/customers
}

/** Search terms of the search cases: a two-character trade name, pinyin initials, a broad word, a rep's search. */
export interface SearchTerms { search: string; pinyin: string; broad: string }

export function listCases(t: BenchTenant, tokens: { admin: string; manager: string }, terms: SearchTerms): ListCase[] {
  const q = (term: string) => `q=${encodeURIComponent(term)}&sort=-createdAt&limit=50`;
  return [
    { key: 'grade', title: 'admin (all), grade=A', user: t.admin, token: tokens.admin, query: 'grade=A&sort=-createdAt&limit=50' },
    { key: 'search', title: `admin (all), q=${terms.search}`, user: t.admin, token: tokens.admin, query: q(terms.search) },
    { key: 'pinyin', title: `admin (all), q=${terms.pinyin}`, user: t.admin, token: tokens.admin, query: q(terms.pinyin) },
    { key: 'team-search', title: `sales manager (team), q=${terms.search}`, user: t.managerEast, token: tokens.manager, query: q(terms.search) },
    { key: 'broad', title: `admin (all), q=${terms.broad}`, user: t.admin, token: tokens.admin, query: q(terms.broad) },
    { key: 'team', title: 'sales manager (team)', user: t.managerEast, token: tokens.manager, query: 'sort=-createdAt&limit=50' },
  ];
}

export interface CaseResult {
  c: ListCase;
  rows: number;
  api: Stats;
  sql: Stats;
  sqlTx: Stats;
  /** The same paths with one client (BENCH_SERIAL_SECONDS; null when 0): latency without queueing. */
  serial: Record<'api' | 'sql' | 'sqlTx', Stats | null>;
  /** Average cores busy during each measurement: this process (all threads), PostgreSQL, everything else. */
  cpu: Record<'api' | 'sql' | 'sqlTx', CpuShare>;
  /** The API's p50 over the transaction's, round by round (CaseOptions.rounds): how much the figure moves within a run. */
  roundRatios: number[];
  /** Event-loop utilisation of the main thread (the app, the SQL clients, PGlite) during each measurement. */
  elu: Record<'api' | 'sql' | 'sqlTx', number>;
  plan: PlanSummary;
  planText: string;
  /** With BENCH_PROFILE: self time (ms) of the app's thread during the API measurement, by package. */
  profile: Array<[string, number]> | null;
  profileFile: string;
  /** Requests the profile covers (warm-up and measured). */
  profiledRequests: number;
}

export interface Replay { sequence: CompiledQuery[]; select: CompiledQuery }

export function authOf(t: BenchTenant, u: BenchUser): AuthContext {
  const role = u.role as Role;
  // planPerCall as a GET request has it (platform/auth.ts): the captured transaction is the one the API sends
  return { tenantId: t.tenantId, userId: u.id, role, teamId: u.teamId, scope: ROLE_SCOPE[role], name: u.name, tokenId: 'bench', via: 'bearer', requestId: null, planPerCall: true };
}

/** Run the service's listCustomers once on a recording Kysely: the statements it sends, in order. */
export async function capture(db: Db, auth: AuthContext, queryString: string): Promise<Replay & { ids: string[] }> {
  const sent: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: db.pool }), log: (e) => { if (e.level === 'query') sent.push(e.query); } });
  const query = CustomerListQuery.parse(Object.fromEntries(new URLSearchParams(queryString)));
  const page = await listCustomers({ ...db, kysely }, auth, query);
  const select = sent.find((q) => /^\s*(select c\.id|with matches as)\b/i.test(q.sql) && /\border by\b/i.test(q.sql));
  if (!select) throw new Error(`could not find the list SELECT among: ${sent.map((q) => q.sql.slice(0, 40)).join(' | ')}`);
  return { sequence: sent, select, ids: page.items.map((c) => c.id) };
}

/** Pools for the SQL side: a session pool whose connections are pinned to a tenant and the application role. */
export class SqlSide {
  private configured = new WeakMap<pg.PoolClient, string>();
  readonly sessionPool: pg.Pool;
  constructor(private readonly db: Db, databaseUrl: string | null) {
    const max = (db.pool as unknown as { options: { max: number } }).options.max;
    // PostgreSQL: a second pool of the same size as the app's. PGlite: there is one session, shared with the app;
    // use the app's pool (one connection) and give the session back with release() after each use.
    this.sessionPool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max }) : db.pool;
  }

  /** Run fn on a session that acts as `auth` (session-level, so the measured statement is one round trip). */
  async asSession<T>(auth: AuthContext, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.sessionPool.connect();
    try {
      const key = `${auth.tenantId}/${auth.userId}`;
      if (this.configured.get(c) !== key) {
        await c.query(`select set_config('app.tenant_id', $1, false), set_config('app.user_id', $2, false), set_config('role', 'l2c_app', false)`,
          [auth.tenantId, auth.userId]);
        this.configured.set(c, key);
      }
      return await fn(c);
    } finally {
      c.release();
    }
  }

  /** The whole sequence the service sends, on the app's own pool, as the service does. */
  async replay(sequence: CompiledQuery[]): Promise<number> {
    const c = await this.db.pool.connect();
    let rows = 0;
    try {
      for (const q of sequence) {
        const r = await c.query(q.sql, q.parameters as unknown[]);
        if (/^\s*(select c\.id|with matches as)\b/i.test(q.sql)) rows = r.rowCount ?? 0; // the list statement, plain or with a search
      }
      return rows;
    } catch (err) {
      await c.query('rollback').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  }

  /** PGlite: put the shared session back as the app expects it (owner role, no tenant) before the app runs again. */
  async release(): Promise<void> {
    if (this.sessionPool !== this.db.pool) return;
    await this.db.pool.query(`reset role; reset app.tenant_id; reset app.user_id`);
    this.configured = new WeakMap();
  }

  /** At the end: release the session (PGlite) or close the second pool (PostgreSQL). */
  async reset(): Promise<void> {
    if (this.sessionPool === this.db.pool) await this.release();
    else await this.sessionPool.end();
  }
}

export interface PlanSummary { executionMs: number; planningMs: number; scans: string[]; sharedHit: number; sharedRead: number }

interface PlanNode {
  'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Alias?: string; 'Actual Rows'?: number; 'Actual Loops'?: number;
  'Rows Removed by Filter'?: number; 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number; Plans?: PlanNode[];
}

function summarizePlan(json: Array<{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }>): PlanSummary {
  const root = json[0]!;
  const scans: string[] = [];
  const walk = (n: PlanNode) => {
    if (n['Relation Name'] === 'customers' && n.Alias === 'c') {
      const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
      const removed = (n['Rows Removed by Filter'] ?? 0) * (n['Actual Loops'] ?? 1);
      scans.push(`${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}: ${rows} rows kept, ${removed} removed by filter`);
    }
    n.Plans?.forEach(walk);
  };
  walk(root.Plan);
  return {
    executionMs: root['Execution Time'], planningMs: root['Planning Time'], scans,
    sharedHit: root.Plan['Shared Hit Blocks'] ?? 0, sharedRead: root.Plan['Shared Read Blocks'] ?? 0,
  };
}

async function explain(side: SqlSide, auth: AuthContext, select: CompiledQuery) {
  return side.asSession(auth, async (c) => {
    const params = select.parameters as unknown[];
    // Warm the cache first: the figure is the steady state, like the load that just ran.
    for (let i = 0; i < 3; i++) await c.query(select.sql, params);
    const j = await c.query(`explain (analyze, buffers, format json) ${select.sql}`, params);
    const t = await c.query(`explain (analyze, buffers) ${select.sql}`, params);
    const raw = j.rows[0]['QUERY PLAN'];
    return { summary: summarizePlan(typeof raw === 'string' ? JSON.parse(raw) : raw), text: t.rows.map((r) => r['QUERY PLAN']).join('\n') };
  });
}

export async function httpLoad(job: HttpJob): Promise<LoadResult> {
  const w = tsWorker(new URL('./http-worker.ts', import.meta.url), job);
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`HTTP worker exited with ${code}`)));
    });
  } finally {
    await w.terminate();
  }
}

function check(name: string, r: LoadResult) {
  if (r.errors) throw new Error(`${name}: ${r.errors} failed requests, first: ${r.firstError}`);
  if (r.latencies.length === 0) throw new Error(`${name}: no request completed`);
}

export interface CaseOptions {
  load: LoadOptions;
  /** Rounds in which the paths take turns, each a share of load.durationMs (1: each path once). */
  rounds: number;
  /** One-client measurement of each path after the rounds (0: none). */
  serialMs: number;
  /** Before each measurement, wait at most this long for the rest of the machine to be idle. */
  waitIdleMs: number;
  /** Redo a measurement during which other work used more than BUSY_CORES, at most this many times; keep the least disturbed. */
  retryBusy: number;
  profiler?: Profiler;
}

const BUSY_CORES = 0.15;

export async function runCase(db: Db, side: SqlSide, t: BenchTenant, baseUrl: string, c: ListCase, opts: CaseOptions): Promise<CaseResult> {
  // planned as the route plans this request (its config's genericPlans): a plain search keeps PostgreSQL's generic plan,
  // and so does its bare transaction, whose statements the app's pool names as it names the API's — until session 10
  // the bare side's searches were planned on every call and the API looked faster than its own SQL
  const auth = { ...authOf(t, c.user), planPerCall: !isPlainSearchQuery(Object.fromEntries(new URLSearchParams(c.query))) };
  const path = `/api/v1/customers?${c.query}`;

  // The same page three ways: the API, the captured SELECT, and the captured sequence. Captured on the second call: the
  // first may count a search term and remember it broad (search-broad.ts), after which the API sends the statement
  // without the count — the bare side must replay that one.
  await capture(db, auth, c.query);
  const replay = await capture(db, auth, c.query);
  const res = await httpJson(baseUrl + path, { headers: { authorization: `Bearer ${c.token}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  const apiIds = (res.body as { items: Array<{ id: string }> }).items.map((x) => x.id);
  const sqlIds = await side.asSession(auth, async (cl) =>
    (await cl.query<{ id: string }>(replay.select.sql, replay.select.parameters as unknown[])).rows.map((r) => r.id).slice(0, apiIds.length));
  await side.release();
  if (JSON.stringify(apiIds) !== JSON.stringify(replay.ids) || JSON.stringify(apiIds) !== JSON.stringify(sqlIds)) {
    throw new Error(`${c.key}: the API page and the SQL page differ`);
  }
  log(`${c.key}: ${apiIds.length} rows per page; the service sends ${replay.sequence.map((q) => q.sql.trim().split(/\s+/).slice(0, 2).join(' ')).join(' → ')}`);

  // Each path: the concurrent measurement (with CPU accounting, and the optional profile of the API), then a short
  // one-client measurement, whose median is the service time without queueing.
  const params = replay.select.parameters as unknown[];
  const expectRows = (n: number | null) => {
    if (n !== apiIds.length && n !== apiIds.length + 1) throw new Error(`unexpected row count ${n}`);
  };
  const paths = {
    api: (l: LoadOptions) => httpLoad({ baseUrl, path, token: c.token, load: l }),
    sql: (l: LoadOptions) => runLoad(l, () => side.asSession(auth, async (cl) => expectRows((await cl.query(replay.select.sql, params)).rowCount))),
    sqlTx: (l: LoadOptions) => runLoad(l, async () => expectRows(await side.replay(replay.sequence))),
  };
  type Measured = { result: LoadResult; cpu: CpuShare; elu: number; profile: Array<[string, number]> | null; profileFile: string; disturbed: number; profiled: number };
  // One measurement of a path (with CPU accounting, and the optional profile of the API), redone while other work
  // disturbed it (retryBusy); the least disturbed is kept.
  const measure = async (name: keyof typeof paths, load: LoadOptions, round: number, profile: boolean): Promise<Measured> => {
    let best: Measured | null = null;
    for (let attempt = 0; attempt <= opts.retryBusy; attempt++) {
      const label = name === 'api' ? 'API' : name === 'sql' ? 'SQL (select)' : 'SQL (transaction)';
      log(`${c.key}: ${label}, round ${round + 1} …${attempt ? ` again (attempt ${attempt + 1}): other work used ${best?.disturbed.toFixed(2)} cores` : ''}`);
      const waited = await waitForIdle(opts.waitIdleMs);
      if (waited > 2500) log(`${c.key}: waited ${(waited / 1000).toFixed(0)} s for other work on the machine to stop`);
      if (profile) await opts.profiler?.start();
      const meter = new CpuMeter();
      const elu0 = performance.eventLoopUtilization();
      const r = await paths[name](load);
      const elu = performance.eventLoopUtilization(elu0).utilization;
      const cpu = meter.read();
      if (name === 'sql') await side.release();
      const profileFile = `api-${c.key}${attempt ? `-${attempt + 1}` : ''}`;
      const prof = profile ? ((await opts.profiler?.stop(profileFile)) ?? null) : null;
      check(`${c.key} ${name}`, r);
      const m: Measured = { result: r, cpu, elu, profile: prof, profileFile, disturbed: cpu.other ?? 0, profiled: r.warmup + r.latencies.length };
      if (!best || m.disturbed < best.disturbed) best = m;
      if (m.disturbed <= BUSY_CORES) break;
    }
    return best!;
  };
  // Rounds: the paths take turns (API, SELECT, transaction; again), each round a share of the measured time, so a
  // machine whose speed drifts over the minutes (a shared VM's does) slows every path alike instead of whichever ran
  // in its slow minute. The first round's warm-up is the full one (the API's worker processes start cold); later
  // rounds warm for a second. A path's figures are those of all its rounds' requests together.
  const rounds = Math.max(1, opts.rounds);
  const per: Record<keyof typeof paths, Measured[]> = { api: [], sql: [], sqlTx: [] };
  for (let round = 0; round < rounds; round++) {
    const load: LoadOptions = {
      ...opts.load, warmupMs: round === 0 ? opts.load.warmupMs : Math.min(1000, opts.load.warmupMs),
      durationMs: opts.load.durationMs / rounds, maxRequests: Math.ceil(opts.load.maxRequests / rounds),
    };
    for (const name of ['api', 'sql', 'sqlTx'] as const) per[name].push(await measure(name, load, round, name === 'api' && round === rounds - 1));
  }
  // then a short one-client measurement of each path, whose median is the service time without queueing
  const serial = {} as Record<keyof typeof paths, Stats | null>;
  for (const name of ['api', 'sql', 'sqlTx'] as const) {
    serial[name] = null;
    if (opts.serialMs <= 0) continue;
    const s1 = await paths[name]({ concurrency: 1, warmupMs: 300, durationMs: opts.serialMs, maxRequests: opts.load.maxRequests });
    if (name === 'sql') await side.release();
    check(`${c.key} ${name} (1 client)`, s1);
    serial[name] = summarize(s1);
  }
  const merged = (name: keyof typeof paths) => {
    const ms = per[name];
    const window = ms.reduce((a, m) => a + m.result.windowMs, 0);
    const share = (f: (x: CpuShare) => number | null) => (ms.some((m) => f(m.cpu) === null) ? null : ms.reduce((a, m) => a + f(m.cpu)! * m.result.windowMs, 0) / window);
    const result: LoadResult = {
      latencies: Float64Array.from(ms.flatMap((m) => Array.from(m.result.latencies))), windowMs: window,
      completed: ms.reduce((a, m) => a + m.result.completed, 0), errors: ms.reduce((a, m) => a + m.result.errors, 0),
      firstError: ms.find((m) => m.result.firstError)?.result.firstError ?? null, warmup: ms.reduce((a, m) => a + m.result.warmup, 0),
    };
    return {
      stats: summarize(result), cpu: { self: share((x) => x.self)!, postgres: share((x) => x.postgres), other: share((x) => x.other) },
      elu: ms.reduce((a, m) => a + m.elu * m.result.windowMs, 0) / window,
    };
  };
  const out = { api: merged('api'), sql: merged('sql'), sqlTx: merged('sqlTx') };
  const profiled = per.api[rounds - 1]!;
  const roundRatios = per.api.map((m, i) => summarize(m.result).p50 / summarize(per.sqlTx[i]!.result).p50);
  const plan = await explain(side, auth, replay.select);
  await side.release();
  return {
    c, rows: apiIds.length, api: out.api.stats, sql: out.sql.stats, sqlTx: out.sqlTx.stats, serial, roundRatios,
    cpu: { api: out.api.cpu, sql: out.sql.cpu, sqlTx: out.sqlTx.cpu }, elu: { api: out.api.elu, sql: out.sql.elu, sqlTx: out.sqlTx.elu },
    plan: plan.summary, planText: plan.text, profile: profiled.profile, profileFile: profiled.profileFile, profiledRequests: profiled.profiled,
  };
}

export function machine() {
  return { nproc: os.availableParallelism(), memoryGiB: os.totalmem() / 2 ** 30, cpu: os.cpus()[0]?.model ?? '?', node: process.version };
}
