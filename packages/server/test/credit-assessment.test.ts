// The credit assessment 资信评估 before the sale: a score from the customer's own history with every factor shown, a
// suggested limit and term, applied to the credit profile at once up to a raise of 100,000 and through the approval
// engine beyond; the daily job reassesses customers whose assessment is a month old. Figures worked out by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { businessDate } from '../src/platform/clock.js';
import { reassessmentJob, runReassessment, scoreCredit } from '../src/domains/credit/index.js';
import { JOBS } from '../src/app.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let finance: Client;
let rep: Client;
let exec: Client;
const today = businessDate(new Date(), 'Asia/Shanghai');
let good: string;
let late: string;

describe('the score (pure)', () => {
  it('weighs on-time rate, days late, overdue share, bad debt, tenure and volume; suggests limit and term by grade', () => {
    const s = scoreCredit({
      settled: '100000', settledOnTime: '80000', settledLateMoneyDays: '300000', open: '50000', openOverdue: '0', openOverdueMoneyDays: '0',
      badDebt: '0', tenureDays: 730, contractVolume12m: '500000', invoiced12m: '240000',
    }, 'CNY');
    // on-time 0.8 → 24; avg late 3 days → 20 × (1 − 3/60) = 19; overdue share 0 → 20; no bad debt 15; 2 years → 6.7; volume 0.5 → 2.5
    expect(s.factors.map((f) => [f.key, f.value, f.points])).toEqual([
      ['onTimeRate', '0.8000', 24], ['avgDaysLate', '3.0', 19], ['overdueShare', '0.0000', 20], ['badDebts', '0.00', 15], ['tenure', '2.00', 6.7], ['contractVolume', '500000.00', 2.5],
    ]);
    expect(s.score).toBe(87); // 87.2
    expect(s.grade).toBe('A');
    expect(s.suggestedLimit).toBe('60000.00'); // 240,000 / 12 × 3
    expect(s.suggestedTermDays).toBe(60);
  });

  it('a customer with bad debt and long overdue money is D: no credit, payment before delivery', () => {
    const s = scoreCredit({
      settled: '10000', settledOnTime: '0', settledLateMoneyDays: '900000', open: '40000', openOverdue: '40000', openOverdueMoneyDays: '4000000',
      badDebt: '5000', tenureDays: 100, contractVolume12m: '0', invoiced12m: '50000',
    }, 'CNY');
    expect(s.grade).toBe('D');
    expect(s.suggestedLimit).toBe('0.00');
    expect(s.suggestedTermDays).toBe(0);
  });
});

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  finance = await login(h.baseUrl, t.users.finance);
  rep = await login(h.baseUrl, t.users.repEast);
  exec = await login(h.baseUrl, t.users.exec);
  const customer = async (name: string) => (await rep.post('/api/v1/customers', { name, grade: 'B' })).body.id as string;
  good = await customer('杭州按时付款科技有限公司');
  late = await customer('宁波经常拖欠贸易有限公司');
  const receivable = async (customerId: string, amount: string, booked: string, dueDate: string) => {
    const r = await finance.post('/api/v1/receivables', { customerId, amount, businessDate: booked, dueDate, reason: '资信测试' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const payAndApply = async (customerId: string, receivableId: string, amount: string, on: string) => {
    const p = await finance.post('/api/v1/payments', { customerId, amount, receivedOn: on, confirm: true });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const w = await finance.post('/api/v1/write-offs', { customerId, appliedOn: on, lines: [{ receivableId, amount, source: { type: 'payment', paymentId: p.body.id } }] });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
  };
  // good: first receivable 400 days ago; 12 × 100,000 invoiced in the last year, all paid on the due date
  const first = await receivable(good, '50000.00', addDays(today, -400), addDays(today, -370));
  await payAndApply(good, first, '50000.00', addDays(today, -370));
  for (let i = 1; i <= 12; i++) {
    const booked = addDays(today, -30 * i - 5);
    const id = await receivable(good, '100000.00', booked, addDays(booked, 30));
    if (addDays(booked, 30) < today) await payAndApply(good, id, '100000.00', addDays(booked, 30));
  }
  // late: 60,000 invoiced 100 days ago due 70 days ago, 20,000 paid 40 days late, 40,000 still open
  const l1 = await receivable(late, '60000.00', addDays(today, -100), addDays(today, -70));
  await payAndApply(late, l1, '20000.00', addDays(today, -30));
});

describe('assessing a customer', () => {
  it('scores a customer that always paid on time as A, with its factors and a suggestion', async () => {
    const res = await finance.post(`/api/v1/customers/${good}/credit-assessments`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body.items[0];
    expect(a).toMatchObject({ assessedOn: today, status: 'proposed', currentLimit: '0.00', currency: 'CNY' });
    const f = Object.fromEntries(a.factors.map((x: { key: string; value: string; points: number }) => [x.key, [x.value, x.points]]));
    expect(f.onTimeRate).toEqual(['1.0000', 30]);
    expect(f.avgDaysLate).toEqual(['0.0', 20]);
    expect(f.badDebts).toEqual(['0.00', 15]);
    expect(f.overdueShare).toEqual(['0.0000', 20]);
    expect(f.tenure).toEqual(['1.10', 3.7]); // 400 days
    expect(a.score).toBe(89); // 30 + 20 + 20 + 15 + 3.7 + 0 (no contracts) = 88.7
    expect(a.grade).toBe('A');
    // invoiced in the 365 days up to today: 11 of the 12 receivables (booked 35 … 335 days ago; the one of 365 days ago
    // is outside) = 1,100,000 → 91,666.67 a month × 3 = 275,000.00, rounded down to the thousand
    expect(a.suggestedLimit).toBe('275000.00');
    expect(a.suggestedTermDays).toBe(60);
    // assessing again the same day refreshes the proposal, it does not add one
    expect((await finance.post(`/api/v1/customers/${good}/credit-assessments`)).body.items).toHaveLength(1);
  });

  it('scores the late payer lower, from its overdue share and days late', async () => {
    const a = (await finance.post(`/api/v1/customers/${late}/credit-assessments`)).body.items[0];
    const f = Object.fromEntries(a.factors.map((x: { key: string; value: string; points: number }) => [x.key, [x.value, x.points]]));
    // settled 20,000 late (40 days), open past due 40,000 (70 days): on-time 0; avg late (800,000 + 2,800,000) / 60,000 = 60 days
    expect(f.onTimeRate).toEqual(['0.0000', 0]);
    expect(f.avgDaysLate).toEqual(['60.0', 0]);
    expect(f.overdueShare).toEqual(['1.0000', 0]);
    expect(a.grade).toBe('D');
    expect(a.suggestedLimit).toBe('0.00');
  });

  it('a rep sees the assessment of her own customer but may not apply it; another rep sees nothing', async () => {
    expect((await rep.get(`/api/v1/customers/${good}/credit-assessments`)).status).toBe(200);
    const a = (await rep.get(`/api/v1/customers/${good}/credit-assessments`)).body.items[0];
    expect((await rep.post(`/api/v1/customers/${good}/credit-assessments/${a.id}/apply`, {})).status).toBe(403);
    const north = await login(h.baseUrl, t.users.repNorth);
    expect((await north.get(`/api/v1/customers/${good}/credit-assessments`)).status).toBe(404);
  });
});

describe('applying an assessment', () => {
  it('a raise beyond 100,000 waits for approval; the approval applies limit and term through the credit profile', async () => {
    const a = (await finance.get(`/api/v1/customers/${good}/credit-assessments`)).body.items[0];
    const res = await finance.post(`/api/v1/customers/${good}/credit-assessments/${a.id}/apply`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('pending_approval');
    expect((await finance.get(`/api/v1/customers/${good}/accounts`)).body.creditLimit).toBe('0.00');
    const inbox = await exec.get('/api/v1/approvals/inbox');
    const item = inbox.body.items.find((i: { docType: string; docId: string }) => i.docType === 'credit_limit' && i.docId === a.id);
    expect(item, JSON.stringify(inbox.body)).toBeTruthy();
    const ok = await exec.post(`/api/v1/approvals/${item.id}/approve`, { comment: '付款记录良好' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const acc = (await finance.get(`/api/v1/customers/${good}/accounts`)).body;
    expect(acc).toMatchObject({ creditLimit: '275000.00', paymentTermDays: 60 });
    expect((await finance.get(`/api/v1/customers/${good}/credit-assessments`)).body.items[0].status).toBe('applied');
    const ledger = (await finance.get(`/api/v1/customers/${good}/accounts/credit/entries`)).body.items;
    expect(ledger.map((e: { amount: string; kind: string }) => [e.amount, e.kind])).toEqual([['275000.00', 'credit_limit_change']]);
  });

  it('a change within 100,000 is applied at once (here a person lowers the suggestion), and audited', async () => {
    await finance.post(`/api/v1/customers/${late}/credit-assessments`);
    const a = (await finance.get(`/api/v1/customers/${late}/credit-assessments`)).body.items[0];
    const res = await finance.post(`/api/v1/customers/${late}/credit-assessments/${a.id}/apply`, { creditLimit: '5000.00', paymentTermDays: 15 });
    expect(res.body).toMatchObject({ status: 'applied', approvalRequestId: null });
    expect((await finance.get(`/api/v1/customers/${late}/accounts`)).body).toMatchObject({ creditLimit: '5000.00', paymentTermDays: 15 });
    expect((await finance.post(`/api/v1/customers/${late}/credit-assessments/${a.id}/apply`, {})).status).toBe(409);
    const audit = await asSystem(h.db, async (tx) => (await sql<{ action: string }>`select action from audit_log
      where tenant_id = ${t.tenantId} and entity_id = ${a.id} order by at`.execute(tx)).rows.map((r) => r.action));
    expect(audit).toEqual(['apply']);
  });
});

describe('the reassessment job', () => {
  it('is scheduled daily and reassesses customers whose last assessment is 30 days old', async () => {
    expect(JOBS).toContain(reassessmentJob);
    // both were assessed today: nothing to do
    expect(await runReassessment(h.db, new Date(), { tenantIds: [t.tenantId] })).toEqual({ tenants: 1, assessed: 0 });
    await asSystem(h.db, async (tx) => {
      await sql`update credit_assessments set assessed_on = assessed_on - 31 where tenant_id = ${t.tenantId} and customer_id = ${late}`.execute(tx);
    });
    expect(await runReassessment(h.db, new Date(), { tenantIds: [t.tenantId] })).toEqual({ tenants: 1, assessed: 1 });
    const items = (await finance.get(`/api/v1/customers/${late}/credit-assessments`)).body.items;
    expect(items.map((i: { assessedOn: string; status: string }) => [i.assessedOn, i.status])).toEqual([[today, 'proposed'], [addDays(today, -31), 'applied']]);
  });
});
