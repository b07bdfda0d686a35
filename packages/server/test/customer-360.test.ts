// Customer 360: the customer page's money summary (exact, per currency, available credit = limit − open − committed)
// and one timeline of everything that happened — audit trail, follow-ups, money facts — paged, in the customer's scope.
// Also the audit query's references: a record's number and name beside its id.
import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { addDays } from '@l2c/shared';
import { todayFor } from '../src/platform/clock.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let rep: Client, repNorth: Client, manager: Client, finance: Client, admin: Client;
let customerId: string;
let customerNumber: string;
const today = todayFor({ timeZone: 'Asia/Shanghai' });
const name = `三六零客户${crypto.randomBytes(3).toString('hex')}有限公司`;

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  [rep, repNorth, manager, finance, admin] = await Promise.all([login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.admin)]);
  const c = await rep.post('/api/v1/customers', { name, allowDuplicate: true });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  customerId = c.body.id;
  customerNumber = c.body.number;
  expect((await rep.post(`/api/v1/customers/${customerId}/followups`, { kind: 'call', content: '电话确认验收时间', nextStep: '寄送对账单', nextDate: today })).status).toBe(201);
  const book = async (amount: string, dueDate: string) => {
    const r = await finance.post('/api/v1/receivables', { customerId, amount, dueDate, reason: '三六零测试' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  await book('1000.10', addDays(today, -20)); // overdue
  await book('2500.50', addDays(today, 10));
  // 1,200.00 confirmed and written off oldest first: the overdue 1,000.10 paid, 199.90 off the next
  const p = await finance.post('/api/v1/payments', { customerId, amount: '1200.00', receivedOn: today, confirm: true, autoApply: 'oldest_due' });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  // 300.00 more, confirmed but not applied: unapplied cash
  const q = await finance.post('/api/v1/payments', { customerId, amount: '300.00', receivedOn: today, confirm: true });
  expect(q.status, JSON.stringify(q.body)).toBe(201);
  const cp = await call(h.baseUrl, 'PUT', `/api/v1/customers/${customerId}/credit-profile`, { token: admin.token, body: { creditLimit: '5000.00', paymentTermDays: 30, riskLevel: 'normal' } });
  expect(cp.status, JSON.stringify(cp.body)).toBe(204);
});

describe('customer 360', () => {
  it('the money summary is exact: invoiced, collected, open, overdue, unapplied and available credit', async () => {
    const r = await rep.get(`/api/v1/customers/${customerId}/summary`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.money).toEqual([{ currency: 'CNY', contracted: '0.00', invoiced: '3500.60', collected: '1500.00', open: '2300.60', overdue: '0.00', unapplied: '300.00' }]);
    expect(r.body.credit).toMatchObject({ currency: 'CNY', limit: '5000.00', open: '2300.60', committed: '0.00', available: '2699.40', onHold: false });
    expect(r.body.counts).toEqual({ contracts: 0, openReceivables: 1, overdueReceivables: 0, payments: 2, writeOffs: 1 });
  });

  it('one timeline, newest first: follow-up, receivables, payments, write-off and the audit trail, with references', async () => {
    const r = await rep.get(`/api/v1/customers/${customerId}/timeline?limit=200`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const kinds = r.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'receivable')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'payment')).toHaveLength(2);
    expect(kinds).toContain('write_off');
    expect(kinds).toContain('follow_up');
    expect(kinds).toContain('audit');
    const ats = r.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    const follow = r.body.items.find((e: { kind: string }) => e.kind === 'follow_up');
    expect(follow).toMatchObject({ text: '电话确认验收时间', actor: { id: t.users.repEast.id } });
    const receivable = r.body.items.find((e: { kind: string; amount: string }) => e.kind === 'receivable' && e.amount === '1000.10');
    expect(receivable).toMatchObject({ currency: 'CNY', action: 'manual', date: addDays(today, -20) });
    // the customer's creation is in the trail, and its reference names the customer by number and name
    expect(r.body.items.some((e: { kind: string; entityType: string; action: string }) => e.kind === 'audit' && e.entityType === 'customer' && e.action === 'create')).toBe(true);
    expect(r.body.refs).toContainEqual({ id: customerId, type: 'customer', number: customerNumber, name });
    // money facts are not doubled by their creation's audit entry
    expect(r.body.items.filter((e: { kind: string; entityType: string; action: string }) => e.kind === 'audit' && e.entityType === 'payment' && e.action === 'create')).toEqual([]);
  });

  it('pages by cursor without overlap or gap', async () => {
    const all = (await rep.get(`/api/v1/customers/${customerId}/timeline?limit=200`)).body.items.map((e: { key: string }) => e.key);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ key: string }>; nextCursor: string | null } } = await rep.get(`/api/v1/customers/${customerId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((e) => e.key));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const payments = (await rep.get(`/api/v1/customers/${customerId}/timeline?kind=payment`)).body.items;
    expect(payments.map((e: { amount: string }) => e.amount).sort()).toEqual(['1200.00', '300.00']);
  });

  it('in scope for the owner\'s manager and finance; another team\'s rep gets the 404 of an unknown id', async () => {
    expect((await manager.get(`/api/v1/customers/${customerId}/summary`)).status).toBe(200);
    expect((await finance.get(`/api/v1/customers/${customerId}/timeline`)).status).toBe(200);
    const other = await repNorth.get(`/api/v1/customers/${customerId}/summary`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe((await repNorth.get(`/api/v1/customers/${crypto.randomUUID()}/summary`)).body.code);
    expect((await repNorth.get(`/api/v1/customers/${customerId}/timeline`)).status).toBe(404);
    expect((await rep.get(`/api/v1/customers/${customerId}/timeline?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
  });

  it('receivable totals sum every receivable the list\'s filter matches, not one page', async () => {
    const all = await rep.get(`/api/v1/receivables/totals?customerId=${customerId}`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.totals).toEqual([{ currency: 'CNY', count: 2, amount: '3500.60', open: '2300.60', overdue: '0.00' }]);
    const open = await rep.get(`/api/v1/receivables/totals?customerId=${customerId}&status=open,partially_paid`);
    expect(open.body.totals).toEqual([{ currency: 'CNY', count: 1, amount: '2500.50', open: '2300.60', overdue: '0.00' }]);
    expect((await repNorth.get(`/api/v1/receivables/totals?customerId=${customerId}`)).body.totals).toEqual([]);
  });

  it('the audit query names the records its entries and changes refer to', async () => {
    const r = await admin.get(`/api/v1/audit?entityType=customer&entityId=${customerId}`);
    expect(r.status).toBe(200);
    expect(r.body.refs).toContainEqual({ id: customerId, type: 'customer', number: customerNumber, name });
    // the creation names the owner by id: the reference gives the owner's name
    expect(r.body.refs).toContainEqual(expect.objectContaining({ id: t.users.repEast.id, type: 'user', name: t.users.repEast.name }));
  });
});
