// Lead scoring over HTTP on a real database: rules, a model trained on the tenant's own closed leads and explained
// factor by factor, behaviour with decay, an override that survives retraining, scope; and a customer's RFM from
// its payments and write-offs.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@l2c/shared';
import { asSystem, inTenant, type Actor } from '../src/platform/db.js';
import { businessDate } from '../src/platform/clock.js';
import { captureLeadTx } from '../src/domains/leads/index.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const h = await testApp();
let t: TestTenant;
let admin: Client, marketer: Client, repEast: Client, repNorth: Client, finance: Client;
let hot: string, cold: string, customerId: string;

// the tenant's business day (Asia/Shanghai by default), not UTC's: from 16:00 UTC they differ, and recency counts days
const today = businessDate(new Date());

beforeAll(async () => {
  t = await makeTenant(h.db);
  [admin, marketer, repEast, repNorth, finance] = await Promise.all([t.users.admin, t.users.marketer, t.users.repEast, t.users.repNorth, t.users.finance].map((u) => login(h.baseUrl, u))) as [Client, Client, Client, Client, Client];
  customerId = (await repEast.post('/api/v1/customers', { name: '评分测试客户有限公司', allowDuplicate: true })).body.id;
  const actor: Actor = { tenantId: t.tenantId, userId: t.users.admin.id, requestId: 'test' };
  // history: manufacturing converts 24 of 30, retail 4 of 30
  const closed = await inTenant(h.db, actor, async (tx) => {
    const ids: Array<[string, boolean]> = [];
    for (let i = 0; i < 60; i++) {
      const industry = i < 30 ? 'manufacturing' : 'retail';
      const won = i < 30 ? i % 5 !== 0 : i % 8 === 0;
      const { leadId } = await captureLeadTx(tx, actor, { source: 'manual', companyName: `历史线索${i}号有限公司`, industry, region: i % 2 ? '华东' : '华北', ownerId: t.users.repEast.id });
      ids.push([leadId, won]);
    }
    hot = (await captureLeadTx(tx, actor, { source: 'manual', companyName: '新制造线索有限公司', industry: 'manufacturing', region: '华东', ownerId: t.users.repEast.id })).leadId;
    cold = (await captureLeadTx(tx, actor, { source: 'manual', companyName: '新零售线索有限公司', industry: 'retail', region: '华东', ownerId: t.users.repEast.id })).leadId;
    return ids;
  });
  await asSystem(h.db, async (tx) => {
    const won = closed.filter(([, w]) => w).map(([id]) => id);
    const lost = closed.filter(([, w]) => !w).map(([id]) => id);
    await sql`update leads set status = 'converted', converted_customer_id = ${customerId}, converted_at = now() where id = any(${won}::uuid[])`.execute(tx);
    await sql`update leads set status = 'invalid', invalid_reason = '无需求' where id = any(${lost}::uuid[])`.execute(tx);
  });
});

describe('scoring rules', () => {
  it('shows the defaults, then saves the marketer\'s rules (admin and marketer only)', async () => {
    const before = await marketer.get('/api/v1/scoring/config');
    expect(before.body).toMatchObject({ custom: false, halfLifeDays: 30, weightBehaviour: 35, weightFit: 25, weightModel: 40, version: 0 });
    const body = { ...before.body, events: [{ event: 'email_clicked', points: 20 }, { event: 'form_submitted', points: 30 }], fit: [{ field: 'industry', value: 'manufacturing', points: 60 }, { field: 'region', value: '华东', points: 20 }] };
    delete body.custom;
    const put = await fetch(`${h.baseUrl}/api/v1/scoring/config`, { method: 'PUT', headers: { authorization: `Bearer ${marketer.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(put.status).toBe(200);
    const saved = await put.json();
    expect(saved).toMatchObject({ custom: true, version: 1, fit: [{ field: 'industry', value: 'manufacturing', points: 60 }, { field: 'region', value: '华东', points: 20 }] });
    const byRep = await fetch(`${h.baseUrl}/api/v1/scoring/config`, { method: 'PUT', headers: { authorization: `Bearer ${repEast.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, version: 1 }) });
    expect(byRep.status).toBe(403);
    const bad = await fetch(`${h.baseUrl}/api/v1/scoring/config`, { method: 'PUT', headers: { authorization: `Bearer ${marketer.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, weightModel: 50, version: 1 }) });
    expect(bad.status).toBe(400);
  });
});

describe('a lead\'s score', () => {
  it('before any model: behaviour and fit only, no probability', async () => {
    const res = await repEast.get(`/api/v1/leads/${hot}/score`);
    expect(res.status).toBe(200);
    // fit 60 + 20 = 80, behaviour 0; without a model the weights 35 / 25 share: 80 × 25 / 60 = 33
    expect(res.body).toMatchObject({ fit: 80, behaviour: 0, probability: null, score: 33, grade: 'C', model: null });
    expect(res.body.fitRules.map((r: { value: string }) => r.value)).toEqual(['manufacturing', '华东']);
  });

  it('trains on the tenant\'s closed leads and explains the probability factor by factor', async () => {
    expect((await repEast.post('/api/v1/scoring/model/train', {})).status).toBe(403);
    const trained = await marketer.post('/api/v1/scoring/model/train', {});
    expect(trained.status).toBe(200);
    expect(trained.body.model).toMatchObject({ samples: 60, positives: 28 });
    expect(trained.body.rescored).toBeGreaterThanOrEqual(2);
    expect(trained.body.model.auc).toBeGreaterThan(0.6);
    const [hotScore, coldScore] = await Promise.all([repEast.get(`/api/v1/leads/${hot}/score`), repEast.get(`/api/v1/leads/${cold}/score`)]);
    expect(hotScore.body.probability).toBeGreaterThan(0.6);
    expect(coldScore.body.probability).toBeLessThan(0.3);
    const industry = hotScore.body.factors.find((f: { feature: string }) => f.feature === 'industry');
    // log((24+1)/(28+3)) − log((6+1)/(32+3)) = log(25/31 × 35/7) ≈ 1.394
    expect(industry).toEqual({ feature: 'industry', value: 'manufacturing', logOdds: 1.394 });
    expect(hotScore.body.score).toBeGreaterThan(coldScore.body.score);
  });

  it('adds behaviour points that halve every half-life', async () => {
    const fresh = await repEast.post(`/api/v1/leads/${cold}/behaviours`, { event: 'email_clicked' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.behaviour).toBeCloseTo(20, 1);
    const old = await repEast.post(`/api/v1/leads/${cold}/behaviours`, { event: 'email_clicked', at: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    expect(old.body.behaviour).toBeCloseTo(30, 1); // 20 now + 20 halved after 30 days
    const unknown = await repEast.post(`/api/v1/leads/${cold}/behaviours`, { event: 'tweeted' });
    expect(unknown.body.events[0]).toMatchObject({ event: 'tweeted', points: 0 });
  });

  it('keeps a person\'s override through retraining, until cleared (audited)', async () => {
    const current = (await repEast.get(`/api/v1/leads/${cold}/score`)).body;
    const set = await call('PUT', `/api/v1/leads/${cold}/score/override`, repEast, { grade: 'A', reason: '客户高层已口头确认预算', version: current.version });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ grade: 'A', override: { grade: 'A', reason: '客户高层已口头确认预算' } });
    await marketer.post('/api/v1/scoring/model/train', {});
    const after = (await repEast.get(`/api/v1/leads/${cold}/score`)).body;
    expect(after).toMatchObject({ grade: 'A', override: { grade: 'A' } });
    expect(after.computedGrade).not.toBe('A');
    const cleared = await repEast.post(`/api/v1/leads/${cold}/score/override/clear`, { version: after.version });
    expect(cleared.body).toMatchObject({ grade: after.computedGrade, override: null });
    const audit = await admin.get(`/api/v1/audit?entityType=lead&entityId=${cold}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['score_override', 'score_override_cleared']));
  });

  it('is not shown out of scope', async () => {
    expect((await repNorth.get(`/api/v1/leads/${hot}/score`)).status).toBe(404);
    expect((await repNorth.post(`/api/v1/leads/${hot}/behaviours`, { event: 'email_clicked' })).status).toBe(404);
  });
});

describe('customer RFM', () => {
  it('scores recency, frequency and monetary from confirmed payments and their write-offs', async () => {
    const invoice = await finance.post('/api/v1/receivables', { customerId, amount: '120000.00', dueDate: today, reason: 'RFM 测试' });
    expect(invoice.status).toBe(201);
    const payment = await finance.post('/api/v1/payments', { customerId, amount: '120000.00', receivedOn: addDays(today, -10) });
    await finance.post(`/api/v1/payments/${payment.body.id}/confirm`, { version: payment.body.version });
    const wo = await finance.post('/api/v1/write-offs', { customerId, appliedOn: addDays(today, -9), lines: [{ receivableId: invoice.body.id, amount: '100000.00', source: { type: 'payment', paymentId: payment.body.id } }] });
    expect(wo.status).toBe(201);
    const rfm = await repEast.post(`/api/v1/customers/${customerId}/rfm`, {});
    expect(rfm.status).toBe(200);
    // 10 days → R 5; 1 payment → F 2; 100,000.00 written off → M 3; total 10 → B (cut-offs 13 / 10 / 7)
    expect(rfm.body).toMatchObject({ lastPaidOn: addDays(today, -10), recencyDays: 10, frequency: 1, monetary: '100000.00', currency: 'CNY', r: 5, f: 2, m: 3, total: 10, grade: 'B' });
    expect((await repNorth.get(`/api/v1/customers/${customerId}/rfm`)).status).toBe(404);
  });
});

async function call(method: string, path: string, who: Client, body: unknown) {
  const res = await fetch(h.baseUrl + path, { method, headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
