// CPU per request of the customer list, app thread and PostgreSQL, for an A/B between two checkouts on a shared
// machine: throughput and latency move with whatever else runs, the CPU a request costs much less. Usage:
//   DATABASE_URL=… npx tsx bench/cpu-per-request.ts /path/to/checkout   (a fresh database per run)
// It seeds BENCH_CUSTOMERS (20,000) with that checkout's bench/seed.ts, starts that checkout's app in-process, sends
// BENCH_REQUESTS (4,000) list requests from 20 keep-alive clients in a worker thread per case, and reads the app
// thread's CPU from /proc/self/task/<pid>/stat and the PostgreSQL server's from its processes (bench/lib.ts CpuMeter).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CpuMeter, envInt } from './lib.js';

const tree = path.resolve(process.argv[2] ?? '.');
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 20_000);
const REQUESTS = envInt('BENCH_REQUESTS', 4000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 20);
const TICK_MS = 10; // USER_HZ 100
const BARE = process.env.BENCH_BARE === '1';

function threadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime (fields 14, 15)
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { url, token, n, c } = workerData;
  let next = 0, failed = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) { next++; const r = await fetch(url, { headers: { authorization: 'Bearer ' + token } }); await r.arrayBuffer(); if (r.status !== 200) failed++; }
  }));
  parentPort.postMessage({ ms: performance.now() - t0, failed });
})();`;

function load(url: string, token: string, n: number, c: number): Promise<{ ms: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, token, n, c } });
    w.once('message', (m) => { void w.terminate(); resolve(m); });
    w.once('error', reject);
  });
}

const { createApp } = await import(path.join(tree, 'packages/server/src/app.ts'));
const { seedTenant, analyze, BENCH_PASSWORD } = await import(path.join(tree, 'bench/seed.ts'));
const l2c = await createApp({ databaseUrl: process.env.DATABASE_URL, demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
try {
  await l2c.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (l2c.app.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  const pgPid = await (async () => {
    const r = await l2c.db.pool.query(`select current_setting('data_directory') as d`);
    return Number(fs.readFileSync(path.join(r.rows[0].d, 'postmaster.pid'), 'utf8').split('\n')[0]);
  })();
  CpuMeter.postgresRoot = pgPid;
  const tenant = await seedTenant(l2c.db, CUSTOMERS);
  await analyze(l2c.db);
  const login = async (email: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD, tenant: tenant.slug }) });
    return ((await r.json()) as { token: string }).token;
  };
  const cases = [
    { key: 'grade', token: await login(tenant.admin.email), path: '/api/v1/customers?grade=A&sort=-createdAt&limit=50' },
    { key: 'team', token: await login(tenant.managerEast.email), path: '/api/v1/customers?sort=-createdAt&limit=50' },
  ];
  const out: string[] = [];
  for (const c of cases) {
    await load(base + c.path, c.token, 1000, CONCURRENCY); // warm-up
    const cpu0 = threadCpuMs();
    const meter = new CpuMeter();
    const r = await load(base + c.path, c.token, REQUESTS, CONCURRENCY);
    const app = threadCpuMs() - cpu0;
    const share = meter.read();
    if (r.failed) throw new Error(`${c.key}: ${r.failed} failed requests`);
    const pgMs = share.postgres === null ? NaN : (share.postgres * r.ms) / REQUESTS;
    out.push(`${c.key}\tapp thread ${(app / REQUESTS).toFixed(3)} ms/req\tpostgres ${pgMs.toFixed(3)} ms/req\t${(REQUESTS / (r.ms / 1000)).toFixed(0)} req/s\tother ${share.other?.toFixed(2)} cores`);
    if (BARE) out.push(await bareTx(c));
  }
  // BENCH_BARE=1: the same page as the bare transaction the service sends (begin, settings, the SELECT, commit),
  // replayed from this thread with the same concurrency: its thread's CPU (the pg client) and PostgreSQL's, per request.
  async function bareTx(c: (typeof cases)[number]): Promise<string> {
    const { capture, SqlSide, authOf } = await import(path.join(tree, 'bench/customers-list.ts'));
    const user = c.key === 'grade' ? tenant.admin : tenant.managerEast;
    const replay = await capture(l2c.db, authOf(tenant, user), c.path.split('?')[1]!);
    const side = new SqlSide(l2c.db, process.env.DATABASE_URL ?? null);
    const run = async (n: number) => {
      let next = 0;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next++ < n) await side.replay(replay.sequence); }));
      return performance.now() - t0;
    };
    await run(1000);
    const cpu0 = threadCpuMs();
    const meter = new CpuMeter();
    const ms = await run(REQUESTS);
    const self = threadCpuMs() - cpu0;
    const share = meter.read();
    await side.reset();
    const pgMs = share.postgres === null ? NaN : (share.postgres * ms) / REQUESTS;
    return `${c.key} sql+tx\tthis thread ${(self / REQUESTS).toFixed(3)} ms/req\tpostgres ${pgMs.toFixed(3)} ms/req\t${(REQUESTS / (ms / 1000)).toFixed(0)} req/s\tother ${share.other?.toFixed(2)} cores`;
  }
  console.log(`tree ${tree}\n${out.join('\n')}`);
} finally {
  await l2c.close();
}
