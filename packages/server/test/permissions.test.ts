// Who sees what: a rep sees their own customers, a manager their team's (with sub-teams), finance and admins all,
// another tenant nothing, and no login is a 401. Outside one's scope a record is a 404, not a 403.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let t: TestTenant;
let other: TestTenant;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
  other = await makeTenant(h.db);
  for (const k of ['admin', 'finance', 'managerEast', 'repEast', 'repEastSub', 'managerNorth', 'repNorth', 'exec'] as const) {
    c[k] = await login(baseUrl, t.users[k]);
  }
  c.otherAdmin = await login(baseUrl, other.users.admin);
  for (const k of ['repEast', 'repEastSub', 'repNorth'] as const) {
    const res = await c[k]!.post('/api/v1/customers', { name: `${k} 客户科技有限公司` });
    expect(res.status).toBe(201);
    ids[k] = res.body.id;
  }
});

const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((x) => x.name).sort();

describe('data scope on lists', () => {
  it('a rep sees only their own customers', async () => {
    expect(names(await c.repEast!.get('/api/v1/customers'))).toEqual(['repEast 客户科技有限公司']);
  });
  it('a manager sees their team and its sub-teams, not the other region', async () => {
    expect(names(await c.managerEast!.get('/api/v1/customers'))).toEqual(['repEast 客户科技有限公司', 'repEastSub 客户科技有限公司']);
    expect(names(await c.managerNorth!.get('/api/v1/customers'))).toEqual(['repNorth 客户科技有限公司']);
  });
  it('finance, executives and admins see the whole tenant', async () => {
    for (const k of ['finance', 'exec', 'admin']) expect((await c[k]!.get('/api/v1/customers')).body.items).toHaveLength(3);
  });
  it('another tenant sees none of it', async () => {
    expect((await c.otherAdmin!.get('/api/v1/customers')).body.items).toHaveLength(0);
  });
});

describe('data scope on reads and writes', () => {
  it('a record outside the scope is a 404 for read, update and the audit trail', async () => {
    const id = ids.repNorth!;
    expect((await c.repEast!.get(`/api/v1/customers/${id}`)).status).toBe(404);
    expect((await c.managerEast!.get(`/api/v1/customers/${id}`)).status).toBe(404);
    expect((await c.otherAdmin!.get(`/api/v1/customers/${id}`)).status).toBe(404);
    expect((await c.repEast!.patch(`/api/v1/customers/${id}`, { name: 'hijacked', version: 1 })).status).toBe(404);
    expect((await c.repEast!.get(`/api/v1/audit?entityType=customer&entityId=${id}`)).status).toBe(404);
    expect((await c.managerNorth!.get(`/api/v1/customers/${id}`)).status).toBe(200);
  });
  it('a rep may read the audit trail of their own customer but not query the whole trail', async () => {
    const own = await c.repEast!.get(`/api/v1/audit?entityType=customer&entityId=${ids.repEast}`);
    expect(own.status).toBe(200);
    expect(own.body.items[0].action).toBe('create');
    expect((await c.repEast!.get('/api/v1/audit')).status).toBe(403);
  });
  it('role permissions: finance cannot create customers, executives cannot edit', async () => {
    const res = await c.finance!.post('/api/v1/customers', { name: '财务新建有限公司' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await c.exec!.patch(`/api/v1/customers/${ids.repEast}`, { name: 'x y', version: 1 })).status).toBe(403);
  });
});

describe('authentication', () => {
  it('no login is a 401 problem', async () => {
    const res = await call(baseUrl, 'GET', '/api/v1/customers');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('common.unauthenticated');
  });
  it('a garbage token is a 401', async () => {
    expect((await call(baseUrl, 'GET', '/api/v1/customers', { token: 'l2cs_nope' })).status).toBe(401);
  });
  it('logout revokes the token', async () => {
    const s = await login(baseUrl, t.users.repNorth);
    expect((await s.get('/api/v1/auth/me')).status).toBe(200);
    expect((await s.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await s.get('/api/v1/auth/me')).status).toBe(401);
  });
});
