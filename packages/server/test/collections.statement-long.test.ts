// A long statement of account 对账单: 300 invoices and 150 payments of one customer, 363 lines in the period. The
// figures a person checks: the opening balance is what was booked less what was paid before the period, every line's
// balance is the one before it plus its debit less its credit, and the closing balance is opening + invoices − payments.
// Asked for seven times (a pooled connection keeps a prepared statement's plan after its fifth use), the answer stays
// the same, and the Excel export ends on the same closing balance.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, dec } from '@l2c/shared';
import { login, makeTenant, testApp, type Client } from './helpers.js';

const START = '2025-01-01';
const INVOICES = 300; // invoice i (1…300): booked START + i days, (100 + i).00
const PAYMENTS = 150; // payment k (1…150): received START + 2k days, 150.00
const FROM = '2025-03-01'; // invoices 1…58 and payments 1…29 fall before it
const TO = '2025-12-31';

let finance: Client;
let baseUrl: string;
let customerId: string;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  const t = await makeTenant(h.db);
  finance = await login(baseUrl, t.users.finance);
  const rep = await login(baseUrl, t.users.repEast);
  const c = await rep.post('/api/v1/customers', { name: '宁波对账单长表测试有限公司', region: '浙江省宁波市' });
  expect(c.status).toBe(201);
  customerId = c.body.id;
  const inBatches = async (n: number, one: (i: number) => Promise<void>) => {
    for (let i = 1; i <= n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i + 1) }, (_, j) => one(i + j)));
  };
  await inBatches(INVOICES, async (i) => {
    const day = addDays(START, i);
    const res = await finance.post('/api/v1/receivables', { customerId, amount: `${100 + i}.00`, businessDate: day, dueDate: addDays(day, 30), reason: '长对账单测试' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
  await inBatches(PAYMENTS, async (k) => {
    const res = await finance.post('/api/v1/payments', { customerId, amount: '150.00', receivedOn: addDays(START, 2 * k), confirm: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
}, 300_000);

describe('a statement of 363 lines', () => {
  it('opening + invoices − payments, line by line, the same on every call', async () => {
    const path = `/api/v1/customers/${customerId}/statement?from=${FROM}&to=${TO}`;
    const res = await finance.get(path);
    expect(res.status).toBe(200);
    const s = res.body;
    // Before 03-01: invoices 1…58 = 58 × 100 + (1 + … + 58) = 7,511.00; payments 1…29 = 29 × 150 = 4,350.00.
    expect(s.openingBalance).toBe('3161.00');
    expect(s.lines).toHaveLength((INVOICES - 58) + (PAYMENTS - 29));
    // All 300 invoices = 30,000 + 45,150 = 75,150.00; all 150 payments = 22,500.00.
    expect(s.totals).toEqual({ debit: '67639.00', credit: '18150.00' });
    expect(s.closingBalance).toBe('52650.00');
    let balance = dec(s.openingBalance);
    for (const l of s.lines as Array<{ date: string; kind: string; debit: string; credit: string; balance: string }>) {
      balance = balance.plus(l.debit).minus(l.credit);
      expect(l.balance, `${l.date} ${l.kind}`).toBe(balance.toFixed(2));
    }
    // On a day with an invoice and a payment, the invoice comes first.
    expect(s.lines.filter((l: { date: string }) => l.date === '2025-03-02').map((l: { kind: string }) => l.kind)).toEqual(['receivable', 'payment']);
    for (let i = 0; i < 6; i++) expect((await finance.get(path)).body).toEqual(s);
  });

  it('exports the same closing balance to Excel', async () => {
    const res = await fetch(`${baseUrl}/api/v1/customers/${customerId}/statement.xlsx?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const balances: unknown[] = [];
    wb.worksheets[0]!.eachRow((r, n) => { if (n >= 10) balances.push(r.getCell(8).value); });
    // Opening row, 363 lines, closing row, then the composition block.
    expect(balances[0]).toBe(3161);
    expect(balances[363]).toBe(52650);
    expect(balances[364]).toBe(52650);
  });
});
