// Login, sessions with CSRF protection, API tokens, lockout after repeated failures.
import { beforeAll, describe, expect, it } from 'vitest';
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
