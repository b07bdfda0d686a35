// Operations endpoints: /api/metrics (Prometheus text, prom-client) behind a bearer token, and /api/ready (the
// database answers and every migration file is applied). /api/health stays liveness: the process serves HTTP.
// One registry per app (tests run several apps in one process); the process-wide figures (memory, event-loop lag,
// transaction retries, job runs) are read when Prometheus scrapes, never pushed.
import crypto from 'node:crypto';
import { z } from 'zod';
import client from 'prom-client';
import type { App } from './http.js';
import { databaseNow, transactionRetries, type Db } from './db.js';
import { appliedMigrations, readMigrations } from './migrate.js';
import { jobCounts } from './jobs.js';
import { overloadRefusals } from './overload.js';
import { commonError } from './errors.js';

export interface MetricsOptions {
  /** L2C_METRICS_TOKEN: the bearer Prometheus sends; null → /api/metrics answers 404 (metrics off). */
  token: string | null;
  /** Migration ids the code expects (the files); tests pass their own to simulate a pending migration. */
  expectedMigrations?: string[];
}

const READY_TIMEOUT_MS = 2000;

function sameSecret(a: string, b: string): boolean {
  // hash both sides: equal lengths for timingSafeEqual, and the comparison time says nothing about the token
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** The route pattern of a request (`/api/v1/customers/:id`), never its URL: ids in labels would grow without bound. */
function routeLabel(req: { routeOptions: { url?: string | undefined } }): string {
  return req.routeOptions.url ?? 'unmatched';
}

export function metricsRoutes(app: App, db: Db, opts: MetricsOptions): void {
  const registry = new client.Registry();
  // Metrics off (no token): nothing can scrape them, so no collector and no per-request histogram either — every
  // request paid for an observation nobody could read (part of the list's per-request regression, docs/benchmarks.md).
  if (opts.token) installCollectors(app, db, registry);

  app.get('/api/metrics', {
    logLevel: 'warn', // scraped every few seconds: no line per scrape
    schema: { operationId: 'getMetrics', summary: 'Get Prometheus metrics', download: ['text/plain'], errors: [commonError.only('not_found', 'unauthenticated')],
      tags: ['platform'], security: [{ bearer: [] }],
      // no response schema: the zod serializer would JSON-quote the text
      description: 'Prometheus text format. Needs L2C_METRICS_TOKEN as a bearer; 404 while that variable is unset.',
    },
  }, async (req, reply) => {
    if (!opts.token) throw commonError('not_found', 'Metrics are off: set L2C_METRICS_TOKEN');
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameSecret(given, opts.token)) throw commonError('unauthenticated', 'Send L2C_METRICS_TOKEN as a bearer token');
    reply.type(registry.contentType);
    return registry.metrics();
  });

  const expected = opts.expectedMigrations ?? readMigrations().map((m) => m.id);
  const Ready = z.object({
    status: z.enum(['ready', 'not_ready']),
    database: z.string(),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int(), pending: z.array(z.string()) }).nullable(),
    reason: z.string().nullable(),
  });
  app.get('/api/ready', {
    logLevel: 'warn', // the load balancer's probe: no line per check
    schema: { operationId: 'getReadiness', summary: 'Check readiness', tags: ['platform'], security: [], description: 'Readiness: 200 when the database answers and its migrations are current, else 503.', response: { 200: Ready, 503: Ready } },
  }, async (_req, reply) => {
    try {
      const applied = await withTimeout((async () => {
        await databaseNow(db.kysely);
        return appliedMigrations(db);
      })(), READY_TIMEOUT_MS);
      const done = new Set(applied);
      const pending = expected.filter((id) => !done.has(id));
      const migrations = { applied: applied.length, expected: expected.length, pending };
      if (pending.length > 0) return reply.code(503).header('retry-after', '5').send({ status: 'not_ready', database: db.kind, migrations, reason: 'migrations pending' });
      return { status: 'ready' as const, database: db.kind, migrations, reason: null };
    } catch (err) {
      return reply.code(503).header('retry-after', '5').send({ status: 'not_ready', database: db.kind, migrations: null, reason: `database: ${(err as Error).message}` });
    }
  });
}

/** The registry's figures: defaults (memory, event-loop lag, GC), request latency, pool, retries, jobs, refusals. */
function installCollectors(app: App, db: Db, registry: client.Registry): void {
  client.collectDefaultMetrics({ register: registry, prefix: 'l2c_', eventLoopMonitoringPrecision: 20 });
  const duration = new client.Histogram({
    name: 'l2c_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern and status class (rate: the _count series)',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: routeLabel(req), status_class: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });

  const pool = db.pool as unknown as { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };
  new client.Gauge({
    name: 'l2c_db_pool_connections', help: 'Database pool connections by state (PGlite: its single connection)', labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'max' }, pool.options?.max ?? 0);
    },
  });
  new client.Gauge({
    name: 'l2c_db_pool_waiting', help: 'Queries waiting for a database connection right now', registers: [registry],
    collect() { this.set(pool.waitingCount); },
  });
  new client.Counter({
    name: 'l2c_db_transaction_retries_total', help: 'Request transactions run again after a deadlock or serialization failure', registers: [registry],
    collect() { this.reset(); this.inc(transactionRetries()); },
  });
  new client.Counter({
    name: 'l2c_job_runs_total', help: 'Scheduled job runs by job and outcome', labelNames: ['job', 'outcome'] as const, registers: [registry],
    collect() {
      this.reset();
      for (const [job, c] of Object.entries(jobCounts())) {
        this.inc({ job, outcome: 'ok' }, c.runs);
        this.inc({ job, outcome: 'failed' }, c.failures);
      }
    },
  });
  new client.Counter({
    name: 'l2c_http_overload_refusals_total', help: 'Requests answered 503 common.overloaded instead of queueing', registers: [registry],
    collect() { this.reset(); this.inc(overloadRefusals()); },
  });
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}
