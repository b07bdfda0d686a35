// Payment + automatic write-off bench (issue 3 (b); `npm run bench:writeoff`, also the last part of `npm run bench`).
// A finance user registers a payment that is confirmed at once and written off automatically, oldest due first,
// against the customer's three open invoices — `POST /api/v1/payments` with `confirm`, `autoApply: oldest_due` and
// an Idempotency-Key — from 8 concurrent clients, each on its own customers. Against it, in the same run, on the
// same database and data shape: the same writes as one hand-written SQL transaction per payment on a plain pg pool
// as the table owner (no RLS) — the limit. Also the flow's own function called in-process (no HTTP, no
// authentication), which splits the gap. Target: API throughput ≥ 0.5 × the SQL transaction's.
// PGlite in a temporary directory by default; with DATABASE_URL, PostgreSQL. See docs/benchmarks.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CpuMeter, envInt, fmt, log, percentile, summarize, table, tsWorker, waitForIdle, type CpuShare, type LoadResult, type Stats } from './lib.js';
import type { WoTarget, WoTenant, WoUser } from './writeoff-seed.js';
import { recordFigure } from './figures.js';
import { processTree, rssMb, startServer, stopServer, type ExternalServer } from './processes.js';
import type { Database } from '../packages/server/src/platform/schema.js';

const CLIENTS = envInt('BENCH_WO_CLIENTS', 8);
const SECONDS = envInt('BENCH_WO_SECONDS', 8);
const WARMUP_SECONDS = envInt('BENCH_WO_WARMUP_SECONDS', 2);
const SERIAL_SECONDS = envInt('BENCH_WO_SERIAL_SECONDS', 2);
const CONTENDED_SECONDS = envInt('BENCH_WO_CONTENDED_SECONDS', 3);
const PATHS = (process.env.BENCH_WO_PATHS || 'api,sql,flow').split(',').map((s) => s.trim()).filter(Boolean) as PathName[];
const PROBES = Math.max(2, envInt('BENCH_WO_TRACE', 20));
const WAIT_IDLE_SECONDS = envInt('BENCH_WAIT_IDLE', 0);
const RETRY_BUSY = envInt('BENCH_RETRY_BUSY', 0);
/** A measurement during which other work used more than this many cores counts as disturbed (BENCH_RETRY_BUSY). */
const BUSY_CORES = 0.15;
const PROFILE_DIR = process.env.BENCH_PROFILE || null;
/** 'outside': the SQL path takes its two document numbers in their own statement before its transaction (a what-if). */
const SQL_NUMBERS = process.env.BENCH_WO_SQL_NUMBERS === 'outside' ? 'outside' : 'inside';
/**
 * The hand-written transaction also writes the five outbox events the API writes (payment registered, write-off
 * created, three receivables' status changes; platform/outbox.ts, since issue 9) — issue 13's yardstick is "the
 * hand-written transaction doing the same writes", and until session 7 it did not write these. BENCH_WO_SQL_OUTBOX=0:
 * without them, as the figures recorded until session 6 (their figure names carry no "same writes").
 */
const SQL_OUTBOX = process.env.BENCH_WO_SQL_OUTBOX !== '0';
const DATABASE_URL = process.env.DATABASE_URL || null;
const SLUG = 'bench-wo';
/** Issue 13: the API at 0.75× the hand-written transaction on a server, 0.6× on the embedded database. */
const TARGET_PG = 0.75;
const TARGET_PGLITE = 0.6;
/** Paths one after the other, this many times: the ratio is the median of the rounds' ratios. */
const ROUNDS = Math.max(1, envInt('BENCH_WO_ROUNDS', 3));
/** With DATABASE_URL: the API served by a server of its own, `main.ts` with L2C_WORKERS=N (0: in this process). */
const WORKERS = envInt('BENCH_WO_WORKERS', 0);
/**
 * PostgreSQL: ANALYZE the tables the payments write before each window (BENCH_WO_ANALYZE=0: not). The seed analyzes
 * them empty; the app's named statements (platform/prepared.ts) keep a generic plan made on those statistics until the
 * next ANALYZE, and autovacuum's first look (a minute) can come after the windows: the API then fell round over round
 * (200 → 100 → 67 payments/s; allocations, payments and write_offs scanned ~2,000 times a round), while the
 * hand-written transaction, planned per call, did not. A server running longer than autovacuum's naptime is analyzed.
 */
const ANALYZE_BETWEEN = process.env.BENCH_WO_ANALYZE !== '0';

type PathName = 'api' | 'flow' | 'sql';
const LABEL: Record<PathName, string> = { api: 'API (HTTP)', flow: 'flow in-process', sql: 'SQL transaction' };

// ---------------------------------------------------------------------------------------------------------------
// The load runner: closed loops, each working through its own queue of payments to make.

interface QueueLoad { warmupMs: number; durationMs: number; timeoutMs?: number }
export interface QueueResult extends LoadResult {
  /** Payments booked in all (warm-up, window, and those in flight when the window closed). */
  done: number;
  /** Items taken from each queue. */
  used: number[];
  /** The window was cut short because a client ran out of customers (BENCH_WO_PER_CLIENT too small). */
  cutShort: boolean;
  /** API: how busy the HTTP clients' worker thread was. */
  clientLoopBusy?: number;
}

/**
 * Loop i works through queues[i], one item after the other, without a pause: warmupMs unmeasured, then the window.
 * Latency: the items started in the window. Throughput: items completed in the window / its length. When a loop
 * runs out of items the window ends there for everyone (throughput stays that of all clients).
 */
async function runQueues<T>(queues: T[][], opts: QueueLoad, task: (item: T, loop: number) => Promise<void>): Promise<QueueResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const lat: number[] = [];
  const used = queues.map(() => 0);
  let errors = 0;
  let firstError: string | null = null;
  let completed = 0;
  let warmup = 0;
  let done = 0;
  let cutShort = false;
  const t0 = performance.now();
  const windowStart = t0 + opts.warmupMs;
  let windowEnd = windowStart + opts.durationMs;
  const loop = async (i: number) => {
    const q = queues[i]!;
    for (;;) {
      const s = performance.now();
      if (s >= windowEnd) return;
      if (used[i]! >= q.length) {
        windowEnd = Math.min(windowEnd, Math.max(s, windowStart));
        cutShort = true;
        return;
      }
      const item = q[used[i]!++]!;
      const measured = s >= windowStart;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          task(item, i),
          new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); }),
        ]);
        const e = performance.now();
        done++;
        if (measured) lat.push(e - s);
        if (e >= windowStart && e <= windowEnd) completed++;
        else if (e < windowStart) warmup++;
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
        if (errors >= 20) return;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(queues.map((_, i) => loop(i)));
  return { latencies: Float64Array.from(lat), windowMs: Math.max(1, windowEnd - windowStart), completed, errors, firstError, warmup, done, used, cutShort };
}

// ---------------------------------------------------------------------------------------------------------------
// The API's clients run in a worker thread, so their own work (fetch, JSON) does not share the server's event loop.

interface ApiJob { baseUrl: string; token: string; queues: WoTarget[][]; load: QueueLoad; keyPrefix: string; receivedOn: string }

export function paymentBody(t: WoTarget, receivedOn: string, bankReference: string) {
  return { customerId: t.customerId, amount: t.amount, currency: 'CNY', receivedOn, method: 'bank_transfer', bankReference, confirm: true, autoApply: 'oldest_due' };
}

/** POST over a keep-alive connection of `agent`; resolves with status and body. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function apiWorker(job: ApiJob) {
  const url = new URL(`${job.baseUrl}/api/v1/payments`);
  // node:http with a keep-alive agent, one connection per client: the load generator's own CPU shares the machine's
  // cores with the server, and this costs less per request than fetch.
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.queues.length });
  const elu0 = performance.eventLoopUtilization();
  const r: QueueResult = await runQueues(job.queues, job.load, async (t, loop) => {
    const key = `${job.keyPrefix}-${t.number}-${loop}`;
    const res = await post(agent, url, { authorization: `Bearer ${job.token}`, 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
      JSON.stringify(paymentBody(t, job.receivedOn, key)));
    if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 300)}`);
    if (!(JSON.parse(res.text) as { writeOffId?: string | null }).writeOffId) throw new Error(`no write-off: ${res.text.slice(0, 300)}`);
  });
  r.clientLoopBusy = performance.eventLoopUtilization(elu0).utilization;
  agent.destroy();
  parentPort!.postMessage(r, [r.latencies.buffer as ArrayBuffer]);
}

async function apiLoad(job: ApiJob): Promise<QueueResult> {
  const w = tsWorker(new URL(import.meta.url), job);
  try {
    return await new Promise<QueueResult>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`API worker exited with ${code}`)));
    });
  } finally {
    await w.terminate();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The limit: the same writes as one hand-written transaction on a plain pg pool, as the table owner (no RLS).

export interface RawCtx { tenantId: string; finance: WoUser; receivedOn: string; year: number }

const hash = (v: unknown) => crypto.createHash('sha256').update(JSON.stringify(v ?? null)).digest('hex');

/** Cents arithmetic on numeric(18,2) strings: exact, like the service's decimal.js. */
const cents = (s: string) => {
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
};
const money = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

export const RAW_STATEMENTS = [
  'begin',
  'select pg_advisory_xact_lock(…)  — the Idempotency-Key, as the service',
  'select … from idempotency_keys  — a stored result would be replayed',
  'select … from customers … for no key update  — serialises money writers of the customer',
  'select … from receivables … for update of r  — its open invoices, oldest due first, as many as the payment covers (running sum)',
  'insert into doc_sequences … (HK), (HX) on conflict do update … returning  — payment and write-off numbers',
  'insert into payments … (status confirmed, unapplied = amount − applied) returning',
  'insert into write_offs … returning',
  'insert into allocations … from unnest(…)  — one row per invoice',
  'update receivables … from unnest(…)  — amount_open',
  'insert into account_entries …  — prepaid +amount (confirmed), −applied (write-off)',
  'insert into audit_log … from unnest(…)  — 5 rows: payment create (confirmed), write-off, 3 receivables',
  ...(SQL_OUTBOX ? ['insert into outbox_events … from unnest(…)  — 5 events, as the API (not with BENCH_WO_SQL_OUTBOX=0)'] : []),
  'insert into idempotency_keys …  — the response',
  'commit',
];

const NUMBERS_SQL = `
  insert into doc_sequences (tenant_id, doc_type, year, last_value) values ($1, 'HK', $2, 1), ($1, 'HX', $2, 1)
  on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1 returning doc_type, last_value`;

export async function rawPayment(pool: pg.Pool, ctx: RawCtx, t: WoTarget, key: string): Promise<void> {
  // What-if: the numbers in their own (autocommit) statement, so the counter rows are not locked for the transaction.
  const early = SQL_NUMBERS === 'outside' ? (await pool.query<{ doc_type: string; last_value: number }>(NUMBERS_SQL, [ctx.tenantId, ctx.year])).rows : null;
  const c = await pool.connect();
  let open = false;
  try {
    await c.query('begin');
    open = true;
    const input = { ...paymentBody(t, ctx.receivedOn, key), payerName: null, payerAccount: null, remark: null, attachments: [] };
    const scope = 'payments.register';
    const caller = `user:${ctx.finance.id}`; // a key is one caller's (platform/idempotency.ts)
    await c.query('select pg_advisory_xact_lock(hashtext($1))', [`${ctx.tenantId}:${caller}:${scope}:${key}`]);
    const prior = await c.query('select request_hash, status_code, response from idempotency_keys where tenant_id = $1 and caller = $2 and scope = $3 and key = $4', [ctx.tenantId, caller, scope, key]);
    if (prior.rows[0]) throw new Error(`key ${key} already used`);
    const customer = (await c.query<{ id: string; owner_id: string | null; name: string }>(
      'select id, owner_id, name from customers where id = $1 and tenant_id = $2 for no key update', [t.customerId, ctx.tenantId])).rows[0];
    if (!customer) throw new Error(`no customer ${t.customerId}`);
    // The open invoices, oldest due first, that the payment reaches (those before it leave some of it over).
    const invoices = (await c.query<{ id: string; number: string; amount: string; amount_open: string }>(`
      with o as (select id, sum(amount_open) over (order by due_date, business_date, number) - amount_open as before
                 from receivables where tenant_id = $1 and customer_id = $2 and kind = 'invoice' and amount_open > 0 and currency = 'CNY')
      select r.id, r.number, r.amount, r.amount_open from receivables r join o on o.id = r.id
      where r.tenant_id = $1 and o.before < $3::numeric order by o.before for update of r`, [ctx.tenantId, t.customerId, t.amount])).rows;
    let remaining = cents(t.amount);
    const lines: Array<{ id: string; amount: string; before: string; after: string; status: string }> = [];
    for (const r of invoices) {
      if (remaining <= 0n) break;
      const openC = cents(r.amount_open);
      const take = openC < remaining ? openC : remaining;
      remaining -= take;
      lines.push({ id: r.id, amount: money(take), before: r.amount_open, after: money(openC - take), status: openC === take ? 'paid' : 'partially_paid' });
    }
    if (lines.length === 0) throw new Error(`no open invoice for ${t.number}`);
    const applied = money(cents(t.amount) - remaining);
    const seq = early ?? (await c.query<{ doc_type: string; last_value: number }>(NUMBERS_SQL, [ctx.tenantId, ctx.year])).rows;
    const num = (p: string) => `${p}-${ctx.year}-${String(seq.find((s) => s.doc_type === p)!.last_value).padStart(6, '0')}`;
    const hk = num('HK');
    const hx = num('HX');
    const payment = (await c.query<{ id: string; created_at: string; confirmed_at: string }>(`
      insert into payments (tenant_id, number, customer_id, currency, amount, amount_unapplied, received_on, method, bank_reference, attachments,
        status, registered_by, confirmed_by, confirmed_at, version)
      values ($1, $2, $3, 'CNY', $4::numeric, $5::numeric, $6, 'bank_transfer', $7, '[]'::jsonb, 'confirmed', $8, $8, now(), 1)
      on conflict (tenant_id, bank_reference) where bank_reference is not null and status <> 'rejected' do nothing
      returning id, created_at, confirmed_at`, [ctx.tenantId, hk, t.customerId, t.amount, money(remaining), ctx.receivedOn, key, ctx.finance.id])).rows[0];
    if (!payment) throw new Error(`bank reference ${key} already booked`);
    const memo = 'auto: oldest_due';
    const writeOffId = (await c.query<{ id: string }>(`
      insert into write_offs (tenant_id, number, customer_id, kind, applied_on, total, memo, created_by)
      values ($1, $2, $3, 'apply', $4, $5::numeric, $6, $7) returning id`, [ctx.tenantId, hx, t.customerId, ctx.receivedOn, applied, memo, ctx.finance.id])).rows[0]!.id;
    await c.query(`
      insert into allocations (tenant_id, write_off_id, receivable_id, source_type, payment_id, amount, applied_on)
      select $1, $2, r, 'payment', $3, a, $4 from unnest($5::uuid[], $6::numeric[]) as u(r, a)`,
    [ctx.tenantId, writeOffId, payment.id, ctx.receivedOn, lines.map((l) => l.id), lines.map((l) => l.amount)]);
    // the key is (tenant_id, id) since migration 016: name the tenant, as the API's row-level security does
    await c.query(`update receivables r set amount_open = r.amount_open - u.a from unnest($2::uuid[], $3::numeric[]) as u(id, a) where r.tenant_id = $1 and r.id = u.id`,
      [ctx.tenantId, lines.map((l) => l.id), lines.map((l) => l.amount)]);
    await c.query(`
      insert into account_entries (tenant_id, customer_id, account, amount, business_date, kind, ref_type, ref_id, memo, created_by)
      values ($1, $2, 'prepaid', $3::numeric, $4, 'payment_confirmed', 'payment', $5, $6, $8),
             ($1, $2, 'prepaid', $7::numeric, $4, 'applied', 'write_off', $9, $10, $8)`,
    [ctx.tenantId, t.customerId, t.amount, ctx.receivedOn, payment.id, hk, money(-cents(applied)), ctx.finance.id, writeOffId, `${hx} ← ${hk}`]);
    const audit: Array<[string, string, string, unknown]> = [
      ['create', 'payment', payment.id, [
        { field: 'number', before: null, after: hk }, { field: 'customerId', before: null, after: t.customerId }, { field: 'amount', before: null, after: t.amount },
        { field: 'receivedOn', before: null, after: ctx.receivedOn }, { field: 'method', before: null, after: 'bank_transfer' },
        { field: 'bankReference', before: null, after: key }, { field: 'status', before: null, after: 'confirmed' }]],
      ...lines.map((l): [string, string, string, unknown] => ['write_off', 'receivable', l.id, [
        { field: 'amountOpen', before: l.before, after: l.after }, { field: 'status', before: 'open', after: l.status }]]),
      ['create', 'write_off', writeOffId, [
        { field: 'number', before: null, after: hx }, { field: 'customerId', before: null, after: t.customerId },
        { field: 'appliedOn', before: null, after: ctx.receivedOn }, { field: 'total', before: null, after: applied },
        { field: 'lines', before: null, after: lines.map((l) => ({ receivableId: l.id, source: 'payment', amount: l.amount })) }]],
    ];
    await c.query(`
      insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes)
      select $1, $2, a, e, i, c from unnest($3::text[], $4::text[], $5::uuid[], $6::jsonb[]) as u(a, e, i, c)`,
    [ctx.tenantId, ctx.finance.id, audit.map((a) => a[0]), audit.map((a) => a[1]), audit.map((a) => a[2]), audit.map((a) => JSON.stringify(a[3]))]);
    if (SQL_OUTBOX) {
      const events: Array<[string, string, string, unknown]> = [
        ['payment.registered', 'payment', payment.id, { id: payment.id, number: hk, customerId: t.customerId, currency: 'CNY', amount: t.amount, receivedOn: ctx.receivedOn, method: 'bank_transfer', status: 'confirmed' }],
        ['write_off.created', 'write_off', writeOffId, { id: writeOffId, number: hx, kind: 'apply', customerId: t.customerId, currency: 'CNY', appliedOn: ctx.receivedOn, total: applied,
          lines: lines.map((l) => ({ receivableId: l.id, source: 'payment', amount: l.amount })) }],
        ...lines.map((l): [string, string, string, unknown] => ['receivable.status_changed', 'receivable', l.id, { id: l.id, from: 'open', to: l.status, amountOpen: l.after }]),
      ];
      await c.query(`
        insert into outbox_events (tenant_id, event_type, entity_type, entity_id, data, actor_id)
        select $1, u.t, u.e, u.i, u.d, $2 from unnest($3::text[], $4::text[], $5::uuid[], $6::jsonb[]) with ordinality as u(t, e, i, d, n) order by u.n`,
      [ctx.tenantId, ctx.finance.id, events.map((e) => e[0]), events.map((e) => e[1]), events.map((e) => e[2]), events.map((e) => JSON.stringify(e[3]))]);
    }
    const response = {
      id: payment.id, number: hk, customer: { id: t.customerId, name: customer.name }, currency: 'CNY', amount: t.amount, amountUnapplied: money(remaining),
      amountApplied: applied, receivedOn: ctx.receivedOn, method: 'bank_transfer', payerName: null, payerAccount: null, bankReference: key, remark: null,
      attachments: [], status: 'confirmed', registeredBy: { id: ctx.finance.id, name: ctx.finance.name }, confirmedBy: { id: ctx.finance.id, name: ctx.finance.name },
      confirmedAt: payment.confirmed_at, rejectedReason: null, version: 1, createdAt: payment.created_at, files: [], writeOffId,
    };
    await c.query(`insert into idempotency_keys (tenant_id, caller, key, scope, request_hash, status_code, response) values ($1, $2, $3, $4, $5, 201, $6::jsonb)`,
      [ctx.tenantId, caller, key, scope, hash(input), JSON.stringify(response)]);
    await c.query('commit');
    open = false;
  } finally {
    if (open) await c.query('rollback').catch(() => {});
    c.release();
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** The local server's postmaster pid, to count its CPU; null if not readable (remote server, PGlite). */
async function postmasterPid(pool: pg.Pool): Promise<number | null> {
  try {
    const dir = (await pool.query(`select current_setting('data_directory') as d`)).rows[0].d as string;
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

/** Split targets round-robin into n queues. */
function split<T>(items: T[], n: number): T[][] {
  const qs: T[][] = Array.from({ length: n }, () => []);
  items.forEach((x, i) => qs[i % n]!.push(x));
  return qs;
}

/** Per statement of one payment: its text (first words) and how long it took, as the client saw it. */
type Trace = Array<{ sql: string; ms: number }>;

/** A pool whose clients record every statement's round trip into `sink` (for the one-client trace). */
function timedPool(pool: pg.Pool, sink: Trace): pg.Pool {
  return {
    query: async (text: string, values?: unknown[]) => {
      const t0 = performance.now();
      try { return await pool.query(text, values); } finally { sink.push({ sql: text, ms: performance.now() - t0 }); }
    },
    connect: async () => {
      const c = await pool.connect();
      return new Proxy(c, {
        get(target, prop, recv) {
          if (prop !== 'query') return Reflect.get(target, prop, recv);
          return async (text: string, values?: unknown[]) => {
            const t0 = performance.now();
            try { return await target.query(text, values); } finally { sink.push({ sql: text, ms: performance.now() - t0 }); }
          };
        },
      });
    },
  } as unknown as pg.Pool;
}

const head = (q: string) => q.trim().replace(/\s+/g, ' ').slice(0, 60);

/** Median per statement position over traces of the same shape, and the median total. */
function summarizeTraces(traces: Trace[], totals: number[]) {
  const n = Math.min(...traces.map((t) => t.length));
  const per = Array.from({ length: n }, (_, i) => ({
    sql: head(traces[0]![i]!.sql), ms: percentile(Float64Array.from(traces.map((t) => t[i]!.ms)).sort(), 50),
  }));
  return { per, total: percentile(Float64Array.from(totals).sort(), 50), statements: per.reduce((s, x) => s + x.ms, 0), count: n };
}

/**
 * What the database's backends were doing during a measurement (PostgreSQL only): every 50 ms, each backend of this
 * database that is in a transaction, by state — running, waiting for a lock (with the statement that waits), or
 * idle in transaction (waiting for its client: the app's JS and the round trip). Averages: backends in that state.
 */
class WaitSampler {
  private counts = new Map<string, number>();
  private samples = 0;
  private stopped = false;
  private done: Promise<void>;
  constructor(private readonly pool: pg.Pool) {
    this.done = this.loop();
  }
  private async loop() {
    while (!this.stopped) {
      const r = await this.pool.query<{ k: string; n: number }>(`
        select case when state = 'idle in transaction' then 'idle in transaction (waiting for the client)'
                    when wait_event_type = 'Lock' then 'lock wait (' || wait_event || '): ' || regexp_replace(left(regexp_replace(query, '\\s+', ' ', 'g'), 36), '\\s+$', '')
                    when wait_event_type is null then 'running'
                    else wait_event_type || ': ' || wait_event end as k, count(*)::int as n
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          and state in ('active', 'idle in transaction') group by 1`);
      for (const row of r.rows) this.counts.set(row.k, (this.counts.get(row.k) ?? 0) + row.n);
      this.samples++;
      await new Promise((res) => setTimeout(res, 50));
    }
  }
  async stop(): Promise<Array<[string, number]>> {
    this.stopped = true;
    await this.done;
    return [...this.counts.entries()].map(([k, n]): [string, number] => [k, n / Math.max(1, this.samples)]).sort((a, b) => b[1] - a[1]);
  }
}

const WRITTEN = ['payments', 'write_offs', 'allocations', 'account_entries', 'audit_log', 'idempotency_keys'] as const;

interface Measured { name: PathName; round: number; waits: Array<[string, number]> | null; stats: Stats; serial: Stats | null; cpu: CpuShare; elu: number; done: number; cutShort: boolean; written: number[] }

// ---------------------------------------------------------------------------------------------------------------
// The API on a server of its own (BENCH_WO_WORKERS): bench/processes.ts startServer.

/** RSS of `pids()` every 250 ms until stopped. */
function sampleRss(pids: () => number[]) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(pids())), 250);
  return { stop: async () => { clearInterval(timer); return samples; } };
}

async function main() {
  const started = Date.now();
  const { createApp } = await import('../packages/server/src/app.js');
  const { sql } = await import('kysely');
  const { Kysely, PostgresDialect } = await import('kysely');
  const { PaymentCreate, ROLE_SCOPE } = await import('@l2c/shared');
  const { businessDate } = await import('../packages/server/src/platform/clock.js');
  const { registerPayment } = await import('../packages/server/src/flows/write-off/write-off.flow.js');
  const { analyzeWo, seedWoGroup, seedWoOrg, WO_PASSWORD } = await import('./writeoff-seed.js');
  const { httpJson } = await import('./lib.js');
  const { Profiler } = await import('./profile.js');
  type AuthContext = import('../packages/server/src/platform/auth.js').AuthContext;
  type Db = import('../packages/server/src/platform/db.js').Db;

  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-wo-'));
  const perClient = envInt('BENCH_WO_PER_CLIENT', DATABASE_URL ? 1500 : 1200);
  const hot = envInt('BENCH_WO_HOT', DATABASE_URL ? 400 : 150);
  let l2c: Awaited<ReturnType<typeof createApp>> | null = null;
  let rawPool: pg.Pool | null = null;
  let samplerPool: pg.Pool | null = null;
  let server: ExternalServer | null = null;
  if (WORKERS > 0 && !DATABASE_URL) throw new Error('BENCH_WO_WORKERS needs DATABASE_URL: the embedded database belongs to one process');
  try {
    l2c = await createApp({
      databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false,
      logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null,
    });
    const db: Db = l2c.db;
    const exists = await sql<{ n: number }>`select count(*)::int as n from tenants where slug = ${SLUG}`.execute(db.kysely);
    if (exists.rows[0]!.n > 0) throw new Error(`tenant ${SLUG} already exists: point DATABASE_URL at a fresh database`);
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    if (db.kind === 'postgres') CpuMeter.postgresRoot = await postmasterPid(db.pool);
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0]!.v;
    const settings = db.kind === 'postgres'
      ? (await sql<{ name: string; setting: string }>`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')`.execute(db.kysely)).rows
        .map((r) => `${r.name}=${r.setting}`).join(' ')
      : '';
    const appPoolMax = (db.pool as unknown as { options: { max: number } }).options.max;
    const today = businessDate(new Date());
    const year = Number(today.slice(0, 4));

    // ---- seed: one group of customers per path (same shape), and one per path for the contended case
    const t0 = Date.now();
    const org: WoTenant = await seedWoOrg(db, SLUG);
    const groups: Partial<Record<PathName, WoTarget[]>> = {};
    for (const p of PATHS) {
      const tag = p === 'api' ? 'A' : p === 'flow' ? 'F' : 'S';
      log(`${db.kind} ${version}; seeding ${(CLIENTS * perClient).toLocaleString('en')} customers × 3 open invoices for ${LABEL[p]} …`);
      groups[p] = await seedWoGroup(db, org.tenantId, tag, CLIENTS * perClient + 2 * PROBES, 3, today);
    }
    const contendedPaths = CONTENDED_SECONDS > 0 ? PATHS.filter((p): p is 'api' | 'sql' => p === 'api' || p === 'sql') : [];
    const hotGroups: Partial<Record<PathName, WoTarget[]>> = {};
    for (const p of contendedPaths) hotGroups[p] = await seedWoGroup(db, org.tenantId, p === 'api' ? 'HA' : 'HS', hot, 3 * CLIENTS, today, true);
    const seedMs = Date.now() - t0;
    await analyzeWo(db);
    const counts0 = (await sql<{ c: number; r: number }>`select (select count(*)::int from customers where tenant_id = ${org.tenantId}) as c,
      (select count(*)::int from receivables where tenant_id = ${org.tenantId}) as r`.execute(db.kysely)).rows[0]!;
    log(`seeded ${counts0.c.toLocaleString('en')} customers, ${counts0.r.toLocaleString('en')} receivables in ${(seedMs / 1000).toFixed(1)} s; vacuum analyze ${((Date.now() - t0 - seedMs) / 1000).toFixed(1)} s`);

    const login = await httpJson(`${baseUrl}/api/v1/auth/login`, { method: 'POST', body: { email: org.finance.email, password: WO_PASSWORD, tenant: SLUG } });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
    const token = (login.body as { token: string }).token;
    const auth: AuthContext = { tenantId: org.tenantId, userId: org.finance.id, role: 'finance', teamId: null, scope: ROLE_SCOPE.finance, name: org.finance.name, tokenId: 'bench', via: 'bearer', requestId: null };
    rawPool = db.kind === 'postgres' ? new pg.Pool({ connectionString: DATABASE_URL!, max: CLIENTS }) : null;
    samplerPool = db.kind === 'postgres' ? new pg.Pool({ connectionString: DATABASE_URL!, max: 1 }) : null;
    const rawCtx: RawCtx = { tenantId: org.tenantId, finance: org.finance, receivedOn: today, year };

    // One client, one payment at a time, every statement timed (median of BENCH_WO_TRACE payments): what the flow
    // sends and where the time of one payment goes, for the flow and for the SQL transaction; on spare customers.
    const probePath: PathName = groups.flow ? 'flow' : groups.api ? 'api' : 'sql';
    const traced: Partial<Record<'flow' | 'sql', ReturnType<typeof summarizeTraces>>> = {};
    let flowStatements: string[] = [];
    {
      const spares = groups[probePath]!.splice(CLIENTS * perClient);
      const flowTraces: Trace[] = [];
      const flowTotals: number[] = [];
      const sqlTraces: Trace[] = [];
      const sqlTotals: number[] = [];
      for (let i = 0; i < spares.length; i++) {
        const spare = spares[i]!;
        if (i % 2 === 0) {
          const sent: Trace = [];
          const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: db.pool }), log: (e) => { if (e.level === 'query') sent.push({ sql: e.query.sql, ms: e.queryDurationMillis }); } });
          const key = `wo-probe-${spare.number}`;
          const t1 = performance.now();
          const r = await registerPayment({ ...db, kysely }, auth, PaymentCreate.parse(paymentBody(spare, today, key)), key);
          flowTotals.push(performance.now() - t1);
          // (the recording Kysely is not destroyed: that would end the app's pool)
          if (!(r.body as { writeOffId?: string | null }).writeOffId) throw new Error('probe payment was not written off');
          flowTraces.push(sent);
        } else {
          const sent: Trace = [];
          const t1 = performance.now();
          await rawPayment(timedPool(rawPool ?? db.pool, sent), rawCtx, spare, `wo-probe-${spare.number}`);
          sqlTotals.push(performance.now() - t1);
          sqlTraces.push(sent);
        }
      }
      flowStatements = flowTraces[0]!.map((q) => q.sql); // begin and commit included
      // The first few warm up plans and caches.
      const keep = (x: number) => Math.max(1, Math.floor(x / 2));
      traced.flow = summarizeTraces(flowTraces.slice(-keep(flowTraces.length)), flowTotals.slice(-keep(flowTotals.length)));
      if (sqlTraces.length) traced.sql = summarizeTraces(sqlTraces.slice(-keep(sqlTraces.length)), sqlTotals.slice(-keep(sqlTotals.length)));
      log(`the flow sends ${flowStatements.length} statements per payment: ${flowStatements.map((q) => q.trim().split(/\s+/).slice(0, 3).join(' ')).join(' → ')}`);
    }
    for (const p of PATHS) groups[p]!.length = CLIENTS * perClient; // the same count everywhere

    const countWritten = async () => {
      const r = await db.pool.query(`select ${WRITTEN.map((t) => `(select count(*)::int from ${t} where tenant_id = $1) as ${t}`).join(', ')}`, [org.tenantId]);
      return WRITTEN.map((t) => r.rows[0][t] as number);
    };

    const tasks: Record<PathName, (t: WoTarget, loop: number, prefix: string) => Promise<void>> = {
      api: async () => { throw new Error('api runs in a worker'); },
      flow: async (t, loop, prefix) => {
        const key = `${prefix}-${t.number}-${loop}`;
        const r = await registerPayment(db, auth, PaymentCreate.parse(paymentBody(t, today, key)), key);
        if (!(r.body as { writeOffId?: string | null }).writeOffId) throw new Error(`no write-off for ${t.number}`);
      },
      sql: async (t, loop, prefix) => rawPayment(rawPool ?? db.pool, rawCtx, t, `${prefix}-${t.number}-${loop}`),
    };
    const run = (p: PathName, queues: WoTarget[][], load: QueueLoad, prefix: string): Promise<QueueResult> =>
      p === 'api' ? apiLoad({ baseUrl: server?.url ?? baseUrl, token, queues, load, keyPrefix: prefix, receivedOn: today }) : runQueues(queues, load, (t, loop) => tasks[p](t, loop, prefix));
    const check = (what: string, r: QueueResult) => {
      if (r.errors) throw new Error(`${what}: ${r.errors} failed, first: ${r.firstError}`);
      if (r.latencies.length === 0) throw new Error(`${what}: nothing completed in the window`);
      if (r.cutShort) log(`${what}: a client ran out of customers, the window was cut to ${(r.windowMs / 1000).toFixed(1)} s (raise BENCH_WO_PER_CLIENT)`);
    };

    if (WORKERS > 0) {
      log(`starting the server for the API path: main.ts with L2C_WORKERS=${WORKERS} …`);
      server = await startServer(DATABASE_URL!, WORKERS);
    }
    const serverPids = () => (server ? processTree(server.child.pid!) : [process.pid]);
    const idle = sampleRss(serverPids);
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdle = await idle.stop();
    const profiler = PROFILE_DIR && !server ? new Profiler(PROFILE_DIR) : null;
    let profile: Array<[string, number]> | null = null;
    const load: QueueLoad = { warmupMs: WARMUP_SECONDS * 1000, durationMs: SECONDS * 1000 };
    const load0 = os.loadavg()[0]!;
    const results: Measured[] = [];
    // Rounds: the paths one after the other, ROUNDS times, each round on customers not yet paid. On a shared machine the
    // other work comes and goes; the ratio of each round (API and SQL a few seconds apart) and their median say more
    // than one long window each.
    const offsets = Object.fromEntries(PATHS.map((p) => [p, Array.from({ length: CLIENTS }, () => 0)])) as Record<PathName, number[]>;
    const totals = Object.fromEntries(PATHS.map((p) => [p, { done: 0, written: WRITTEN.map(() => 0) }])) as Record<PathName, { done: number; written: number[] }>;
    const rss: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) for (const p of PATHS) {
      const targets = groups[p]!;
      const queues = split(targets, CLIENTS);
      const start = offsets[p];
      const before = await countWritten();
      let done = 0;
      let best: { r: QueueResult; waits: Array<[string, number]> | null; cpu: CpuShare; elu: number } | null = null;
      for (let attempt = 0; attempt <= RETRY_BUSY; attempt++) {
        log(`${LABEL[p]}${ROUNDS > 1 ? ` (round ${round + 1} of ${ROUNDS})` : ''}: ${CLIENTS} clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s …${attempt ? ` again (attempt ${attempt + 1}): other work used ${best!.cpu.other?.toFixed(2)} cores` : ''}`);
        if (db.kind === 'postgres' && ANALYZE_BETWEEN) for (const t of WRITTEN) await sql.raw(`analyze ${t}`).execute(db.kysely);
        const waited = await waitForIdle(WAIT_IDLE_SECONDS * 1000);
        if (waited > 2500) log(`waited ${(waited / 1000).toFixed(0)} s for other work on the machine to stop`);
        if (p === 'api' && round === 0) await profiler?.start();
        const meter = new CpuMeter();
        const elu0 = performance.eventLoopUtilization();
        const sampler = samplerPool ? new WaitSampler(samplerPool) : null;
        const rssSampler = p === 'api' ? sampleRss(serverPids) : null;
        // Each attempt goes on with the customers the previous ones left.
        const r = await run(p, queues.map((q, i) => q.slice(start[i]! + (best ? best.r.used[i]! : 0))), load, `wo-${p}${round ? `-r${round + 1}` : ''}${attempt ? `-${attempt + 1}` : ''}`);
        if (rssSampler) (rss[`api round ${round + 1}`] = await rssSampler.stop());
        const waits = sampler ? await sampler.stop() : null;
        const elu = performance.eventLoopUtilization(elu0).utilization;
        const cpu = meter.read();
        if (p === 'api' && round === 0 && profiler) profile = await profiler.stop(`writeoff-api${attempt ? `-${attempt + 1}` : ''}`);
        if (r.clientLoopBusy !== undefined) log(`${LABEL[p]}: HTTP clients' thread busy ${r.clientLoopBusy.toFixed(2)}`);
        check(LABEL[p], r);
        done += r.done;
        r.used = r.used.map((u, i) => u + (best ? best.r.used[i]! : 0));
        const keep = !best || (cpu.other ?? 0) < (best.cpu.other ?? 0);
        const used = r.used;
        if (keep) best = { r, waits, cpu, elu };
        else best!.r.used = used;
        if ((cpu.other ?? 0) <= BUSY_CORES) break;
      }
      const { r, waits, cpu, elu } = best!;
      offsets[p] = start.map((o, i) => o + r.used[i]!);
      // One client on what is left (after the last round): its median is the service time without queueing.
      let serial: Stats | null = null;
      if (SERIAL_SECONDS > 0 && round === ROUNDS - 1) {
        const left = queues.flatMap((q, i) => q.slice(offsets[p][i]));
        const s1 = await run(p, [left], { warmupMs: 300, durationMs: SERIAL_SECONDS * 1000 }, `wo-${p}1`);
        check(`${LABEL[p]} (1 client)`, s1);
        serial = summarize(s1);
        done += s1.done;
      }
      const after = await countWritten();
      const written = after.map((a, i) => a - before[i]!);
      totals[p].done += done;
      totals[p].written = totals[p].written.map((w, i) => w + written[i]!);
      results.push({ name: p, round, waits, stats: summarize(r), serial, cpu, elu, done, cutShort: r.cutShort, written });
      const s = results[results.length - 1]!.stats;
      log(`${LABEL[p]}: ${s.rps.toFixed(0)} payments/s, p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms`);
    }

    // Every payment booked by each path left its customer with nothing open, and the same rows behind it.
    const verify = await db.pool.query<{ tag: string; paid: number; open: number; unapplied: string }>(`
      with r as (select substr(c.number, 6, 1) as tag, count(*) filter (where r.amount_open = 0)::int as paid,
                        count(*) filter (where r.amount_open > 0 and r.amount_open < r.amount)::int as open
                 from receivables r join customers c on c.id = r.customer_id
                 where r.tenant_id = $1 and c.number like 'KH-W-_-%' group by 1),
           p as (select substr(c.number, 6, 1) as tag, sum(p.amount_unapplied) as unapplied
                 from payments p join customers c on c.id = p.customer_id
                 where p.tenant_id = $1 and c.number like 'KH-W-_-%' group by 1)
      select r.tag, r.paid, r.open, coalesce(p.unapplied, 0)::text as unapplied from r left join p using (tag) order by 1`, [org.tenantId]);
    for (const v of verify.rows) {
      if (v.open !== 0 || Number(v.unapplied) !== 0) throw new Error(`group ${v.tag}: ${v.open} partly paid invoices, ${v.unapplied} unapplied — the payments did not match the invoices`);
    }
    for (const name of PATHS) {
      const m = { name, done: totals[name].done };
      const tag = m.name === 'api' ? 'A' : m.name === 'flow' ? 'F' : 'S';
      const paid = verify.rows.find((v) => v.tag === tag)?.paid ?? 0;
      const expected = 3 * (m.done + (m.name === probePath ? 2 * PROBES : 0)); // the traced payments were made on that group's spares
      if (paid !== expected) throw new Error(`${LABEL[m.name]}: ${paid} invoices paid, expected ${expected}`);
    }

    // ---- contended: all clients pay the same customers, in the same order (up to 8 payments of one customer in flight)
    const contended: Array<{ name: PathName; stats: Stats; cutShort: boolean; other: number | null }> = [];
    for (const p of contendedPaths) {
      const list = hotGroups[p]!;
      log(`${LABEL[p]}, contended: ${CLIENTS} clients on the same ${list.length} customers, 0.5 s warm-up + ${CONTENDED_SECONDS} s …`);
      await waitForIdle(WAIT_IDLE_SECONDS * 1000);
      const meter = new CpuMeter();
      const r = await run(p, Array.from({ length: CLIENTS }, () => list), { warmupMs: 500, durationMs: CONTENDED_SECONDS * 1000 }, `wo-hot-${p}`);
      check(`${LABEL[p]} contended`, r);
      contended.push({ name: p, stats: summarize(r), cutShort: r.cutShort, other: meter.read().other });
    }
    const load1 = os.loadavg()[0]!;

    // ---- report
    const by = (p: PathName) => results.find((m) => m.name === p);
    const out: string[] = [];
    out.push('', `L2C bench — payment + automatic write-off (3 invoices) — ${today}`);
    out.push(`database: ${db.kind} ${version}${db.kind === 'postgres' ? ` (${settings}; app pool ${appPoolMax}, SQL pool ${CLIENTS})` : ' (embedded, in-process, one connection shared by every path)'}`);
    out.push(`machine: ${os.availableParallelism()} cores, node ${process.version}; load average (1 min) ${load0.toFixed(2)} at the start of the measurements, ${load1.toFixed(2)} at the end`);
    out.push(`data: ${counts0.c.toLocaleString('en')} customers, ${counts0.r.toLocaleString('en')} receivables; seed ${(seedMs / 1000).toFixed(1)} s`);
    out.push(`load: ${CLIENTS} closed-loop clients, each on its own customers; ${WARMUP_SECONDS} s warm-up, ${SECONDS} s window; then 1 client for ${SERIAL_SECONDS} s`);
    out.push('');
    // CPU per payment (this process — app, SQL path and HTTP clients — plus PostgreSQL's): on a shared machine the
    // throughput swings with the other work, the work done per payment much less
    const cpuMs = (m: Measured) => (server && m.name === 'api' ? NaN : ((m.cpu.self + (m.cpu.postgres ?? 0)) * 1000) / m.stats.rps);
    out.push(table(['path', 'round', 'payments', 'payments/s', 'p50 ms', 'p90 ms', 'p99 ms', '1-client p50', 'cpu node', 'cpu pg', 'cpu other', 'main loop busy', 'CPU ms / payment'],
      results.map((m) => [LABEL[m.name], m.round + 1, m.stats.n, m.stats.rps, m.stats.p50, m.stats.p90, m.stats.p99, m.serial?.p50 ?? NaN,
        m.cpu.self, m.cpu.postgres ?? NaN, m.cpu.other ?? NaN, m.elu, cpuMs(m)])));
    out.push('');
    const median = (xs: number[]) => percentile(Float64Array.from(xs).sort(), 50);
    // per round: the two paths a few seconds apart, under about the same other load
    const ratios = (a: PathName, b: PathName) => Array.from({ length: ROUNDS }, (_, i) => {
      const x = results.find((m) => m.name === a && m.round === i);
      const y = results.find((m) => m.name === b && m.round === i);
      return x && y ? x.stats.rps / y.stats.rps : NaN;
    }).filter((v) => !Number.isNaN(v));
    const api = by('api');
    const raw = by('sql');
    const flow = by('flow');
    const target = db.kind === 'postgres' ? TARGET_PG : TARGET_PGLITE;
    if (api && raw) {
      const r = ratios('api', 'sql');
      const m = median(r);
      const p50 = median(Array.from({ length: ROUNDS }, (_, i) => results.find((x) => x.name === 'api' && x.round === i)!.stats.p50 / results.find((x) => x.name === 'sql' && x.round === i)!.stats.p50));
      // for `npm run bench`'s summary: the round whose ratio is the median, its two throughputs
      const mid = Array.from({ length: ROUNDS }, (_, i) => i).find((i) => Math.abs(results.find((x) => x.name === 'api' && x.round === i)!.stats.rps / results.find((x) => x.name === 'sql' && x.round === i)!.stats.rps - m) < 1e-9) ?? 0;
      recordFigure({ bench: 'writeoff', figure: `payment + auto write-off, ${CLIENTS} clients${server ? `, API on L2C_WORKERS=${server.workers}` : ''}${SQL_OUTBOX ? ', same writes (SQL writes the outbox too)' : ''} (median round of ${r.length})`,
        api: results.find((x) => x.name === 'api' && x.round === mid)!.stats.rps, sql: results.find((x) => x.name === 'sql' && x.round === mid)!.stats.rps,
        unit: 'payments/s', target: `API/SQL ≥ ${target}`, met: m >= target, database: db.kind });
      out.push(`API / SQL throughput: ${m.toFixed(2)} (median of ${r.length} round${r.length > 1 ? 's' : ''}: ${r.map((v) => v.toFixed(2)).join(', ')}; target ≥ ${target} on ${db.kind}) — ${m >= target ? 'PASS' : 'FAIL'}; p50 API / SQL ${p50.toFixed(2)}`);
    }
    if (api && raw && !server) {
      const c = (p: PathName) => median(results.filter((m) => m.name === p).map(cpuMs));
      out.push(`CPU per payment (node + pg, median of the rounds): API ${fmt(c('api'))} ms, SQL ${fmt(c('sql'))} ms — SQL / API ${(c('sql') / c('api')).toFixed(2)} (the throughput ratio a machine busy with these alone would approach)`);
    }
    if (flow && raw) out.push(`flow in-process / SQL throughput: ${median(ratios('flow', 'sql')).toFixed(2)}${api ? `; API / flow: ${median(ratios('api', 'flow')).toFixed(2)}` : ''}`);
    if (server) out.push(`API served by ${server.workers} worker process(es) of its own (L2C_WORKERS=${server.workers}, packages/server/src/main.ts), not in this process`);
    const rssRows = Object.entries(rss).filter(([, v]) => v.length > 0);
    if (rssIdle.length || rssRows.length) {
      out.push(`server resident memory (RSS, MB${server ? ', primary + workers' : ', this process: app + bench'}): idle before the load ${rssIdle.length ? fmt(rssIdle.reduce((a, b) => a + b, 0) / rssIdle.length) : '—'}`
        + rssRows.map(([k, v]) => `; ${k} median ${fmt(median(v))}, max ${fmt(Math.max(...v))}`).join(''));
    }
    out.push('');
    out.push(`statements per payment: API ${flowStatements.length} in its transaction + 1 for authentication (the token look-up)${db.kind === 'postgres' ? ' + 1 for both document numbers (HK, HX) on its own connection' : ''}; flow ${flowStatements.length}; SQL ${RAW_STATEMENTS.length}${SQL_NUMBERS === 'outside' ? ' (numbers in their own statement before the transaction: BENCH_WO_SQL_NUMBERS=outside)' : ''}`);
    out.push('rows written per payment (all payments of the path, warm-up and 1-client run included):');
    out.push(table(['path', 'booked', ...WRITTEN, 'invoices paid'], PATHS.map((p) => {
      const n = totals[p].done;
      return [LABEL[p], n, ...totals[p].written.map((w) => w / n), 3];
    })));
    for (const m of results) {
      if (!m.waits || m.round > 0) continue;
      out.push('');
      out.push(`${LABEL[m.name]}: the database's backends in a transaction during the window (average count, of ${CLIENTS} clients):`);
      out.push(table(['state', 'backends'], m.waits.filter(([, n]) => n >= 0.05).slice(0, 8).map(([k, n]) => [k, n])));
    }
    for (const [name, t] of Object.entries(traced)) {
      if (!t) continue;
      out.push('');
      out.push(`one payment, one client, ${name === 'flow' ? 'flow in-process' : 'SQL transaction'} (median of ${Math.max(1, Math.floor(PROBES / 2))}): ${fmt(t.total)} ms, of which ${t.count} statements' round trips ${fmt(t.statements)} ms (the rest: JS between them)`);
      out.push(table(['#', 'statement', 'ms'], t.per.map((x, i) => [i + 1, x.sql, x.ms])));
    }
    if (contended.length) {
      out.push('');
      out.push(`contended: ${CLIENTS} clients paying the same customers in the same order (each customer: ${3 * CLIENTS} open invoices, ${CLIENTS} payments), ${CONTENDED_SECONDS} s`);
      out.push(table(['path', 'payments', 'payments/s', 'p50 ms', 'p99 ms', 'cpu other'], contended.map((c) => [LABEL[c.name], c.stats.n, c.stats.rps, c.stats.p50, c.stats.p99, c.other ?? NaN])));
      const ca = contended.find((c) => c.name === 'api');
      const cs = contended.find((c) => c.name === 'sql');
      if (ca && cs) out.push(`contended API / SQL throughput: ${(ca.stats.rps / cs.stats.rps).toFixed(2)}`);
    }
    if (profile) {
      const total = profile.reduce((s, [, ms]) => s + ms, 0);
      out.push('');
      out.push(`app thread during the API window (CPU profile in ${PROFILE_DIR}/writeoff-api.cpuprofile), self time per payment:`);
      const n = api?.stats.n ?? 1;
      out.push(table(['where', 'ms / payment', 'share'], profile.slice(0, 14).map(([k, ms]) => [k, ms / n, `${((100 * ms) / total).toFixed(1)} %`])));
    }
    out.push('');
    out.push('API: POST /api/v1/payments {confirm: true, autoApply: oldest_due} with an Idempotency-Key, as a finance user (bearer token), HTTP/1.1 keep-alive from a worker thread.');
    out.push('flow: the route\'s function (registerPayment) called in-process: the same transaction, no HTTP, no authentication.');
    out.push('SQL: one hand-written transaction per payment on a plain pg pool as the table owner (no RLS):');
    for (const s of RAW_STATEMENTS) out.push(`  ${s}`);
    out.push(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(out.join('\n'));
  } finally {
    if (server) await stopServer(server);
    if (rawPool) await rawPool.end();
    if (samplerPool) await samplerPool.end();
    if (l2c) await l2c.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMainThread && !process.env.BENCH_WO_AS_LIBRARY) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else if (!isMainThread) {
  await apiWorker(workerData as ApiJob);
}
