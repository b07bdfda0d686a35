// PostgreSQL CPU per statement of the customer list's round trips, API against bare (issue 13 item 2): where the
// server-side difference between `GET /customers` and the bare transaction goes. Usage (a fresh database):
//   node scripts/pg.mjs -- npx tsx bench/pg-cpu-per-statement.ts
// One connection per variant; the backend's CPU from /proc/<pid>/stat over BENCH_N (5,000) executions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { createApp } from '../packages/server/src/app.js';
import { analyze, BENCH_PASSWORD, seedTenant } from './seed.js';
import { capture, authOf } from './customers-list.js';
import { envInt } from './lib.js';

const N = envInt('BENCH_N', 5000);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL (PostgreSQL) required');

function backendCpuMs(pid: number): number {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const l2c = await createApp({ databaseUrl: url, demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
try {
  await l2c.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(l2c.app.server.address() as { port: number }).port}`;
  const tenant = await seedTenant(l2c.db, envInt('BENCH_CUSTOMERS', 20_000));
  await analyze(l2c.db);
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: tenant.admin.email, password: BENCH_PASSWORD, tenant: tenant.slug }) });
  const token = ((await r.json()) as { token: string }).token;
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  const replay = await capture(l2c.db, authOf(tenant, tenant.admin), 'grade=A&sort=-createdAt&limit=50');
  const settings = replay.sequence.find((q) => q.sql.includes('set_config'))!;
  const select = replay.select;
  console.log(replay.sequence.map((q) => q.sql.replace(/\s+/g, ' ').slice(0, 70)).join('\n'));
  const open = `begin; select a.*, set_config('app.tenant_id', a.tenant_id::text, true), set_config('app.user_id', a.user_id::text, true), set_config('role', 'l2c_app', true) from l2c_live_token('${hash}') a`;
  const variants: Array<[string, (c: pg.Client) => Promise<unknown>]> = [
    ['API open: begin + l2c_live_token + settings (simple)', async (c) => { await c.query(open); await c.query('commit'); }],
    ['bare open: begin, settings (unnamed)', async (c) => { await c.query('begin'); await c.query(settings.sql, settings.parameters as unknown[]); await c.query('commit'); }],
    ['begin; commit only', async (c) => { await c.query('begin'); await c.query('commit'); }],
    ['list select, unnamed (bare)', async (c) => { await c.query('begin'); await c.query(settings.sql, settings.parameters as unknown[]); await c.query(select.sql, select.parameters as unknown[]); await c.query('commit'); }],
    ['list select, named (API)', async (c) => { await c.query('begin'); await c.query(settings.sql, settings.parameters as unknown[]); await c.query({ name: 'list', text: select.sql, values: select.parameters as unknown[] }); await c.query('commit'); }],
  ];
  for (const [label, fn] of variants) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const pid = (await c.query<{ p: number }>('select pg_backend_pid() as p')).rows[0]!.p;
    for (let i = 0; i < 300; i++) await fn(c);
    const c0 = backendCpuMs(pid);
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await fn(c);
    const ms = performance.now() - t0;
    console.log(`${label.padEnd(56)} backend CPU ${((backendCpuMs(pid) - c0) / N).toFixed(3)} ms  wall ${(ms / N).toFixed(3)} ms`);
    await c.end();
  }
} finally {
  await l2c.close();
}
