// Excel import under an oversized workbook (issue 7.7; `npm run bench:import`, also part of `npm run bench`).
// A client (in a worker thread) uploads a ~9 MB workbook of 1.1M rows to POST /api/v1/customers/import again and again (each refused at
// the 5,000-row limit), while another asks GET /api/health every 20 ms. Measured: health latency
// while the imports run against the same client with the server idle (p50/p99 and their ratio), the uploads' own
// time, and the growth of this process's RSS (the app runs in it). PGlite in a temporary directory; with
// DATABASE_URL, that PostgreSQL database (a tenant of its own is added). See docs/benchmarks.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';
import { envInt, fmt, log, percentile, table, tsWorker } from './lib.js';
import { buildOversizedWorkbook as buildWorkbook } from '../packages/server/test/fixtures/oversized-workbook.js';

const ROWS = envInt('BENCH_IMPORT_ROWS', 1_100_000);
const SECONDS = envInt('BENCH_IMPORT_SECONDS', 8);
const IDLE_SECONDS = envInt('BENCH_IMPORT_IDLE_SECONDS', 4);
const PASSWORD = 'bench-pass-1';
const MB = 1024 * 1024;
const HEALTH_EVERY_MS = 20;


const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/**
 * One client asking for /api/health every 20 ms until `until()` says stop; each latency counts from the moment the
 * request was due, not when it could be sent, so a stalled event loop shows in full (no coordinated omission: a
 * stall of 5 s makes every request due in it late, as every health checker polling then would have seen).
 */
async function healthLoop(url: string, until: () => boolean): Promise<{ lat: Float64Array; errors: number }> {
  const lat: number[] = [];
  let errors = 0;
  let due = performance.now();
  while (!until()) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const status = await get(url);
    lat.push(performance.now() - due);
    if (status !== 200) errors++;
    due += HEALTH_EVERY_MS;
  }
  return { lat: Float64Array.from(lat).sort(), errors };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-import-'));
  let l2c: L2C | null = null;
  try {
    const file = path.join(tmp, 'big.xlsx');
    const t0 = Date.now();
    await buildWorkbook(file, ROWS);
    log(`workbook of ${ROWS.toLocaleString('en')} rows, ${(fs.statSync(file).size / MB).toFixed(1)} MB, built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    l2c = await createApp({
      databaseUrl: process.env.DATABASE_URL || null, ...(process.env.DATABASE_URL ? {} : { dataDir: path.join(tmp, 'data') }),
      demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null,
    });
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const slug = `bench-import-${crypto.randomBytes(3).toString('hex')}`;
    const email = `importer@${slug}.test`;
    const passwordHash = await hashPassword(PASSWORD);
    await asSystem(l2c.db, async (tx) => {
      const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values (${slug}, '导入基准测试') returning id`.execute(tx)).rows[0]!.id;
      await sql`insert into users (tenant_id, email, name, role, password_hash) values (${tenantId}, ${email}, '导入员', 'admin', ${passwordHash})`.execute(tx);
    });
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, tenant: slug }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const health = `${baseUrl}/api/health`;

    for (let i = 0; i < 20; i++) await get(health); // warm-up
    const idleEnd = performance.now() + IDLE_SECONDS * 1000;
    const idleLoop = monitorEventLoopDelay({ resolution: 10 });
    idleLoop.enable();
    const idle = await healthLoop(health, () => performance.now() >= idleEnd);
    idleLoop.disable();

    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    let importing = true;
    const during = healthLoop(health, () => !importing);
    // The uploading client runs in a worker thread, so its own work (building and sending 9 MB bodies) does not
    // share the server's event loop and only the server's delay shows in the health latencies.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const result = await new Promise<{ uploads: number[]; statuses: Array<[number, number]> }>((resolve, reject) => {
      const worker = tsWorker(new URL(import.meta.url), { baseUrl, token, file, seconds: SECONDS });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    loop.disable();
    const uploads = result.uploads;
    const statuses = new Map(result.statuses);
    importing = false;
    const busy = await during;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const row = (name: string, s: { lat: Float64Array; errors: number }) => [
      name, s.lat.length, s.errors, percentile(s.lat, 50), percentile(s.lat, 99), s.lat[s.lat.length - 1] ?? NaN,
    ];
    console.log(`\nGET /api/health, one client, sequential (${l2c.db.kind})\n`);
    console.log(table(['phase', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms'], [row('idle', idle), row('during import', busy)]));
    const up = Float64Array.from(uploads).sort();
    console.log(`\nratio during / idle: p50 ${fmt(percentile(busy.lat, 50) / percentile(idle.lat, 50))}×, p99 ${fmt(percentile(busy.lat, 99) / percentile(idle.lat, 99))}×`);
    console.log(`uploads: ${uploads.length} (${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}), p50 ${fmt(percentile(up, 50))} ms, max ${fmt(up[up.length - 1]!)} ms`);
    const delay = (h: ReturnType<typeof monitorEventLoopDelay>) => `p50 ${fmt(h.percentile(50) / 1e6)} ms, p99 ${fmt(h.percentile(99) / 1e6)} ms, max ${fmt(h.max / 1e6)} ms`;
    console.log(`event loop delay (10 ms timer): idle ${delay(idleLoop)}; during the imports ${delay(loop)}`);
    // The whole process: the app, and the uploading worker with its own copies of the 9 MB bodies (a single upload's
    // growth with the app alone is asserted in packages/server/test/customers-import-bounded.test.ts).
    console.log(`peak RSS growth during the imports (app + uploading worker): ${fmt((peak - rss0) / MB)} MB`);
  } finally {
    agent.destroy();
    if (l2c) await l2c.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The worker: upload the workbook back to back for `seconds`, report each upload's time and status. */
async function uploader(d: { baseUrl: string; token: string; file: string; seconds: number }) {
  const bytes = fs.readFileSync(d.file);
  const uploads: number[] = [];
  const statuses = new Map<number, number>();
  const end = performance.now() + d.seconds * 1000;
  while (performance.now() < end) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'big.xlsx');
    const t = performance.now();
    const res = await fetch(`${d.baseUrl}/api/v1/customers/import`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` }, body: form });
    await res.arrayBuffer();
    uploads.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  parentPort!.postMessage({ uploads, statuses: [...statuses] });
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  void uploader(workerData);
}
