// Aging 账龄 as a finance clerk and the reps see it: as of a past day against a hand-computed dataset (write-offs and
// reversals on both sides of the day), configurable buckets, grouping by owner, team and region under data scope,
// drill-down to the receivables of a cell, the month-end trend and the top overdue customers.
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDate } from '../src/platform/clock.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';
import { AS_OF, buildDataset, type Dataset } from './collections.fixture.js';

let t: TestTenant;
let d: Dataset;
let c: Record<'repEast' | 'managerEast' | 'repNorth' | 'admin', Client>;
const today = businessDate(new Date());

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  d = await buildDataset(h.baseUrl, t);
  c = {
    repEast: await login(h.baseUrl, t.users.repEast), managerEast: await login(h.baseUrl, t.users.managerEast),
    repNorth: await login(h.baseUrl, t.users.repNorth), admin: await login(h.baseUrl, t.users.admin),
  };
});

type Row = { key: string; label: string; count: number; total: string; overdue: string; amounts: string[] };
const rowOf = (body: { rows: Row[] }, key: string) => body.rows.find((r) => r.key === key);

describe('aging as of a past day', () => {
  it('puts every invoice in its bucket with what was open on that day, to the cent', async () => {
    const res = await d.finance.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=customer`);
    expect(res.status).toBe(200);
    expect(res.body.method).toBe('as_of');
    expect(res.body.buckets.map((b: { key: string }) => b.key)).toEqual(['current', '1-30', '31-60', '61-90', '91-180', '181+']);
    expect(rowOf(res.body, d.x)).toEqual({
      key: d.x, label: '杭州账龄测试机械有限公司', count: 6, total: '16300.00', overdue: '15500.00',
      amounts: ['800.00', '1500.00', '2000.00', '4000.00', '2000.00', '6000.00'],
      // the 600 of W4, reversed on 06-15, is unapplied cash on that day: 15,500 overdue less it
      unapplied: '600.00', netOverdue: '14900.00',
    });
    expect(rowOf(res.body, d.y)!.amounts).toEqual(['0.00', '1000.00', '0.00', '0.00', '0.00', '0.00']);
    expect(rowOf(res.body, d.z)!.amounts).toEqual(['0.00', '3000.00', '0.00', '0.00', '0.00', '0.00']);
    expect(res.body.rows.map((r: Row) => r.key)).toEqual([d.x, d.z, d.y]); // largest first
    expect(res.body.totals).toMatchObject({ count: 8, total: '20300.00', overdue: '19500.00', amounts: ['800.00', '5500.00', '2000.00', '4000.00', '2000.00', '6000.00'] });
    expect(res.body.totals).toMatchObject({ unapplied: '600.00', netOverdue: '18900.00' }); // 14,900 + 1,000 + 3,000
    expect(res.body.groups).toBe(3);
  });

  it('takes configurable buckets', async () => {
    const res = await d.finance.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=customer&buckets=60,120`);
    expect(res.body.buckets.map((b: { key: string }) => b.key)).toEqual(['current', '1-60', '61-120', '121+']);
    expect(rowOf(res.body, d.x)!.amounts).toEqual(['800.00', '3500.00', '4000.00', '8000.00']);
    const bad = await d.finance.get('/api/v1/aging?buckets=30,10');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('querystring.buckets');
  });

  it('the day before a write-off and the day of it differ by exactly that write-off', async () => {
    const before = (await d.finance.get('/api/v1/aging?asOf=2026-06-09&groupBy=customer')).body;
    const on = (await d.finance.get('/api/v1/aging?asOf=2026-06-10&groupBy=customer')).body;
    // 06-09: R1 1000, R2 2000, R3 3000, R4 4000, R5 2000, R6 5400 (W4 applied 06-01, reversed only on 06-15) = 17400
    expect(rowOf(before, d.x)!.total).toBe('17400.00');
    expect(rowOf(on, d.x)!.total).toBe('15900.00'); // W1: 500 on R2 and 1,000 on R3
  });

  it('as of today (the projection) and as of a later day (the facts) agree', async () => {
    const now = (await d.finance.get('/api/v1/aging?groupBy=customer')).body;
    expect(now.method).toBe('projection');
    expect(now.asOf).toBe(today);
    expect(rowOf(now, d.x)!.total).toBe('22800.00');
    const later = (await d.finance.get(`/api/v1/aging?groupBy=customer&asOf=2099-12-31`)).body;
    expect(later.method).toBe('as_of');
    expect(rowOf(later, d.x)!.total).toBe('22800.00');
    expect(later.totals.total).toBe(now.totals.total);
  });
});

describe('grouping and data scope', () => {
  it('groups by owner and by team for finance', async () => {
    const byOwner = (await d.finance.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=owner`)).body;
    expect(byOwner.rows.map((r: Row) => [r.label, r.total])).toEqual([['repEast', '16300.00'], ['repNorth', '3000.00'], ['repEastSub', '1000.00']]);
    const byTeam = (await d.finance.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=team`)).body;
    expect(byTeam.rows.map((r: Row) => [r.key, r.label, r.total])).toEqual([
      [t.teams.east, 'East', '16300.00'], [t.teams.north, 'North', '3000.00'], [t.teams.eastSub, 'East-Shanghai', '1000.00'],
    ]);
    const byRegion = (await d.finance.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=region`)).body;
    expect(byRegion.rows.map((r: Row) => [r.key, r.total])).toEqual([['浙江省杭州市', '16300.00'], ['unassigned', '3000.00'], ['上海市', '1000.00']]);
  });

  it('a rep sees only their own money; a manager their team and its sub-teams', async () => {
    const rep = (await c.repEast.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=owner`)).body;
    expect(rep.rows.map((r: Row) => [r.label, r.total])).toEqual([['repEast', '16300.00']]);
    expect(rep.totals.total).toBe('16300.00');
    const north = (await c.repNorth.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=team`)).body;
    expect(north.rows.map((r: Row) => [r.label, r.total])).toEqual([['North', '3000.00']]);
    const manager = (await c.managerEast.get(`/api/v1/aging?asOf=${AS_OF}&groupBy=team`)).body;
    expect(manager.rows.map((r: Row) => [r.label, r.total])).toEqual([['East', '16300.00'], ['East-Shanghai', '1000.00']]);
    expect(manager.totals).toMatchObject({ total: '17300.00', count: 7 });
  });
});

describe('drill-down, trend, top customers', () => {
  it('lists the receivables behind a cell, with their open amount on that day', async () => {
    const res = await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=customer&key=${d.x}&bucket=91-180`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { number: string; amountOpen: string; daysOverdue: number; bucket: string }) => [i.number, i.amountOpen, i.daysOverdue, i.bucket]))
      .toEqual([[d.r.r5.number, '2000.00', 135, '91-180']]);
    const overdue = await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=customer&key=${d.x}&bucket=overdue&limit=2`);
    expect(overdue.body.items.map((i: { number: string }) => i.number)).toEqual([d.r.r6.number, d.r.r5.number]); // oldest due first
    const next = await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=customer&key=${d.x}&bucket=overdue&limit=2&cursor=${overdue.body.nextCursor}`);
    expect(next.body.items.map((i: { number: string }) => i.number)).toEqual([d.r.r4.number, d.r.r3.number]);
    expect((await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&bucket=nope`)).status).toBe(400);
    const region = await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=region&key=unassigned`);
    expect(region.body.items.map((i: { number: string }) => i.number)).toEqual([d.r.r9.number]);
    const team = await d.finance.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=team&key=${t.teams.eastSub}&bucket=1-30`);
    expect(team.body.items.map((i: { number: string; amountOpen: string }) => [i.number, i.amountOpen])).toEqual([[d.r.r8.number, '1000.00']]);
    // Outside the rep's scope, the cell is simply empty.
    const rep = await c.repNorth.get(`/api/v1/aging/receivables?asOf=${AS_OF}&groupBy=customer&key=${d.x}`);
    expect(rep.body.items).toEqual([]);
  });

  it('lists overdue receivables as of a day, and the customers with most money past due', async () => {
    const list = await d.finance.get(`/api/v1/receivables/overdue?asOf=${AS_OF}&minDays=60`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { number: string; amountOpen: string }) => [i.number, i.amountOpen])).toEqual([
      [d.r.r6.number, '6000.00'], [d.r.r5.number, '2000.00'], [d.r.r4.number, '4000.00'],
    ]);
    const top = await d.finance.get(`/api/v1/aging/top-customers?asOf=${AS_OF}&limit=2`);
    expect(top.body.items.map((i: { customer: { name: string }; overdue: string; count: number; maxDaysOverdue: number }) => [i.customer.name, i.overdue, i.count, i.maxDaysOverdue]))
      .toEqual([['杭州账龄测试机械有限公司', '15500.00', 5, 212], ['北京账龄测试物流有限公司', '3000.00', 1, 30]]);
  });

  it('the trend has month-end snapshots that match the report as of those days', async () => {
    const trend = await d.finance.get('/api/v1/aging/trend?months=12');
    expect(trend.status).toBe(200);
    const points = trend.body.points as Array<{ month: string; asOf: string; open: string; overdue: string }>;
    expect(points).toHaveLength(12);
    expect(points[11]!.asOf).toBe(today);
    for (const p of points) {
      const report = (await d.finance.get(`/api/v1/aging?asOf=${p.asOf}`)).body;
      expect([p.asOf, p.open, p.overdue]).toEqual([p.asOf, report.totals.total, report.totals.overdue]);
    }
    const june = points.find((p) => p.asOf === AS_OF);
    if (june) expect(june).toMatchObject({ open: '20300.00', overdue: '19500.00' });
    const repTrend = (await c.repEast.get('/api/v1/aging/trend?months=12')).body.points as typeof points;
    expect(repTrend[11]!.open).toBe('22800.00');
  });
});
