// Home pages by role: the figures a person checks first and a to-do list that links to the records, in their scope.
import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { addDays } from '@l2c/shared';
import { todayFor } from '../src/platform/clock.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let rep: Client, repNorth: Client, manager: Client, finance: Client, exec: Client;
let customerId: string;
const today = todayFor({ timeZone: 'Asia/Shanghai' });

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  [rep, repNorth, manager, finance, exec] = await Promise.all([login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.exec)]);
  customerId = (await rep.post('/api/v1/customers', { name: `首页客户${crypto.randomBytes(3).toString('hex')}有限公司`, allowDuplicate: true })).body.id;
  const book = async (amount: string, dueDate: string) => {
    const r = await finance.post('/api/v1/receivables', { customerId, amount, dueDate, reason: '首页测试' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  await book('1000.00', addDays(today, -10)); // overdue
  await book('2500.50', addDays(today, 3)); // due this week
  await book('9999.00', addDays(today, 40)); // later: neither
  const p = await rep.post('/api/v1/payments', { customerId, amount: '300.00', receivedOn: today });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
});

describe('home', () => {
  it('a rep sees her money due this week and overdue, and the invoices to chase, oldest first', async () => {
    const home = (await rep.get('/api/v1/home')).body;
    expect(home.sales).toMatchObject({ dueThisWeek: { count: 1, amount: '2500.50' }, overdue: { count: 1, amount: '1000.00' } });
    expect(home.finance).toBeNull();
    expect(home.todo.map((x: { kind: string; amount: string }) => [x.kind, x.amount])).toEqual([['overdue_receivable', '1000.00'], ['due_receivable', '2500.50']]);
    expect(home.todo[0].link).toBe(`/receivables?id=${home.todo[0].id}`);
  });

  it('another team\'s rep sees none of it', async () => {
    const home = (await repNorth.get('/api/v1/home')).body;
    expect(home.sales).toMatchObject({ dueThisWeek: { count: 0, amount: '0.00' }, overdue: { count: 0, amount: '0.00' } });
    expect(home.todo).toEqual([]);
  });

  it('the manager sees the team\'s overdue by rep', async () => {
    const home = (await manager.get('/api/v1/home')).body;
    expect(home.team.overdueByOwner).toEqual([{ ownerId: t.users.repEast.id, ownerName: 'repEast', count: 1, amount: '1000.00' }]);
  });

  it('finance sees payments to confirm with a link, and DSO', async () => {
    const home = (await finance.get('/api/v1/home')).body;
    expect(home.finance.paymentsToConfirm).toEqual({ count: 1, amount: '300.00' });
    expect(home.finance.arOpen).toBe('13499.50');
    expect(home.todo).toEqual([expect.objectContaining({ kind: 'payment_to_confirm', amount: '300.00', link: '/payments?status=claimed' })]);
  });

  it('the executive sees this month\'s invoiced against last year', async () => {
    const home = (await exec.get('/api/v1/home')).body;
    expect(home.executive.month.invoiced).toBe('13499.50');
    expect(home.executive.monthLastYear).toEqual({ contracted: '0.00', invoiced: '0.00', collected: '0.00' });
  });
});
