// The aging summary (migration 020) against the facts: the unscoped report (totals as of any day, by customer as of
// today) is read from per-day steps kept by triggers, so here every answer is checked against the recomputation from
// receivables and allocations — open as of D = amount − allocations applied on or before D, invoices booked by D —
// on many days around the write-offs, reversals, credit note and bad debt of the collections dataset; before and after
// the deltas are folded into the summary, after more backdated write-offs and reversals, and the maintained summary
// against a full recomputation (aging_rebuild).
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMoney, type AgingReport } from '@l2c/shared';
import { businessDate } from '../src/platform/clock.js';
import { asSystem, type Db } from '../src/platform/db.js';
import { bucketOf, bucketsOf } from '../src/domains/collections/buckets.js';
import { compactAgingSummary, rebuildAgingSummary } from '../src/domains/receivables/index.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';
import { buildDataset, type Dataset } from './collections.fixture.js';

let db: Db;
let t: TestTenant;
let d: Dataset;
let admin: Client;
const today = businessDate(new Date());
const DAYS = ['2025-09-30', '2025-10-01', '2026-01-01', '2026-05-20', '2026-06-01', '2026-06-09', '2026-06-10', '2026-06-15',
  '2026-06-25', '2026-06-30', '2026-07-02', '2026-07-10', today, '2099-12-31'];

beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  t = await makeTenant(h.db);
  d = await buildDataset(h.baseUrl, t);
  admin = await login(h.baseUrl, t.users.admin);
});

interface Expected { count: number; total: string; amounts: string[]; byCustomer: Map<string, { count: number; total: string; amounts: string[] }> }

/** The report recomputed from the facts, the way a person would: each invoice's open amount on the day, bucketed. */
async function fromFacts(day: string): Promise<Expected> {
  const rows = await asSystem(db, async (tx) => (await sql<{ customer_id: string; due: string; open: string }>`
    select r.customer_id, r.due_date::text as due, (r.amount - coalesce(sum(a.amount) filter (where a.applied_on <= ${day}::date), 0))::text as open
    from receivables r left join allocations a on a.tenant_id = r.tenant_id and a.receivable_id = r.id
    where r.tenant_id = ${t.tenantId} and r.kind = 'invoice' and r.currency = 'CNY' and r.business_date <= ${day}::date
    group by r.tenant_id, r.id having r.amount - coalesce(sum(a.amount) filter (where a.applied_on <= ${day}::date), 0) > 0`.execute(tx)).rows);
  const buckets = bucketsOf();
  const empty = () => ({ count: 0, total: '0.00', amounts: buckets.map(() => '0.00') });
  const all = empty();
  const byCustomer = new Map<string, ReturnType<typeof empty>>();
  const days = (due: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  for (const r of rows) {
    const i = buckets.indexOf(bucketOf(buckets, days(r.due)));
    for (const acc of [all, byCustomer.get(r.customer_id) ?? byCustomer.set(r.customer_id, empty()).get(r.customer_id)!]) {
      acc.count++;
      acc.total = addMoney([acc.total, r.open], 'CNY');
      acc.amounts[i] = addMoney([acc.amounts[i]!, r.open], 'CNY');
    }
  }
  return { ...all, byCustomer };
}

async function expectMatchesFacts(day: string) {
  const want = await fromFacts(day);
  const res = await admin.get(day === today ? '/api/v1/aging' : `/api/v1/aging?asOf=${day}`);
  expect(res.status).toBe(200);
  const got = res.body as AgingReport;
  expect({ day, count: got.totals.count, total: got.totals.total, amounts: got.totals.amounts }).toEqual({ day, count: want.count, total: want.total, amounts: want.amounts });
  expect(got.groups).toBe(want.count > 0 ? 1 : 0);
  expect(got.rows.length).toBe(want.count > 0 ? 1 : 0);
  if (day === today) {
    const byCustomer = (await admin.get('/api/v1/aging?groupBy=customer')).body as AgingReport;
    expect(byCustomer.groups).toBe(want.byCustomer.size);
    expect(byCustomer.totals).toMatchObject({ count: want.count, total: want.total, amounts: want.amounts });
    expect(new Map(byCustomer.rows.map((r) => [r.key, { count: r.count, total: r.total, amounts: r.amounts }]))).toEqual(want.byCustomer);
  }
}

describe('aging from the summary equals the recomputation from the facts', () => {
  it('on every day around the write-offs, reversals, credit note and bad debt, before the deltas are folded', async () => {
    const pending = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from aging_deltas where tenant_id = ${t.tenantId}`.execute(tx)).rows[0]!.n);
    expect(pending).toBeGreaterThan(0); // the triggers wrote the steps
    for (const day of DAYS) await expectMatchesFacts(day);
    // The figures the collections tests work out by hand, as a cross-check of the recomputation itself.
    const x = (await admin.get('/api/v1/aging?groupBy=customer')).body as AgingReport;
    expect(x.rows.find((r) => r.key === d.x)!.total).toBe('22800.00');
    expect((await admin.get('/api/v1/aging?asOf=2026-06-30')).body.totals.total).toBe('20300.00');
  });

  it('after the deltas are folded into the summary, and after more backdated write-offs and reversals', async () => {
    await compactAgingSummary(db);
    const left = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from aging_deltas where tenant_id = ${t.tenantId}`.execute(tx)).rows[0]!.n);
    expect(left).toBe(0);
    for (const day of DAYS) await expectMatchesFacts(day);

    // Y's R8 (1,000, booked 06-01): paid in full on 06-20, then 400 of it backdated to 06-05 on another payment after
    // the first is reversed today — the day it closes moves, and the count must follow the dates, not the order.
    const pay = async (amount: string, receivedOn: string) => (await d.finance.post('/api/v1/payments', { customerId: d.y, amount, receivedOn, confirm: true })).body.id as string;
    const writeOff = async (paymentId: string, appliedOn: string, amount: string) => {
      const res = await d.finance.post('/api/v1/write-offs', { customerId: d.y, appliedOn, lines: [{ receivableId: d.r.r8.id, amount, source: { type: 'payment', paymentId } }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const w = await writeOff(await pay('1000.00', '2026-06-20'), '2026-06-20', '1000.00');
    const rev = await d.finance.post(`/api/v1/write-offs/${w}/reverse`, { reason: '重新核销', reversedOn: today });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    await writeOff(await pay('400.00', '2026-06-05'), '2026-06-05', '400.00');
    for (const day of [...DAYS, '2026-06-05', '2026-06-20', '2026-06-04']) await expectMatchesFacts(day);

    // Booked for next week: as of today the report reads the projection (a step is dated after today), as of next
    // week the summary — both equal to the facts.
    const later = await d.finance.post('/api/v1/receivables', { customerId: d.z, amount: '500.00', businessDate: addDays(today, 7), dueDate: addDays(today, 37), reason: '账龄测试数据' });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    for (const day of [today, addDays(today, 6), addDays(today, 7), '2099-12-31']) await expectMatchesFacts(day);
  });

  it('the summary the triggers kept equals the one recomputed from the facts', async () => {
    const snapshot = () => asSystem(db, async (tx) => (await sql<{ due: string; day: string; amount: string; n: number }>`
      select due_date::text as due, event_date::text as day, sum(amount)::text as amount, sum(n)::int as n
      from (select due_date, event_date, amount, n from aging_summary where tenant_id = ${t.tenantId}
            union all select due_date, event_date, amount, n from aging_deltas where tenant_id = ${t.tenantId}) s
      group by 1, 2 having sum(amount) <> 0 or sum(n) <> 0 order by 1, 2`.execute(tx)).rows);
    const customers = () => asSystem(db, async (tx) => (await sql<{ customer_id: string; amount: string; n: number }>`
      select customer_id, sum(amount)::text as amount, sum(n)::int as n
      from (select customer_id, amount, n from aging_customer where tenant_id = ${t.tenantId}
            union all select customer_id, amount, n from aging_deltas where tenant_id = ${t.tenantId}) s
      group by 1 having sum(amount) <> 0 or sum(n) <> 0 order by 1`.execute(tx)).rows);
    const kept = { steps: await snapshot(), customers: await customers() };
    expect(kept.steps.length).toBeGreaterThan(10);
    await rebuildAgingSummary(db, t.tenantId);
    expect({ steps: await snapshot(), customers: await customers() }).toEqual(kept);
  });

  it('refuses to change what a booked receivable is keyed by', async () => {
    await expect(asSystem(db, (tx) => sql`update receivables set due_date = due_date + 1 where id = ${d.r.r1.id}`.execute(tx))).rejects.toThrow(/fixed once booked/);
  });
});
