// Tenants: an operator creates a tenant with its first admin — by the operator API (L2C_OPERATOR_TOKEN) or by
// `npm run tenant:create` — and that admin logs in and runs the company. Off (404) while no operator token is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createApp, type L2C } from '../src/app.js';
import { call, login, testApp } from './helpers.js';

const TOKEN = `op-${crypto.randomBytes(12).toString('hex')}`;
let h: Awaited<ReturnType<typeof testApp>>;
let op: L2C;
let opUrl: string;
const slug = () => `acme-${crypto.randomBytes(4).toString('hex')}`;
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  h = await testApp();
  // a second process of the same installation, started with an operator token (the shared one has none)
  op = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null, operatorToken: TOKEN }, { db: h.db });
  await op.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = op.app.server.address();
  opUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await op?.close();
});

describe('operator API', () => {
  it('is off (404) without L2C_OPERATOR_TOKEN, and refuses a missing or wrong token', async () => {
    const body = { slug: slug(), name: 'X', admin: { email: 'a@x.cn', name: 'A', password: 'long-enough-1' } };
    expect((await call(h.baseUrl, 'POST', '/api/operator/tenants', { body, headers: auth })).body.code).toBe('workspace.operator_off');
    expect((await call(h.baseUrl, 'POST', '/api/operator/tenants', { body, headers: auth })).status).toBe(404);
    expect((await call(opUrl, 'POST', '/api/operator/tenants', { body })).status).toBe(401);
    expect((await call(opUrl, 'POST', '/api/operator/tenants', { body, headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await call(opUrl, 'GET', '/api/operator/tenants', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    // a user's session is not an operator
    expect((await call(opUrl, 'GET', '/api/operator/tenants')).status).toBe(401);
  });

  it('creates a tenant whose admin logs in, runs it, and finds the creation in the audit trail', async () => {
    const s = slug();
    const res = await call(opUrl, 'POST', '/api/operator/tenants', {
      headers: auth, body: { slug: s, name: '杭州测试科技有限公司', admin: { email: `Boss@${s}.cn`, name: '王总', password: 'first-admin-1' } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug: s, name: '杭州测试科技有限公司', adminEmail: `boss@${s}.cn`, initialPassword: null });
    const admin = await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: `boss@${s}.cn`, password: 'first-admin-1', tenant: s } });
    expect(admin.status).toBe(200);
    expect(admin.body.user).toMatchObject({ role: 'admin', tenantName: '杭州测试科技有限公司', name: '王总' });
    const token = admin.body.token as string;
    // the admin sets the company up: a user of her own, who then logs in
    const user = await call(h.baseUrl, 'POST', '/api/v1/users', { token, body: { email: `rep@${s}.cn`, name: '李销售', role: 'sales_rep', password: 'rep-password-1' } });
    expect(user.status).toBe(201);
    expect((await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: `rep@${s}.cn`, password: 'rep-password-1' } })).status).toBe(200);
    const audit = await call(h.baseUrl, 'GET', `/api/v1/audit?entityType=tenant&entityId=${res.body.tenantId}`, { token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('create');
    // the new tenant sees none of the others' data
    expect((await call(h.baseUrl, 'GET', '/api/v1/customers', { token })).body.items).toEqual([]);
    const list = await call(opUrl, 'GET', '/api/operator/tenants', { headers: auth });
    expect(list.body.items.find((t: { slug: string }) => t.slug === s)).toMatchObject({ name: '杭州测试科技有限公司', timezone: 'Asia/Shanghai' });
  });

  it('makes a password when none is sent, shown once, that logs in', async () => {
    const s = slug();
    const res = await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body: { slug: s, name: 'Beta', timezone: 'Europe/Berlin', admin: { email: `it@${s}.de`, name: 'IT', locale: 'en' } } });
    expect(res.status).toBe(201);
    expect(res.body.initialPassword).toMatch(/^[\w-]{16}$/);
    const me = await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: `it@${s}.de`, password: res.body.initialPassword } });
    expect(me.status).toBe(200);
    expect(me.body.user.locale).toBe('en');
  });

  it('refuses a taken slug (409), a bad slug, email or time zone (400 naming the field)', async () => {
    const s = slug();
    const body = { slug: s, name: 'Gamma', admin: { email: `a@${s}.cn`, name: 'A', password: 'long-enough-1' } };
    expect((await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body })).status).toBe(201);
    const again = await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body });
    expect([again.status, again.body.code]).toEqual([409, 'workspace.slug_taken']);
    const bad = await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body: { ...body, slug: 'Not A Slug' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('slug');
    const badMail = await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body: { ...body, slug: slug(), admin: { ...body.admin, email: 'nope' } } });
    expect(badMail.status).toBe(400);
    const badTz = await call(opUrl, 'POST', '/api/operator/tenants', { headers: auth, body: { ...body, slug: slug(), timezone: 'Mars/Olympus' } });
    expect([badTz.status, badTz.body.errors?.[0]?.path]).toEqual([400, 'timezone']);
  });

  it('the test harness makes its tenants the same way: the admin of makeTenant is its first admin', async () => {
    const { makeTenant } = await import('./helpers.js');
    const t = await makeTenant(h.db);
    const admin = await login(h.baseUrl, t.users.admin);
    const audit = await admin.get(`/api/v1/audit?entityType=tenant&entityId=${t.tenantId}`);
    expect(audit.body.items).toHaveLength(1);
    expect((await admin.get('/api/v1/users?limit=50')).body.items).toHaveLength(9);
  });
});

describe('npm run tenant:create', () => {
  it('creates a tenant with its admin, lists it, and refuses the same slug again', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-tenant-cli-'));
    const env = { ...process.env, L2C_DATA_DIR: dir, L2C_DEMO: '0' }; // DATABASE_URL, when set, wins: the suite's database
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/tenant-cli.ts', ...args], { env, encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../../..') });
    try {
      const s = slug();
      const made = cli('--slug', s, '--name', '命令行公司', '--admin-email', `ops@${s}.cn`, '--admin-name', '运维');
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toMatch(new RegExp(`tenant ${s} \\(命令行公司\\) created`));
      expect(made.stdout).toMatch(/initial password \(shown once\): \S{16}/);
      if (process.env.DATABASE_URL) { // each run opens the database: on a PGlite folder that is seconds, keep it to two
        const listed = cli('--list');
        expect(listed.stdout).toContain(`${s}\t命令行公司\tAsia/Shanghai`);
      }
      const again = cli('--slug', s, '--name', 'x', '--admin-email', `x@${s}.cn`, '--admin-password', 'long-enough-1');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('workspace.slug_taken');
      expect(cli('--name', 'no slug').status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
