// The collector's side of dunning: the worklist ranked by amount × age × risk (figures by hand), promises to pay 承诺付款
// kept by a payment or broken — which escalates to the manager and raises the customer on the list — contact notes,
// and collection effectiveness per collector (collected ÷ assigned overdue; kept ÷ promised).
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { businessDate } from '../src/platform/clock.js';
import { runDunningTenant } from '../src/domains/dunning/index.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let finance: Client;
let rep: Client;
let repSub: Client;
let manager: Client;
const today = businessDate(new Date(), 'Asia/Shanghai');
const c: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
const r: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let promiseA: string;
let promiseB: string;

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  await asSystem(h.db, async (tx) => {
    await sql`update teams set manager_id = ${t.users.managerEast.id} where id = ${t.teams.east}`.execute(tx);
  });
  finance = await login(h.baseUrl, t.users.finance);
  rep = await login(h.baseUrl, t.users.repEast);
  repSub = await login(h.baseUrl, t.users.repEastSub);
  manager = await login(h.baseUrl, t.users.managerEast);
  c.a = (await rep.post('/api/v1/customers', { name: '甲 催收工作台测试有限公司' })).body.id;
  c.b = (await rep.post('/api/v1/customers', { name: '乙 高风险测试有限公司' })).body.id;
  c.c = (await repSub.post('/api/v1/customers', { name: '丙 上海组测试有限公司' })).body.id;
  const put = await fetch(`${h.baseUrl}/api/v1/customers/${c.b}/credit-profile`, {
    method: 'PUT', headers: { authorization: `Bearer ${finance.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ creditLimit: '0.00', paymentTermDays: 30, riskLevel: 'high' }),
  });
  expect(put.status).toBe(204);
  const receivable = async (customerId: string, amount: string, daysPastDue: number) => {
    const res = await finance.post('/api/v1/receivables', { customerId, amount, businessDate: addDays(today, -daysPastDue - 30), dueDate: addDays(today, -daysPastDue), reason: '工作台测试' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  r.a = await receivable(c.a, '10000.00', 30);
  r.b = await receivable(c.b, '4000.00', 60);
  r.c = await receivable(c.c, '24000.00', 5);
});

type Item = { customerId: string; priority: string; netOverdue: string; weightedDaysPastDue: string; riskWeight: string; brokenPromises: number; openPromise: unknown; unapplied: string };
const worklist = async (who: Client) => (await who.get('/api/v1/dunning/worklist')).body as { formula: string; items: Item[] };

describe('the worklist', () => {
  it('ranks overdue customers by net overdue × days late ÷ 30 × risk weight', async () => {
    const w = await worklist(manager);
    expect(w.formula).toContain('risk weight');
    // B: 4,000 × 60/30 × 1.5 (high risk) = 12,000; A: 10,000 × 30/30 × 1 = 10,000; C: 24,000 × 5/30 × 1 = 4,000
    expect(w.items.map((i) => [i.customerId, i.priority, i.weightedDaysPastDue, i.riskWeight])).toEqual([
      [c.b, '12000.00', '60.0', '1.5'], [c.a, '10000.00', '30.0', '1.0'], [c.c, '4000.00', '5.0', '1.0'],
    ]);
  });

  it('shows a rep her own customers only', async () => {
    expect((await worklist(rep)).items.map((i) => i.customerId)).toEqual([c.b, c.a]);
    expect((await worklist(repSub)).items.map((i) => i.customerId)).toEqual([c.c]);
  });
});

describe('promises to pay and contact notes', () => {
  it('the rep records a promise with a contact note; another rep may not', async () => {
    const p = await rep.post('/api/v1/dunning/promises', { customerId: c.a, receivableId: r.a, amount: '6000.00', promisedOn: addDays(today, 3), note: '财务说周四付' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ amount: '6000.00', currency: 'CNY', status: 'open', madeOn: today, collector: { id: t.users.repEast.id } });
    promiseA = p.body.id;
    const n = await rep.post('/api/v1/dunning/notes', { customerId: c.a, channel: 'phone', outcome: 'promised', promiseId: promiseA, note: '联系王会计，承诺周四付 6000' });
    expect(n.status, JSON.stringify(n.body)).toBe(201);
    expect((await rep.post('/api/v1/dunning/notes', { customerId: c.b, channel: 'visit', outcome: 'promised', note: '上门拜访' })).status).toBe(201);
    const notes = (await manager.get(`/api/v1/dunning/notes?customerId=${c.a}`)).body.items;
    expect(notes).toEqual([expect.objectContaining({ channel: 'phone', outcome: 'promised', promiseId: promiseA, note: '联系王会计，承诺周四付 6000' })]);
    expect((await repSub.post('/api/v1/dunning/promises', { customerId: c.a, amount: '1.00', promisedOn: today })).status).toBe(404);
    const past = await rep.post('/api/v1/dunning/promises', { customerId: c.a, amount: '1.00', promisedOn: addDays(today, -1) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('promisedOn');
    const pb = await rep.post('/api/v1/dunning/promises', { customerId: c.b, amount: '4000.00', promisedOn: today });
    promiseB = pb.body.id;
    const item = (await worklist(rep)).items.find((i) => i.customerId === c.a)!;
    expect(item.openPromise).toEqual({ id: promiseA, amount: '6000.00', promisedOn: addDays(today, 3) });
  });

  it('a payment keeps a promise; a promise whose day passed unpaid is broken and escalates to the manager', async () => {
    const pay = await finance.post('/api/v1/payments', { customerId: c.a, amount: '6000.00', receivedOn: today, confirm: true });
    expect(pay.status, JSON.stringify(pay.body)).toBe(201);
    const first = await runDunningTenant(h.db, t.tenantId, today);
    expect(first).toMatchObject({ promisesKept: 1, promisesBroken: 0 });
    const next = await runDunningTenant(h.db, t.tenantId, addDays(today, 1));
    expect(next).toMatchObject({ promisesKept: 0, promisesBroken: 1 });
    const promises = (await manager.get('/api/v1/dunning/promises')).body.items;
    expect(promises.find((p: { id: string }) => p.id === promiseA)).toMatchObject({ status: 'kept', paidAmount: '6000.00', resolvedOn: today });
    expect(promises.find((p: { id: string }) => p.id === promiseB)).toMatchObject({ status: 'broken', paidAmount: '0.00', resolvedOn: addDays(today, 1) });
    const tasks = (await manager.get('/api/v1/dunning/tasks')).body.items.filter((x: { promiseId: string | null }) => x.promiseId === promiseB);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].title).toContain('承诺付款未兑现');
    const notices = (await manager.get('/api/v1/notifications')).body.items.filter((x: { kind: string }) => x.kind === 'dunning.promise_broken');
    expect(notices).toHaveLength(1);
    // B's broken promise raises it (× 1.5); A's unapplied 6,000 lowers its net overdue to 4,000
    const w = await worklist(manager);
    const b = w.items.find((i) => i.customerId === c.b)!;
    expect([b.brokenPromises, b.priority]).toEqual([1, '18000.00']); // 12,000 × 1.5
    const a = w.items.find((i) => i.customerId === c.a)!;
    expect([a.unapplied, a.netOverdue, a.priority]).toEqual(['6000.00', '4000.00', '4000.00']);
  });
});

describe('collection effectiveness', () => {
  it('per collector: collected ÷ (collected + still overdue), kept ÷ promised', async () => {
    const pays = (await finance.get(`/api/v1/payments?customerId=${c.a}`)).body.items;
    const w = await finance.post('/api/v1/write-offs', { customerId: c.a, appliedOn: today, lines: [{ receivableId: r.a, amount: '6000.00', source: { type: 'payment', paymentId: pays[0].id } }] });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    const res = await manager.get(`/api/v1/dunning/effectiveness?from=${addDays(today, -1)}&to=${addDays(today, 5)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.definition).toContain('collected');
    const mine = res.body.items.find((i: { collector: { id: string } | null }) => i.collector?.id === t.users.repEast.id);
    // collected 6,000 (A, already overdue when applied); still overdue A 4,000 + B 4,000; promised 10,000, kept 6,000
    expect(mine).toMatchObject({
      currency: 'CNY', collected: '6000.00', stillOverdue: '8000.00', assignedOverdue: '14000.00', effectiveness: '0.4286',
      promised: '10000.00', promisedKept: '6000.00', promisesKept: 1, promisesBroken: 1, promiseKeptRate: '0.6000', contacts: 2,
    });
    const sub = res.body.items.find((i: { collector: { id: string } | null }) => i.collector?.id === t.users.repEastSub.id);
    expect(sub).toMatchObject({ collected: '0.00', stillOverdue: '24000.00', effectiveness: '0.0000', promiseKeptRate: null });
    expect((await rep.get(`/api/v1/dunning/effectiveness?from=${today}&to=${addDays(today, -1)}`)).status).toBe(400);
  });
});
