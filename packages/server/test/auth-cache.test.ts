// The authentication's token cache (platform/auth-cache.ts, migration 039): a remembered token row is used only while
// its tenant's auth epoch is unchanged, so every change the look-up would see — logout, a revoked API token, a
// deactivated user, a new role, the tenant's time zone — holds from the very next request, cache warm. The list
// (`GET /customers`) takes the cache on both databases (on a server, with its transaction: request-tx.ts).
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { tokenCacheHits } from '../src/platform/auth-cache.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let db: Db;
let baseUrl: string;
let t: TestTenant;
let admin: Client;

const epochOf = async (tenantId: string) => (await asSystem(db, (tx) =>
  sql<{ n: number }>`select coalesce((select n from auth_epochs where tenant_id = ${tenantId}), 0)::int as n`.execute(tx))).rows[0]!.n;
const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((c) => c.name).sort();

beforeAll(async () => {
  ({ db, baseUrl } = await testApp());
  t = await makeTenant(db);
  admin = await login(baseUrl, t.users.admin);
  const repNorth = await login(baseUrl, t.users.repNorth);
  expect((await repNorth.post('/api/v1/customers', { name: '北方缓存测试有限公司', allowDuplicate: true })).status).toBe(201);
  const repEast = await login(baseUrl, t.users.repEast);
  expect((await repEast.post('/api/v1/customers', { name: '东方缓存测试有限公司', allowDuplicate: true })).status).toBe(201);
});

describe('a remembered token', () => {
  it('is used while nothing changed: the second list request is a cache hit, with the same answer', async () => {
    const rep = await login(baseUrl, t.users.repEast);
    const first = await rep.get('/api/v1/customers');
    const hits = tokenCacheHits();
    const second = await rep.get('/api/v1/customers');
    expect(tokenCacheHits() - hits).toBe(1);
    expect(names(second)).toEqual(names(first));
    expect(names(second)).toEqual(['东方缓存测试有限公司']);
  });

  it('after logout: the very next request with the token is refused', async () => {
    const rep = await login(baseUrl, t.users.repEast);
    expect((await rep.get('/api/v1/customers')).status).toBe(200);
    expect((await rep.get('/api/v1/customers')).status).toBe(200); // remembered now
    expect((await rep.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await rep.get('/api/v1/customers')).status).toBe(401);
    expect((await rep.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a revoked API token is refused at once', async () => {
    const session = await login(baseUrl, t.users.managerEast);
    const created = await session.post('/api/v1/api-tokens', { name: 'cache test', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const api: Client = { ...session, token: created.body.token, get: (p) => fetchAs(created.body.token, p) };
    expect((await api.get('/api/v1/customers')).status).toBe(200);
    expect((await api.get('/api/v1/customers')).status).toBe(200);
    expect((await session.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await api.get('/api/v1/customers')).status).toBe(401);
  });

  it('a new role takes effect on the next request: a rep made admin sees every customer, and back', async () => {
    const rep = await login(baseUrl, t.users.repNorth);
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['北方缓存测试有限公司']);
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['北方缓存测试有限公司']);
    const epoch = await epochOf(t.tenantId);
    let user = (await admin.get(`/api/v1/users`)).body.items.find((u: { id: string }) => u.id === t.users.repNorth.id);
    const promoted = await admin.patch(`/api/v1/users/${t.users.repNorth.id}`, { role: 'admin', version: user.version });
    expect(promoted.status).toBe(200);
    expect(await epochOf(t.tenantId)).toBe(epoch + 1);
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['东方缓存测试有限公司', '北方缓存测试有限公司'].sort());
    user = (await admin.get(`/api/v1/users`)).body.items.find((u: { id: string }) => u.id === t.users.repNorth.id);
    expect((await admin.patch(`/api/v1/users/${t.users.repNorth.id}`, { role: 'sales_rep', version: user.version })).status).toBe(200);
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['北方缓存测试有限公司']);
  });

  it('another user\'s change counts the tenant\'s epoch up; the caller, looked up afresh, is answered as before', async () => {
    const rep = await login(baseUrl, t.users.repEast);
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['东方缓存测试有限公司']);
    const epoch = await epochOf(t.tenantId);
    const other = (await admin.get(`/api/v1/users`)).body.items.find((u: { id: string }) => u.id === t.users.marketer.id);
    expect((await admin.patch(`/api/v1/users/${t.users.marketer.id}`, { name: '市场专员', version: other.version })).status).toBe(200);
    expect(await epochOf(t.tenantId)).toBe(epoch + 1);
    const after = await rep.get('/api/v1/customers');
    expect(after.status).toBe(200);
    expect(names(after)).toEqual(['东方缓存测试有限公司']);
    const hits = tokenCacheHits();
    expect(names(await rep.get('/api/v1/customers'))).toEqual(['东方缓存测试有限公司']);
    expect(tokenCacheHits() - hits).toBe(1); // remembered again, with the new epoch
  });

  it('a deactivated user is refused on the next request', async () => {
    const rep = await login(baseUrl, t.users.repEastSub);
    expect((await rep.get('/api/v1/customers')).status).toBe(200);
    expect((await rep.get('/api/v1/customers')).status).toBe(200);
    const user = (await admin.get(`/api/v1/users`)).body.items.find((u: { id: string }) => u.id === t.users.repEastSub.id);
    expect((await admin.patch(`/api/v1/users/${t.users.repEastSub.id}`, { active: false, version: user.version })).status).toBe(200);
    expect((await rep.get('/api/v1/customers')).status).toBe(401);
  });
});

describe('the auth epoch', () => {
  it('counts the changes the look-up would see, and not the last-use touch or failed logins', async () => {
    const epoch = await epochOf(t.tenantId);
    await asSystem(db, async (tx) => {
      await sql`update auth_tokens set last_used_at = now() where tenant_id = ${t.tenantId}`.execute(tx);
      await sql`update users set failed_logins = failed_logins + 1 where tenant_id = ${t.tenantId} and id = ${t.users.managerEast.id}`.execute(tx);
    });
    expect(await epochOf(t.tenantId)).toBe(epoch);
    await asSystem(db, (tx) => sql`update tenants set timezone = 'Asia/Urumqi' where id = ${t.tenantId}`.execute(tx));
    expect(await epochOf(t.tenantId)).toBe(epoch + 1);
    await asSystem(db, (tx) => sql`update tenants set timezone = 'Asia/Shanghai' where id = ${t.tenantId}`.execute(tx));
    await asSystem(db, (tx) => sql`update users set name = 'renamed' where tenant_id = ${t.tenantId} and id = ${t.users.managerEast.id}`.execute(tx));
    expect(await epochOf(t.tenantId)).toBe(epoch + 3);
  });

  it('a change that rolls back counts nothing', async () => {
    const epoch = await epochOf(t.tenantId);
    await expect(asSystem(db, async (tx) => {
      await sql`update users set role = 'finance' where tenant_id = ${t.tenantId} and id = ${t.users.managerEast.id}`.execute(tx);
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect(await epochOf(t.tenantId)).toBe(epoch);
  });
});

async function fetchAs(token: string, path: string) {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}
