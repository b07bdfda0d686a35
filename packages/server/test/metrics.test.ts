// Operations endpoints over HTTP: /api/metrics needs its token and labels latency by route pattern; /api/ready is 200
// with current migrations and 503 with one pending; an overloaded server answers 503 common.overloaded + Retry-After.
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type L2C } from '../src/app.js';
import { buildHttp } from '../src/platform/http.js';
import { metricsRoutes } from '../src/platform/metrics.js';
import { readMigrations } from '../src/platform/migrate.js';
import { call, login, makeTenant, testApp } from './helpers.js';

const h = await testApp();
const TOKEN = 'metrics-secret-1';
const apps: L2C[] = [];

async function dedicated(overrides: Parameters<typeof createApp>[0]): Promise<{ l2c: L2C; baseUrl: string }> {
  const l2c = await createApp({ logLevel: 'silent', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null, ...overrides }, { db: h.db });
  apps.push(l2c);
  await l2c.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = l2c.app.server.address();
  return { l2c, baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
}

afterAll(async () => {
  for (const a of apps) await a.app.close();
});

describe('/api/metrics', () => {
  it('is off (404) without L2C_METRICS_TOKEN', async () => {
    const res = await call(h.baseUrl, 'GET', '/api/metrics', { token: TOKEN });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('common.not_found');
  });

  it('needs the token, then serves Prometheus text with the route pattern, the pool, retries and memory', async () => {
    const { baseUrl } = await dedicated({ metricsToken: TOKEN });
    expect((await call(baseUrl, 'GET', '/api/metrics')).status).toBe(401);
    expect((await call(baseUrl, 'GET', '/api/metrics', { token: 'wrong' })).status).toBe(401);

    const t = await makeTenant(h.db);
    const admin = await login(baseUrl, t.users.admin, t.slug);
    for (let i = 0; i < 3; i++) expect((await admin.get(`/api/v1/customers/00000000-0000-4000-8000-00000000000${i}`)).status).toBe(404);
    expect((await admin.get('/api/v1/customers')).status).toBe(200);

    const res = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    // the pattern, never the id: three different ids are one series
    const byId = text.split('\n').filter((l) => l.startsWith('l2c_http_request_duration_seconds_count{') && l.includes('route="/api/v1/customers/:id"'));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toContain('status_class="4xx"');
    expect(Number(byId[0]!.split(' ').pop())).toBe(3);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(text).toMatch(/l2c_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/customers",status_class="2xx"\}/);
    expect(text).toMatch(/l2c_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/l2c_db_pool_waiting \d+/);
    expect(text).toMatch(/l2c_db_transaction_retries_total \d+/);
    expect(text).toContain('l2c_job_runs_total');
    expect(text).toMatch(/l2c_nodejs_eventloop_lag_seconds \d/);
    expect(text).toMatch(/l2c_process_resident_memory_bytes \d+/);
  });
});

describe('/api/ready and /api/health', () => {
  it('health is liveness; ready is 200 with every migration applied', async () => {
    expect((await call(h.baseUrl, 'GET', '/api/health')).status).toBe(200);
    const res = await call(h.baseUrl, 'GET', '/api/ready');
    expect(res.status).toBe(200);
    const files = readMigrations().length;
    expect(res.body).toMatchObject({ status: 'ready', migrations: { applied: files, expected: files, pending: [] } });
  });

  it('ready is 503 with Retry-After while a migration the code expects is not applied', async () => {
    const app = await buildHttp({ logLevel: 'silent', webDist: null });
    metricsRoutes(app, h.db, { token: null, expectedMigrations: [...readMigrations().map((m) => m.id), '999_not_yet_applied'] });
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 'not_ready', migrations: { pending: ['999_not_yet_applied'] }, reason: 'migrations pending' });
  });
});

describe('overload', () => {
  it('answers 503 common.overloaded with Retry-After past L2C_MAX_INFLIGHT, and keeps health, ready and metrics', async () => {
    const { baseUrl } = await dedicated({ maxInflight: 1, metricsToken: TOKEN });
    const t = await makeTenant(h.db);
    const admin = await login(h.baseUrl, t.users.admin, t.slug); // a session works on every app of the database
    // One request stays in flight: its body arrives slowly (PGlite answers a quick request before the next one is
    // even read, so only a request that waits for something holds its place)
    const port = new URL(baseUrl).port;
    const body = JSON.stringify({ name: 'Slow upload Ltd' });
    let slowStatus = 0;
    const slow = http.request({ host: '127.0.0.1', port, path: '/api/v1/customers', method: 'POST', agent: false,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } });
    const slowDone = new Promise<void>((resolve) => slow.on('response', (res) => { slowStatus = res.statusCode!; res.resume(); res.on('end', resolve); }));
    slow.write(body.slice(0, 5));
    await new Promise((r) => setTimeout(r, 200));

    const refused = await call(baseUrl, 'GET', '/api/v1/customers', { token: admin.token });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 503, code: 'common.overloaded' });
    // the operations endpoints still answer while the API is saturated
    expect((await call(baseUrl, 'GET', '/api/health')).status).toBe(200);
    expect((await call(baseUrl, 'GET', '/api/ready')).status).toBe(200);

    slow.end(body.slice(5));
    await slowDone;
    expect(slowStatus).not.toBe(503); // the one in flight was served (a validation answer is fine: it was not shed)
    // once it is done the same client is served again
    expect((await call(baseUrl, 'GET', '/api/v1/customers', { token: admin.token })).status).toBe(200);
    const metrics = await (await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(Number(metrics.match(/l2c_http_overload_refusals_total (\d+)/)![1])).toBeGreaterThanOrEqual(1);
  });

  it('refuses when too many queries wait for a database connection', async () => {
    const { baseUrl } = await dedicated({ maxDbWaiting: 0 });
    const res = await call(baseUrl, 'GET', '/api/v1/customers');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('common.overloaded');
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
