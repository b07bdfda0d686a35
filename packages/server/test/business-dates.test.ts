// "Today" is the tenant's day: a receivable booked without a date, a write-off applied without one and the aging
// report's default as-of all use the business date in the tenant's time zone (tenants.timezone), not Shanghai's for
// everyone. UTC−12 and UTC+14 are 26 hours apart, so at any moment one of them has a different date from Shanghai:
// the test picks that one, and a tenant on Shanghai's date would fail it.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { daysBetween, todayIn } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { login, makeTenant, testApp, type Client } from './helpers.js';

const zone = todayIn('Etc/GMT+12') !== todayIn('Asia/Shanghai') ? 'Etc/GMT+12' : 'Etc/GMT-14';
let finance: Client;
let customerId: string;

beforeAll(async () => {
  const h = await testApp();
  const t = await makeTenant(h.db);
  await asSystem(h.db, (tx) => sql`update tenants set timezone = ${zone} where id = ${t.tenantId}`.execute(tx));
  finance = await login(h.baseUrl, t.users.finance);
  customerId = (await (await login(h.baseUrl, t.users.repEast)).post('/api/v1/customers', { name: '时区测试贸易有限公司' })).body.id;
});

describe('business dates in the tenant\'s time zone', () => {
  it('books, applies and reports on the tenant\'s today', async () => {
    const today = todayIn(zone);
    expect(today).not.toBe(todayIn('Asia/Shanghai'));
    const r = await finance.post('/api/v1/receivables', { customerId, amount: '100.00', taxAmount: '0.00', dueDate: '2026-01-31', reason: '期初应收导入' });
    expect(r.status).toBe(201);
    expect(r.body.businessDate).toBe(today);
    expect((await finance.post(`/api/v1/customers/${customerId}/accounts/rebate/entries`, { amount: '30.00', memo: '返利' })).status).toBe(201);
    const w = await finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r.body.id, amount: '30.00', source: { type: 'rebate' } }] });
    expect(w.status).toBe(201);
    expect(w.body.appliedOn).toBe(today);
    // Days overdue count to the tenant's today, in the list and on the receivable alike.
    const one = (await finance.get(`/api/v1/receivables/${r.body.id}`)).body;
    expect(one.daysOverdue).toBe(daysBetween('2026-01-31', today));
    const listed = (await finance.get(`/api/v1/receivables?customerId=${customerId}`)).body.items;
    expect(listed.map((x: { daysOverdue: number }) => x.daysOverdue)).toEqual([one.daysOverdue]);
    const aging = await finance.get('/api/v1/aging');
    expect(aging.status).toBe(200);
    expect(aging.body.asOf).toBe(today);
  });
});
