// Aging by product line (a contract's open money split over its lines to the cent) and DSO on tiny datasets whose
// answers are worked out by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMoney } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let db: Awaited<ReturnType<typeof testApp>>['db'];

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  db = h.db;
});

async function setup(name: string) {
  const t = await makeTenant(db);
  const finance = await login(baseUrl, t.users.finance);
  const rep = await login(baseUrl, t.users.repEast);
  const customerId = (await rep.post('/api/v1/customers', { name })).body.id as string;
  const receivable = async (amount: string, businessDate: string, dueDate: string, contractId: string | null = null) => {
    const res = await finance.post('/api/v1/receivables', { customerId, contractId, amount, businessDate, dueDate, reason: '测试数据' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const payOff = async (receivableId: string, amount: string, on: string) => {
    const p = await finance.post('/api/v1/payments', { customerId, amount, receivedOn: on, confirm: true });
    const w = await finance.post('/api/v1/write-offs', { customerId, appliedOn: on, lines: [{ receivableId, amount, source: { type: 'payment', paymentId: p.body.id } }] });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
  };
  return { t, finance, customerId, receivable, payOff };
}

/** A signed order contract with lines (product code, amount with tax), written straight into the tables. */
async function contract(t: TestTenant, customerId: string, number: string, lines: Array<[string | null, string]>) {
  return asSystem(db, async (tx) => {
    const total = addMoney(lines.map(([, a]) => a), 'CNY');
    const id = (await sql<{ id: string }>`insert into contracts (tenant_id, number, kind, customer_id, title, status, amount_excl_tax, tax_amount, amount_incl_tax)
      values (${t.tenantId}, ${number}, 'order', ${customerId}, '测试合同', 'signed', ${total}, 0, ${total}) returning id`.execute(tx)).rows[0]!.id;
    let n = 0;
    for (const [code, amount] of lines) {
      n++;
      await sql`insert into contract_lines (tenant_id, contract_id, line_no, product_code, description, quantity, unit_price, tax_rate, amount_excl_tax, tax_amount, amount_incl_tax)
        values (${t.tenantId}, ${id}, ${n}, ${code}, ${`line ${n}`}, 1, ${amount}, 0, ${amount}, 0, ${amount})`.execute(tx);
    }
    return id;
  });
}

describe('aging by product line', () => {
  it('splits a multi-line contract by line amounts, to the cent, and keeps money without a contract apart', async () => {
    const s = await setup('苏州产品线测试科技有限公司');
    const k1 = await contract(s.t, s.customerId, 'HT-2026-900001', [['ERP-STD', '600.00'], ['IOT-GW', '400.00']]);
    const k2 = await contract(s.t, s.customerId, 'HT-2026-900002', [['iot-sensor', '100.00']]);
    await s.receivable('1000.01', '2026-06-01', '2026-06-20', k1); // 10 days: 1–30; 600.006 / 400.004 → 600.01 / 400.00
    await s.receivable('500.00', '2026-05-01', '2026-05-16', k2);  // 45 days: 31–60, all IOT
    await s.receivable('300.00', '2026-06-01', '2026-07-31');      // current, no contract
    const res = await s.finance.get('/api/v1/aging?asOf=2026-06-30&groupBy=product_line');
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { key: string; total: string; amounts: string[] }) => [r.key, r.total, r.amounts])).toEqual([
      ['IOT', '900.00', ['0.00', '400.00', '500.00', '0.00', '0.00', '0.00']],
      ['ERP', '600.01', ['0.00', '600.01', '0.00', '0.00', '0.00', '0.00']],
      ['unassigned', '300.00', ['300.00', '0.00', '0.00', '0.00', '0.00', '0.00']],
    ]);
    expect(res.body.totals).toMatchObject({ total: '1800.01', overdue: '1500.01' });
    const drill = await s.finance.get('/api/v1/aging/receivables?asOf=2026-06-30&groupBy=product_line&key=IOT');
    expect(drill.body.items.map((i: { amountOpen: string }) => i.amountOpen)).toEqual(['500.00', '1000.01']);
  });
});

describe('DSO', () => {
  it('simple and countback, by hand', async () => {
    const s = await setup('宁波周转天数测试有限公司');
    const s0 = await s.receivable('1200.00', '2026-03-10', '2026-04-09'); // before the 90-day window
    const s1 = await s.receivable('3000.00', '2026-04-15', '2026-05-15');
    const s2 = await s.receivable('6000.00', '2026-05-10', '2026-06-09');
    await s.receivable('9000.00', '2026-06-05', '2026-07-05');
    await s.payOff(s0, '1200.00', '2026-04-01');
    await s.payOff(s1, '3000.00', '2026-06-01');
    await s.payOff(s2, '1000.00', '2026-06-15');
    // Open on 06-30: 5000 + 9000 = 14000. Sales 2026-04-02 … 06-30: 3000 + 6000 + 9000 = 18000.
    // simple: 14000 / 18000 × 90 = 70.0
    // countback: June (30 days, 9000 sold) is used up → 30 days, 5000 left; May (31 days, 6000 sold): 5000/6000 × 31
    //            = 25.83 → 55.8 days.
    const res = await s.finance.get('/api/v1/dso?asOf=2026-06-30&days=90');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ receivablesOpen: '14000.00', creditSales: '18000.00', simpleDso: '70.0', countbackDso: '55.8', countbackExhausted: false });
    expect(res.body.periods).toEqual([
      { from: '2026-06-01', to: '2026-06-30', days: 30, sales: '9000.00', daysCounted: '30.0' },
      { from: '2026-05-01', to: '2026-05-31', days: 31, sales: '6000.00', daysCounted: '25.8' },
    ]);
    // Before any sale there is nothing to divide by.
    const empty = await s.finance.get('/api/v1/dso?asOf=2026-01-31&days=30');
    expect(empty.body).toMatchObject({ receivablesOpen: '0.00', simpleDso: null, countbackDso: '0.0' });
  });
});

describe('permissions', () => {
  it('a marketer (no receivables permission) gets 403', async () => {
    const t = await makeTenant(db);
    const marketer: Client = await login(baseUrl, t.users.marketer);
    expect((await marketer.get('/api/v1/aging')).status).toBe(403);
    expect((await marketer.get('/api/v1/dso')).status).toBe(403);
  });
});
