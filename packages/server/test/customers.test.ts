// A rep's day with customers: create (with the duplicate check), edit with versions, contacts, follow-ups,
// and every change visible in the audit trail with before → after.
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, randomCreditCode, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let rep: Client;
let manager: Client;

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  rep = await login(h.baseUrl, t.users.repEast);
  manager = await login(h.baseUrl, t.users.managerEast);
});

describe('creating customers', () => {
  it('creates with a human number, the creator as owner and a create entry in the audit trail', async () => {
    const code = await randomCreditCode();
    const res = await rep.post('/api/v1/customers', { name: '宁波海川精密机械有限公司', creditCode: code.toLowerCase(), grade: 'A', industry: 'manufacturing', phone: '0574-88886666' });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^KH-\d{4}-\d{6}$/);
    expect(res.body.creditCode).toBe(code);
    expect(res.body.owner).toEqual({ id: t.users.repEast.id, name: 'repEast' });
    expect(res.body.version).toBe(1);
    const audit = await rep.get(`/api/v1/audit?entityType=customer&entityId=${res.body.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].actor.id).toBe(t.users.repEast.id);
    expect(audit.body.items[0].changes).toContainEqual({ field: 'name', before: null, after: '宁波海川精密机械有限公司' });
  });

  it('numbers are consecutive within a tenant', async () => {
    const a = await rep.post('/api/v1/customers', { name: '序号测试甲有限公司' });
    const b = await rep.post('/api/v1/customers', { name: '序号测试乙有限公司' });
    expect(Number(b.body.number.slice(-6)) - Number(a.body.number.slice(-6))).toBe(1);
  });

  it('names every bad field in a 400 problem and writes nothing', async () => {
    const before = (await rep.get('/api/v1/customers?limit=200')).body.items.length;
    const res = await rep.post('/api/v1/customers', { name: 'x', creditCode: '91350100M000100Y44', grade: 'E', email: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['creditCode', 'grade', 'name']);
    expect((await rep.get('/api/v1/customers?limit=200')).body.items.length).toBe(before);
  });

  it('a similar name is a 409 listing the candidate, unless the caller overrides', async () => {
    const first = await rep.post('/api/v1/customers', { name: '苏州博远电子科技有限公司' });
    const dup = await rep.post('/api/v1/customers', { name: '苏州博远电子科技（股份有限公司）' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('customers.duplicate');
    expect(dup.body.candidates).toEqual([expect.objectContaining({ id: first.body.id, reason: 'similar_name' })]);
    const forced = await rep.post('/api/v1/customers', { name: '苏州博远电子科技（股份有限公司）', allowDuplicate: true });
    expect(forced.status).toBe(201);
  });

  it('the same phone as another customer\'s contact is a duplicate candidate', async () => {
    const owner = await rep.post('/api/v1/customers', { name: '合肥明德新能源有限公司' });
    await rep.post(`/api/v1/customers/${owner.body.id}/contacts`, { name: '林涛', mobile: '13912345678' });
    const dup = await manager.post('/api/v1/customers', { name: '完全不同的名字有限公司', phone: '+86 139 1234 5678' });
    expect(dup.status).toBe(409);
    expect(dup.body.candidates[0]).toMatchObject({ id: owner.body.id, reason: 'phone' });
  });

  it('the same credit code is refused even with the override', async () => {
    const code = await randomCreditCode();
    await rep.post('/api/v1/customers', { name: '信用代码唯一甲有限公司', creditCode: code });
    const res = await manager.post('/api/v1/customers', { name: '信用代码唯一乙有限公司', creditCode: code, allowDuplicate: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('customers.duplicate_credit_code');
    expect(res.body.errors[0].path).toBe('creditCode');
  });
});

describe('editing customers', () => {
  it('updates with the version, records each changed field, and refuses a stale version', async () => {
    const c = (await rep.post('/api/v1/customers', { name: '青岛德润物流有限公司', grade: 'C' })).body;
    const upd = await rep.patch(`/api/v1/customers/${c.id}`, { grade: 'A', region: '山东省青岛市', version: 1 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ grade: 'A', region: '山东省青岛市', version: 2 });
    const stale = await manager.patch(`/api/v1/customers/${c.id}`, { grade: 'B', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('common.version_conflict');
    const audit = await manager.get(`/api/v1/audit?entityType=customer&entityId=${c.id}`);
    const update = audit.body.items.find((e: { action: string }) => e.action === 'update');
    expect(update.actor.name).toBe('repEast');
    expect(update.changes).toEqual(expect.arrayContaining([
      { field: 'grade', before: 'C', after: 'A' },
      { field: 'region', before: null, after: '山东省青岛市' },
    ]));
    expect(update.changes).toHaveLength(2);
  });

  it('refuses a parent that would make a cycle', async () => {
    const parent = (await rep.post('/api/v1/customers', { name: '九州控股集团有限公司' })).body;
    const child = (await rep.post('/api/v1/customers', { name: '九州控股杭州子公司', parentId: parent.id, allowDuplicate: true })).body;
    expect(child.parent).toEqual({ id: parent.id, name: '九州控股集团有限公司' });
    const cycle = await rep.patch(`/api/v1/customers/${parent.id}`, { parentId: child.id, version: 1 });
    expect(cycle.status).toBe(400);
    expect(cycle.body.code).toBe('customers.parent_invalid');
  });
});

describe('lists', () => {
  it('search, filter, sort and cursor pagination walk every row exactly once', async () => {
    for (let i = 0; i < 7; i++) await rep.post('/api/v1/customers', { name: `分页测试${String.fromCharCode(0x4e00 + i * 7)}科技有限公司`, grade: 'B', allowDuplicate: true });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await rep.get(`/api/v1/customers?q=${encodeURIComponent('分页测试')}&grade=B&sort=name&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((x: { name: string }) => x.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(7);
  });
  it('a tampered cursor is a 400 naming the cursor', async () => {
    const res = await rep.get('/api/v1/customers?cursor=bm9wZQ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('cursor');
  });
});

describe('contacts and follow-ups', () => {
  it('keeps one primary contact, and a follow-up updates the last follow-up time', async () => {
    const c = (await rep.post('/api/v1/customers', { name: '无锡同创环保科技有限公司' })).body;
    const a = (await rep.post(`/api/v1/customers/${c.id}/contacts`, { name: '王芳', title: '采购经理', isPrimary: true, decisionRole: 'evaluator' })).body;
    const b = (await rep.post(`/api/v1/customers/${c.id}/contacts`, { name: '陈军', title: '总经理', isPrimary: true, decisionRole: 'decision_maker' })).body;
    const list = (await rep.get(`/api/v1/customers/${c.id}/contacts`)).body.items;
    expect(list.map((x: { name: string; isPrimary: boolean }) => [x.name, x.isPrimary])).toEqual([['陈军', true], ['王芳', false]]);
    const upd = await rep.patch(`/api/v1/contacts/${a.id}`, { title: '采购总监', version: a.version + 1 });
    expect(upd.status).toBe(200);
    const fu = await rep.post(`/api/v1/customers/${c.id}/followups`, { kind: 'visit', content: '上门拜访，确认需求', contactId: b.id, occurredAt: '2026-11-20T09:30:00+08:00', nextDate: '2026-11-27' });
    expect(fu.status).toBe(201);
    expect(fu.body).toMatchObject({ contactName: '陈军', nextDate: '2026-11-27', occurredAt: '2026-11-20T01:30:00.000Z' });
    const after = (await rep.get(`/api/v1/customers/${c.id}`)).body;
    expect(after.lastFollowUpAt).toBe('2026-11-20T01:30:00.000Z');
    expect((await rep.delete(`/api/v1/contacts/${b.id}`)).status).toBe(403); // reps may not delete contacts
    expect((await manager.delete(`/api/v1/contacts/${b.id}`)).status).toBe(204);
    expect((await rep.get(`/api/v1/customers/${c.id}/contacts`)).body.items).toHaveLength(1);
  });
  it('a follow-up naming another customer\'s contact is refused', async () => {
    const x = (await rep.post('/api/v1/customers', { name: '济南卓越软件有限公司' })).body;
    const y = (await rep.post('/api/v1/customers', { name: '天津长风汽车零部件有限公司' })).body;
    const cy = (await rep.post(`/api/v1/customers/${y.id}/contacts`, { name: '赵刚' })).body;
    const res = await rep.post(`/api/v1/customers/${x.id}/followups`, { kind: 'call', content: '电话', contactId: cy.id });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].path).toBe('contactId');
  });
});
