// Administration: role and team changes take effect at once; a deactivated user's sessions die; teams stay a tree.
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let admin: Client;
let baseUrl: string;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
  admin = await login(baseUrl, t.users.admin);
});

describe('users and teams', () => {
  it('moving a rep to another team changes what their manager sees, and is audited', async () => {
    const rep = await login(baseUrl, t.users.repNorth);
    const c = (await rep.post('/api/v1/customers', { name: '调岗测试有限公司' })).body;
    const east = await login(baseUrl, t.users.managerEast);
    expect((await east.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
    const u = (await admin.get(`/api/v1/users?q=${encodeURIComponent(t.users.repNorth.email)}`)).body.items[0];
    const moved = await admin.patch(`/api/v1/users/${u.id}`, { teamId: t.teams.east, version: u.version });
    expect(moved.status).toBe(200);
    expect((await east.get(`/api/v1/customers/${c.id}`)).status).toBe(200);
    const audit = (await admin.get(`/api/v1/audit?entityType=user&entityId=${u.id}`)).body.items[0];
    expect(audit.changes).toEqual([{ field: 'teamId', before: t.teams.north, after: t.teams.east }]);
  });

  it('deactivating a user ends their sessions', async () => {
    const rep = await login(baseUrl, t.users.repEastSub);
    const u = (await admin.get(`/api/v1/users?q=${encodeURIComponent(t.users.repEastSub.email)}`)).body.items[0];
    expect((await admin.patch(`/api/v1/users/${u.id}`, { active: false, version: u.version })).status).toBe(200);
    expect((await rep.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('an admin cannot deactivate themselves; a rep cannot administer users', async () => {
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const row = (await admin.get(`/api/v1/users?q=${encodeURIComponent(me.email)}`)).body.items[0];
    const res = await admin.patch(`/api/v1/users/${me.id}`, { active: false, version: row.version });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('active');
    const rep = await login(baseUrl, t.users.repEast);
    expect((await rep.patch(`/api/v1/users/${me.id}`, { name: 'x', version: row.version })).status).toBe(403);
  });

  it('teams form a tree: a team cannot become its own descendant', async () => {
    const res = await admin.patch(`/api/v1/teams/${t.teams.root}`, { parentId: t.teams.eastSub });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('parentId');
    const created = await admin.post('/api/v1/teams', { name: '西南大区', parentId: t.teams.root });
    expect(created.status).toBe(201);
    expect((await admin.get('/api/v1/teams')).body.items.map((x: { name: string }) => x.name)).toContain('西南大区');
  });
});
