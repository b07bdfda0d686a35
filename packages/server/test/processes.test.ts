// Process-level guarantees: a second process on the same embedded data folder refuses to start; with PostgreSQL,
// several stateless processes serve the same tenants, and sessions made on one work on another.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type L2C } from '../src/app.js';
import { lockDataDir, DataDirLockedError } from '../src/platform/lockfile.js';
import { call, login, makeTenant, testApp } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function startServer(env: Record<string, string>) {
  const child = spawn(tsx, ['packages/server/src/main.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

describe('the embedded data folder lock', () => {
  it('a live owner blocks a second locker; a dead owner\'s lock is taken over', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-lock-'));
    fs.writeFileSync(path.join(dir, 'l2c.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    fs.writeFileSync(path.join(dir, 'l2c.lock'), '999999999'); // no such process
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'l2c.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'l2c.lock'))).toBe(false);
  });

  it.skipIf(!!process.env.DATABASE_URL)('a second server on the same folder exits with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-data-'));
    const env = { L2C_DATA_DIR: dir, L2C_DEMO: '0', L2C_JOBS: '0', L2C_WEB_DIST: '/nonexistent', HOST: '127.0.0.1', DATABASE_URL: '' };
    const first = startServer({ ...env, PORT: '0' });
    try {
      const until = Date.now() + 60_000;
      while (!first.output().includes('L2C is running') && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      const second = startServer({ ...env, PORT: '0' });
      expect(await second.exited).toBe(2);
      expect(second.output()).toMatch(/in use by another L2C process \(pid \d+\)/);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0); // graceful shutdown
    }
    expect(fs.existsSync(path.join(dir, 'l2c.lock'))).toBe(false);
  }, 90_000);
});

describe.skipIf(!process.env.DATABASE_URL)('several processes on one PostgreSQL', () => {
  let second: L2C;
  let secondUrl: string;
  afterAll(async () => second?.close());

  it('a session from one server works on the other, and they agree on data', async () => {
    const h = await testApp();
    second = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null });
    await second.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = second.app.server.address();
    secondUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    await waitForHealth(secondUrl);
    const t = await makeTenant(h.db);
    const rep = await login(h.baseUrl, t.users.repEast);
    const created = await rep.post('/api/v1/customers', { name: '多进程一致性测试有限公司' });
    const onSecond = await call(secondUrl, 'GET', `/api/v1/customers/${created.body.id}`, { token: rep.token });
    expect(onSecond.status).toBe(200);
    expect(onSecond.body.name).toBe('多进程一致性测试有限公司');
    // Claims racing through two servers: still exactly one owner.
    const mgr = await login(h.baseUrl, t.users.managerEast);
    await mgr.post(`/api/v1/customers/${created.body.id}/release`, { reason: 'race' });
    const other = await login(secondUrl, t.users.repEastSub);
    const results = await Promise.all([
      rep.post(`/api/v1/customers/${created.body.id}/claim`),
      call(secondUrl, 'POST', `/api/v1/customers/${created.body.id}/claim`, { token: other.token, body: {} }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect([404, 409]).toContain(results.find((r) => r.status !== 200)!.status);
  }, 60_000);
});
