// The hand-computed collections dataset: one customer (杭州账龄测试机械有限公司, rep East) with six invoices spread over
// the aging buckets as of 2026-06-30, partial write-offs before and after that day, one reversal before it and one
// after it, a credit note, and bad debt written off today; plus two small customers of other reps. Every figure the
// tests expect is worked out by hand in the comments here.
import { expect } from 'vitest';
import { login, type Client, type TestTenant } from './helpers.js';

export const AS_OF = '2026-06-30';

export interface Dataset {
  finance: Client; exec: Client;
  x: string; y: string; z: string;
  r: Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5' | 'r6' | 'r7' | 'r8' | 'r9', { id: string; number: string }>;
}

export async function buildDataset(baseUrl: string, t: TestTenant): Promise<Dataset> {
  const finance = await login(baseUrl, t.users.finance);
  const exec = await login(baseUrl, t.users.exec);
  const customer = async (user: keyof TestTenant['users'], name: string, region: string | null) => {
    const res = await (await login(baseUrl, t.users[user])).post('/api/v1/customers', { name, region });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const x = await customer('repEast', '杭州账龄测试机械有限公司', '浙江省杭州市');
  const y = await customer('repEastSub', '上海账龄测试电子科技有限公司', '上海市');
  const z = await customer('repNorth', '北京账龄测试物流有限公司', null);

  const receivable = async (customerId: string, amount: string, businessDate: string, dueDate: string) => {
    const res = await finance.post('/api/v1/receivables', { customerId, amount, businessDate, dueDate, reason: '账龄测试数据' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as string, number: res.body.number as string };
  };
  //                                          booked        due          days past due on 2026-06-30
  const r1 = await receivable(x, '1000.00', '2026-06-01', '2026-07-15'); // −15: current
  const r2 = await receivable(x, '2000.00', '2026-05-01', '2026-06-20'); //  10: 1–30
  const r3 = await receivable(x, '3000.00', '2026-04-01', '2026-05-16'); //  45: 31–60
  const r4 = await receivable(x, '4000.00', '2026-03-01', '2026-04-10'); //  81: 61–90
  const r5 = await receivable(x, '5000.00', '2026-01-01', '2026-02-15'); // 135: 91–180
  const r6 = await receivable(x, '6000.00', '2025-10-01', '2025-11-30'); // 212: over 180
  const r7 = await receivable(x, '7000.00', '2026-07-05', '2026-08-05'); // booked after the day: not in the report
  const r8 = await receivable(y, '1000.00', '2026-06-01', '2026-06-10'); //  20: 1–30 (rep East-Shanghai)
  const r9 = await receivable(z, '3000.00', '2026-05-01', '2026-05-31'); //  30: 1–30 (rep North)

  const pay = async (customerId: string, amount: string, receivedOn: string) => {
    const res = await finance.post('/api/v1/payments', { customerId, amount, receivedOn, confirm: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const writeOff = async (appliedOn: string, paymentId: string, lines: Array<[string, string]>) => {
    const res = await finance.post('/api/v1/write-offs', {
      customerId: x, appliedOn, lines: lines.map(([receivableId, amount]) => ({ receivableId, amount, source: { type: 'payment', paymentId } })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const reverse = async (id: string, reversedOn: string) => {
    const res = await finance.post(`/api/v1/write-offs/${id}/reverse`, { reason: '客户要求改核其他应收', reversedOn });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };

  // W3: 3,000 on R5 on 05-20, reversed on 07-02 (after the day): as of 06-30 R5 still shows 2,000 open.
  const p3 = await pay(x, '3000.00', '2026-05-20');
  const w3 = await writeOff('2026-05-20', p3, [[r5.id, '3000.00']]);
  await reverse(w3, '2026-07-02');
  // W4: 600 on R6 on 06-01, reversed on 06-15 (before the day): nets to nothing.
  const p4 = await pay(x, '600.00', '2026-06-01');
  const w4 = await writeOff('2026-06-01', p4, [[r6.id, '600.00']]);
  await reverse(w4, '2026-06-15');
  // W1: 1,500 on 06-10: 500 on R2 and 1,000 on R3.
  const p1 = await pay(x, '1500.00', '2026-06-10');
  await writeOff('2026-06-10', p1, [[r2.id, '500.00'], [r3.id, '1000.00']]);
  // W2: 2,500 on R4 on 07-10 (after the day).
  const p2 = await pay(x, '2500.00', '2026-07-10');
  await writeOff('2026-07-10', p2, [[r4.id, '2500.00']]);
  // A credit note 红冲 of 200 on R1, dated 06-25: R1 is 800 open from then on.
  const cn = await finance.post(`/api/v1/receivables/${r1.id}/credit-notes`, { amount: '200.00', reason: '价格调整', businessDate: '2026-06-25' });
  expect(cn.status, JSON.stringify(cn.body)).toBe(201);
  // Bad debt 坏账 of 1,000 on R6, requested by finance and approved by an executive today (after the day).
  const bd = await finance.post(`/api/v1/receivables/${r6.id}/bad-debt-requests`, { amount: '1000.00', reason: '客户经营困难，部分无法收回' });
  expect(bd.status, JSON.stringify(bd.body)).toBe(201);
  const approved = await exec.post(`/api/v1/bad-debt-requests/${bd.body.id}/approve`, { comment: '同意' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);

  // As of 2026-06-30, by hand:
  //   R1 1000 − 200 (credit note 06-25)              =  800  current
  //   R2 2000 − 500 (W1)                             = 1500  1–30
  //   R3 3000 − 1000 (W1)                            = 2000  31–60
  //   R4 4000 (W2 is 07-10)                          = 4000  61–90
  //   R5 5000 − 3000 (W3; its reversal is 07-02)     = 2000  91–180
  //   R6 6000 − 600 + 600 (W4 and its reversal)      = 6000  over 180 (bad debt is today)
  //   customer X: 16300, of which 15500 overdue; Y: R8 1000 (1–30); Z: R9 3000 (1–30)
  // Today: R1 800, R2 1500, R3 2000, R4 1500, R5 5000, R6 5000, R7 7000 = 22800 for X.
  return { finance, exec, x, y, z, r: { r1, r2, r3, r4, r5, r6, r7, r8, r9 } };
}
