// Login, sessions with CSRF protection, API tokens, lockout after repeated failures (also in parallel, from many
// addresses), proxy headers only from trusted proxies, no caching of API responses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig, parseTrustProxy, type Config } from '../src/platform/config.js';
import { asSystem, type Db } from '../src/platform/db.js';
import { call, login, makeTenant, PASSWORD, testApp, type TestTenant } from './helpers.js';

let baseUrl: string;
let t: TestTenant;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
});

function cookiesOf(res: { headers: Headers }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [k, v] = pair!.split('=');
    out[k!] = v!;
  }
  return out;
}

describe('session cookie with CSRF protection', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: t.users.repEast.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie();
    expect(raw.find((c) => c.startsWith('l2c_session='))).toMatch(/HttpOnly/i);
    expect(raw.find((c) => c.startsWith('l2c_session='))).toMatch(/SameSite=Lax/i);
    expect(raw.find((c) => c.startsWith('l2c_csrf='))).not.toMatch(/HttpOnly/i);
    expect(res.body.user).toMatchObject({ email: t.users.repEast.email, role: 'sales_rep' });
  });

  it('a cookie-authenticated write needs the CSRF header; reads do not', async () => {
    const res = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: t.users.repEast.email, password: PASSWORD } });
    const jar = cookiesOf(res);
    const cookie = `l2c_session=${jar.l2c_session}; l2c_csrf=${jar.l2c_csrf}`;
    expect((await call(baseUrl, 'GET', '/api/v1/customers', { headers: { cookie } })).status).toBe(200);
    const noCsrf = await call(baseUrl, 'POST', '/api/v1/customers', { headers: { cookie }, body: { name: 'CSRF 测试有限公司' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('common.csrf');
    const wrong = await call(baseUrl, 'POST', '/api/v1/customers', { headers: { cookie, 'x-csrf-token': 'csrf_forged' }, body: { name: 'CSRF 测试有限公司' } });
    expect(wrong.status).toBe(403);
    const ok = await call(baseUrl, 'POST', '/api/v1/customers', { headers: { cookie, 'x-csrf-token': jar.l2c_csrf! }, body: { name: 'CSRF 测试有限公司' } });
    expect(ok.status).toBe(201);
  });
});

describe('API tokens for integrations', () => {
  it('a long-lived token works as Bearer until it is revoked', async () => {
    const session = await login(baseUrl, t.users.managerEast);
    const created = await session.post('/api/v1/api-tokens', { name: 'ERP sync', expiresInDays: 90 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^l2ct_/);
    const me = await call(baseUrl, 'GET', '/api/v1/auth/me', { token: created.body.token });
    expect(me.body.user.email).toBe(t.users.managerEast.email);
    expect(me.body.scope).toBe('team');
    const listed = (await session.get('/api/v1/api-tokens')).body.items;
    expect(listed[0]).toMatchObject({ name: 'ERP sync', revokedAt: null });
    expect(listed[0].token).toBeUndefined(); // shown once, never again
    expect((await session.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await call(baseUrl, 'GET', '/api/v1/auth/me', { token: created.body.token })).status).toBe(401);
  });
});

describe('login failures', () => {
  it('a wrong password and an unknown email look the same', async () => {
    const a = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: t.users.exec.email, password: 'nope' } });
    const b = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: `ghost@${t.slug}.test`, password: 'nope' } });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body.code).toBe(b.body.code);
  });

  it('locks the account after 5 failures, even for the right password', async () => {
    const email = t.users.marketer.email;
    for (let i = 0; i < 5; i++) {
      expect((await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: `wrong-${i}` } })).status).toBe(401);
    }
    const locked = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('identity.locked');
  });

  it('rate-limits login attempts per address and email', async () => {
    const email = `nobody-${t.slug}@x.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: 'x' } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a malformed login is a 400 naming the field', async () => {
    const res = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });
});

// An attacker with many addresses: the lock must hold however the attempts are spread and timed.
describe('lockout under parallel attempts', () => {
  let proxied: { baseUrl: string; close(): Promise<void> };
  let db: Db;
  let u: TestTenant;

  beforeAll(async () => {
    const h = await testApp();
    db = h.db;
    u = await makeTenant(h.db);
    proxied = await appBehindProxy('127.0.0.1');
  });
  afterAll(async () => proxied?.close());

  const lockedUntil = async (userId: string) => asSystem(db, async (tx) =>
    (await sql<{ failed_logins: number; locked: boolean }>`select failed_logins, coalesce(locked_until > now(), false) as locked
      from users where id = ${userId}`.execute(tx)).rows[0]!);

  it('31 parallel logins from 31 addresses (30 wrong, then the right one): at most 5 are checked, the account locks, the right one is refused', async () => {
    const email = u.users.repNorth.email;
    const attempts = Array.from({ length: 31 }, (_, i) => call(proxied.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email, password: i === 30 ? PASSWORD : `wrong-${i}` }, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
    }));
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    // Each address has its own rate-limit bucket here, so only the account lock stands between them and the password.
    expect(count(429)).toBe(0);
    expect(count(200)).toBe(0);
    expect(count(401)).toBeLessThanOrEqual(5); // passwords actually checked and found wrong
    expect(count(401) + count(423)).toBe(31);
    expect(statuses[30]).toBe(423);
    expect(await lockedUntil(u.users.repNorth.id)).toMatchObject({ locked: true });
    // Still locked for the right password afterwards, from a fresh address.
    const later = await call(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(later.status).toBe(423);
  });

  it('with spoofed X-Forwarded-For and no trusted proxy, the attempts share one rate-limit bucket and the account still locks', async () => {
    const h = await testApp();
    const email = u.users.managerNorth.email;
    const attempts = Array.from({ length: 31 }, (_, i) => call(h.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email, password: i === 30 ? PASSWORD : `wrong-${i}` }, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
    }));
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(429)).toBe(21); // one bucket of 10 for the one real client
    expect(count(200)).toBe(0);
    expect(count(401)).toBeLessThanOrEqual(5);
    expect([423, 429]).toContain(statuses[30]);
    expect(await lockedUntil(u.users.managerNorth.id)).toMatchObject({ locked: true });
  });

  it('a lock that has expired lets the right password in and starts the count again', async () => {
    const user = u.users.repEastSub;
    await asSystem(db, (tx) => sql`update users set failed_logins = 5, locked_until = now() - interval '1 minute' where id = ${user.id}`.execute(tx));
    const ok = await call(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.8' } });
    expect(ok.status).toBe(200);
    expect(await lockedUntil(user.id)).toEqual({ failed_logins: 0, locked: false });
    // Four wrong and then the right one, one after the other: still fine (the lock is for the fifth failure).
    for (let i = 0; i < 4; i++) {
      expect((await call(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: `bad-${i}` }, headers: { 'x-forwarded-for': '198.51.100.8' } })).status).toBe(401);
    }
    expect((await call(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.8' } })).status).toBe(200);
    expect(await lockedUntil(user.id)).toEqual({ failed_logins: 0, locked: false });
  });
});

describe('proxy headers count only from the proxies L2C_TRUST_PROXY names', () => {
  let proxied: { baseUrl: string; close(): Promise<void> };
  beforeAll(async () => { proxied = await appBehindProxy('127.0.0.1'); });
  afterAll(async () => proxied?.close());

  const tries = async (base: string, email: string, address: (i: number) => string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(base, 'POST', '/api/v1/auth/login', { body: { email, password: 'x' }, headers: { 'x-forwarded-for': address(i) } })).status);
    }
    return statuses;
  };

  it('without L2C_TRUST_PROXY, different X-Forwarded-For values share the real client\'s bucket', async () => {
    const statuses = await tries(baseUrl, `spoof-${t.slug}@x.test`, (i) => `192.0.2.${i + 1}`);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('with L2C_TRUST_PROXY=127.0.0.1, each forwarded client has its own bucket, and one client is still limited', async () => {
    expect(await tries(proxied.baseUrl, `fwd-${t.slug}@x.test`, (i) => `192.0.2.${i + 1}`)).toEqual(Array(12).fill(401));
    expect(await tries(proxied.baseUrl, `fwd1-${t.slug}@x.test`, () => '192.0.2.200')).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('the format: addresses and CIDRs, a hop count, or nothing; never "trust everyone"', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => parseTrustProxy('true')).toThrow(/L2C_TRUST_PROXY/);
  });

  it('session cookies are Secure when the request came over HTTPS through a trusted proxy, not when a client merely says so', async () => {
    const over = async (base: string) => (await call(base, 'POST', '/api/v1/auth/login', {
      body: { email: t.users.finance.email, password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' },
    })).headers.getSetCookie();
    const viaProxy = await over(proxied.baseUrl);
    expect(viaProxy.filter((c) => /;\s*Secure/i.test(c))).toHaveLength(2);
    const direct = await over(baseUrl);
    expect(direct).toHaveLength(2);
    expect(direct.filter((c) => /;\s*Secure/i.test(c))).toHaveLength(0);
  });
});

describe('API responses are never cached', () => {
  it('a JSON list and a 404 problem both carry Cache-Control: no-store', async () => {
    const session = await login(baseUrl, t.users.finance);
    const list = await call(baseUrl, 'GET', '/api/v1/customers', { token: session.token });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const missing = await call(baseUrl, 'GET', '/api/v1/no-such-thing', { token: session.token });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const unauthenticated = await call(baseUrl, 'GET', '/api/v1/customers');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('cache-control')).toBe('no-store');
  });

  it('the web app\'s static files keep their own caching', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>L2C</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    const web = await secondApp({ webDist });
    try {
      const asset = await call(web.baseUrl, 'GET', '/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).not.toMatch(/no-store/);
      expect((await call(web.baseUrl, 'GET', '/api/v1/nothing-here')).headers.get('cache-control')).toBe('no-store');
    } finally {
      await web.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  });
});

/** A second server on the same database, configured as if behind a reverse proxy at `trust` (L2C_TRUST_PROXY). */
function appBehindProxy(trust: string) {
  return secondApp({ trustProxy: loadConfig({ L2C_TRUST_PROXY: trust }).trustProxy });
}

async function secondApp(overrides: Partial<Config>) {
  const h = await testApp();
  const l2c = await createApp({
    logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null, ...overrides,
  }, { db: h.db });
  await l2c.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = l2c.app.server.address();
  return { baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, close: () => l2c.close() };
}
