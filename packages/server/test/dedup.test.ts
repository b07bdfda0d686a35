// Dedup (issue 10): duplicate rules and matching across customers, contacts and leads — Chinese company names with
// their legal forms and city prefixes, phones in any spelling, e-mail, unified social credit code — in the caller's scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../src/platform/db.js';
import { matchCandidatesTx } from '../src/domains/dedup/index.js';
import { nameSimilarity } from '../src/domains/dedup/index.js';
import { login, makeTenant, randomCreditCode, testApp, type Client, type TestTenant } from './helpers.js';

const h = await testApp();
let t: TestTenant;
let admin: Client, repEast: Client, repNorth: Client, managerEast: Client;
let yunfan: { id: string; number: string }, code: string;

beforeAll(async () => {
  t = await makeTenant(h.db);
  [admin, repEast, repNorth, managerEast] = await Promise.all([login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.managerEast)]);
  code = await randomCreditCode();
  yunfan = (await repEast.post('/api/v1/customers', { name: '杭州云帆智能科技有限公司', creditCode: code, phone: '0571-8888 6666', allowDuplicate: true })).body;
  const other = (await repEast.post('/api/v1/customers', { name: '宁波海曙精密机械有限公司', allowDuplicate: true })).body;
  await repEast.post(`/api/v1/customers/${other.id}/contacts`, { name: '王芳', mobile: '138-0013-8000', email: 'Wang.Fang@HaishuJX.cn' });
  await repNorth.post('/api/v1/customers', { name: '北京华北重工集团有限公司', allowDuplicate: true });
});

describe('company-name similarity', () => {
  it('scores the normalised keys by shared character pairs', () => {
    expect(nameSimilarity('云帆智能科技', '云帆智能科技')).toBe(1);
    expect(nameSimilarity('云帆智能科技', '云帆智慧科技')).toBeCloseTo(0.6, 5); // 3 of 5 pairs each side
    expect(nameSimilarity('云帆智能科技', '海曙精密机械')).toBe(0);
  });
});

describe('POST /duplicates/check', () => {
  it('finds the customer behind its province, city, (中国) and legal form, and says why', async () => {
    const res = await repEast.post('/api/v1/duplicates/check', { companyName: '浙江省杭州市云帆智能科技（中国）有限公司' });
    expect(res.status).toBe(200);
    expect(res.body.action).toBe('flag');
    expect(res.body.items[0]).toMatchObject({ kind: 'customer', id: yunfan.id, name: '杭州云帆智能科技有限公司', score: 100, reasons: ['company_name'] });
  });

  it('matches a phone typed another way, an e-mail in another case, and the credit code', async () => {
    const phone = await repEast.post('/api/v1/duplicates/check', { phone: '+86 571 88886666' });
    expect(phone.body.items.map((m: { id: string }) => m.id)).toContain(yunfan.id);
    const mobile = await repEast.post('/api/v1/duplicates/check', { phone: '+86 13800138000', email: 'wang.fang@haishujx.cn' });
    expect(mobile.body.items[0]).toMatchObject({ kind: 'contact', name: '王芳', customerName: '宁波海曙精密机械有限公司', reasons: ['email', 'phone'], score: 100 });
    const byCode = await repEast.post('/api/v1/duplicates/check', { creditCode: code.toLowerCase() });
    expect(byCode.body.items[0]).toMatchObject({ id: yunfan.id, reasons: ['credit_code'], score: 100 });
  });

  it('leaves out a similar but different company, below the threshold', async () => {
    const res = await repEast.post('/api/v1/duplicates/check', { companyName: '云帆物流有限公司' }); // 云帆物流 vs 云帆智能科技: 1 of 3 + 5 pairs
    expect(res.body).toEqual({ action: 'none', items: [] });
  });

  it('matches nothing out of the caller\'s scope — not even a count', async () => {
    const north = await repNorth.post('/api/v1/duplicates/check', { companyName: '杭州云帆智能科技有限公司', phone: '057188886666', creditCode: code });
    expect(north.body).toEqual({ action: 'none', items: [] });
    const manager = await managerEast.post('/api/v1/duplicates/check', { companyName: '云帆智能科技' });
    expect(manager.body.items.map((m: { id: string }) => m.id)).toEqual([yunfan.id]);
  });
});

describe('duplicate rules', () => {
  it('lists the built-in rule per object until the tenant writes its own, then applies the tenant\'s', async () => {
    const before = await admin.get('/api/v1/duplicate-rules');
    expect(before.body.items.map((r: { object: string; builtIn: boolean }) => `${r.object}:${r.builtIn}`)).toEqual(['lead:true', 'contact:true', 'customer:true']);
    // customers: only an exact credit code blocks; the similar name no longer counts
    const rule = await admin.post('/api/v1/duplicate-rules', { object: 'customer', name: '信用代码', fields: ['credit_code'], action: 'block' });
    expect(rule.status).toBe(201);
    const byName = await repEast.post('/api/v1/duplicates/check', { object: 'customer', companyName: '杭州云帆智能科技有限公司' });
    expect(byName.body).toEqual({ action: 'none', items: [] });
    const byCode = await repEast.post('/api/v1/duplicates/check', { object: 'customer', companyName: '随便', creditCode: code });
    expect(byCode.body).toMatchObject({ action: 'block', items: [{ id: yunfan.id, action: 'block' }] });
    // a stricter name rule for leads: 0.95 keeps 云帆智慧科技 out, 0.5 lets it in
    const strict = await admin.post('/api/v1/duplicate-rules', { object: 'lead', name: '名称', fields: ['company_name'], threshold: 0.95 });
    expect((await repEast.post('/api/v1/duplicates/check', { companyName: '云帆智慧科技' })).body.items).toEqual([]);
    const loose = await admin.patch(`/api/v1/duplicate-rules/${strict.body.id}`, { threshold: 0.5, version: strict.body.version });
    expect(loose.status).toBe(200);
    expect((await repEast.post('/api/v1/duplicates/check', { companyName: '云帆智慧科技' })).body.items[0]).toMatchObject({ id: yunfan.id, score: 60 });
    expect((await admin.delete(`/api/v1/duplicate-rules/${rule.body.id}`)).status).toBe(204);
    expect((await repEast.patch(`/api/v1/duplicate-rules/${strict.body.id}`, { threshold: 0.9, version: 2 })).status).toBe(403);
    expect((await admin.delete(`/api/v1/duplicate-rules/${strict.body.id}`)).status).toBe(204);
  });
});

describe('GET /customers/{id}/duplicates', () => {
  it('finds the record\'s duplicates, not itself; out of scope is a 404', async () => {
    const twin = (await repEast.post('/api/v1/customers', { name: '云帆智能科技（杭州）有限公司', allowDuplicate: true })).body;
    const res = await repEast.get(`/api/v1/customers/${twin.id}/duplicates`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([yunfan.id]);
    expect((await repNorth.get(`/api/v1/customers/${twin.id}/duplicates`)).status).toBe(404);
  });
});

describe('matchCandidatesTx', () => {
  it('matches a batch of 1,000 candidates in one call, each to its own records', async () => {
    const candidates = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0
      ? { company: `上海${i}号无关公司`, phone: '0571 8888 6666' }
      : { company: `测试公司${i}`, email: `nobody${i}@example.com` }));
    const started = performance.now();
    const out = await inTenant(h.db, { tenantId: t.tenantId, userId: t.users.admin.id }, (tx) => matchCandidatesTx(tx, candidates));
    const ms = performance.now() - started;
    expect(out).toHaveLength(1000);
    expect(out.filter((c) => c.matches.some((m) => m.id === yunfan.id)).map((c) => c.index)).toEqual(Array.from({ length: 10 }, (_, k) => k * 100));
    expect(out[1]).toEqual({ index: 1, action: 'none', matches: [] });
    expect(ms).toBeLessThan(5000);
  });
});
