// The daily overdue job: marks invoices past due, tells the owner, their manager and finance once per receivable per
// day — however many times or processes run it — flags customers over 90 days as high risk (audited), and each user
// reads their own notices.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { businessDate } from '../src/platform/clock.js';
import { runJobOnce, type JobDefinition } from '../src/platform/jobs.js';
import { overdueJob, runOverdue } from '../src/domains/collections/index.js';
import { JOBS } from '../src/app.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let finance: Client;
const now = new Date();
const today = businessDate(now, 'Asia/Shanghai');
const ids: Record<string, string> = {};
const customers: Record<string, string> = {};

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  // East and North have managers; East-Shanghai has none, so its reps' notices go to East's manager.
  await asSystem(h.db, async (tx) => {
    await sql`update teams set manager_id = ${t.users.managerEast.id} where id = ${t.teams.east}`.execute(tx);
    await sql`update teams set manager_id = ${t.users.managerNorth.id} where id = ${t.teams.north}`.execute(tx);
    await sql`update users set locale = 'en' where id = ${t.users.repNorth.id}`.execute(tx);
  });
  finance = await login(h.baseUrl, t.users.finance);
  for (const rep of ['repEast', 'repEastSub', 'repNorth'] as const) {
    customers[rep] = (await (await login(h.baseUrl, t.users[rep])).post('/api/v1/customers', { name: `${rep} 逾期测试有限公司` })).body.id;
  }
  const receivable = async (key: string, customerId: string, amount: string, dueInDays: number) => {
    const res = await finance.post('/api/v1/receivables', { customerId, amount, businessDate: addDays(today, -120), dueDate: addDays(today, dueInDays), reason: '逾期测试' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  await receivable('j1', customers.repEast!, '1000.00', -10);
  await receivable('j2', customers.repEastSub!, '2000.00', -20);
  await receivable('j3', customers.repNorth!, '3000.00', -100); // over 90 days: the customer becomes high risk
  await receivable('j4', customers.repEast!, '4000.00', 5);     // not yet due
  await receivable('j5', customers.repEast!, '500.00', -30);    // paid in full
  const p = await finance.post('/api/v1/payments', { customerId: customers.repEast, amount: '500.00', receivedOn: today, confirm: true });
  await finance.post('/api/v1/write-offs', { customerId: customers.repEast, lines: [{ receivableId: ids.j5, amount: '500.00', source: { type: 'payment', paymentId: p.body.id } }] });
});

async function notices() {
  return asSystem(h.db, async (tx) => (await sql<{ user_id: string; entity_id: string; dedupe_key: string; title: string }>`
    select user_id, entity_id, dedupe_key, title from notifications where tenant_id = ${t.tenantId} and kind = 'overdue' order by dedupe_key, user_id`.execute(tx)).rows);
}

describe('the overdue job', () => {
  it('is registered with the scheduler', () => {
    expect(overdueJob.name).toBe('collections.overdue');
    expect(JOBS).toContain(overdueJob);
  });

  it('notifies the owner, the manager and finance once per receivable per day, however often it runs', async () => {
    const first = await runOverdue(h.db, now, { tenantIds: [t.tenantId] });
    expect(first).toMatchObject({ tenants: 1, marked: 3, notified: 9, flagged: 1 });
    const again = await runOverdue(h.db, now, { tenantIds: [t.tenantId] });
    expect(again).toMatchObject({ marked: 0, notified: 0, flagged: 0 });
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => runOverdue(h.db, now, { tenantIds: [t.tenantId] })));
    expect(concurrent.reduce((s, r) => s + r.notified + r.marked + r.flagged, 0)).toBe(0);

    const rows = await notices();
    expect(rows).toHaveLength(9);
    const who = (key: string) => rows.filter((r) => r.entity_id === ids[key]).map((r) => r.user_id).sort();
    const u = t.users;
    expect(who('j1')).toEqual([u.repEast.id, u.managerEast.id, u.finance.id].sort());
    expect(who('j2')).toEqual([u.repEastSub.id, u.managerEast.id, u.finance.id].sort()); // manager of the team above
    expect(who('j3')).toEqual([u.repNorth.id, u.managerNorth.id, u.finance.id].sort());
    expect(who('j4')).toEqual([]);
    expect(who('j5')).toEqual([]);
    expect(rows.every((r) => r.dedupe_key === `overdue:${r.entity_id}:${today}`)).toBe(true);
    expect(rows.find((r) => r.user_id === u.repNorth.id)!.title).toMatch(/^Overdue: receivable YS-\d{4}-\d{6} is 100 days past due$/);
    expect(rows.find((r) => r.user_id === u.repEast.id)!.title).toMatch(/^逾期提醒：应收 YS-\d{4}-\d{6} 已逾期 10 天$/);

    const marks = await asSystem(h.db, async (tx) => (await sql<{ id: string; overdue_marked_on: string | null }>`
      select id, overdue_marked_on from receivables where tenant_id = ${t.tenantId}`.execute(tx)).rows);
    const mark = (key: string) => marks.find((m) => m.id === ids[key])!.overdue_marked_on;
    expect([mark('j1'), mark('j2'), mark('j3'), mark('j4'), mark('j5')]).toEqual([today, today, today, null, null]);
  });

  it('runs once per day through the scheduler claim, and the next day notifies again', async () => {
    const job: JobDefinition = { name: `collections.overdue:test:${t.tenantId}`, run: (db, at) => runOverdue(db, at, { tenantIds: [t.tenantId] }) };
    const results = await Promise.all(Array.from({ length: 3 }, () => runJobOnce(h.db, job, now)));
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    const tomorrow = new Date(now.getTime() + 86_400_000);
    expect(await runJobOnce(h.db, job, tomorrow)).toBe('ran');
    expect(await notices()).toHaveLength(18);
  });

  it('flags the customer more than 90 days overdue as high risk, audited once', async () => {
    const accounts = await finance.get(`/api/v1/customers/${customers.repNorth}/accounts`);
    expect(accounts.body.riskLevel).toBe('high');
    expect((await finance.get(`/api/v1/customers/${customers.repEast}/accounts`)).body.riskLevel).toBe('normal');
    const audit = await asSystem(h.db, async (tx) => (await sql<{ action: string; changes: unknown }>`
      select action, changes from audit_log where tenant_id = ${t.tenantId} and entity_type = 'credit_profile' and entity_id = ${customers.repNorth}`.execute(tx)).rows);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('flag_high_risk');
    expect((audit[0]!.changes as Array<{ field: string; before: unknown; after: unknown }>)[0]).toEqual({ field: 'riskLevel', before: 'normal', after: 'high' });
  });
});

describe('notifications API', () => {
  it('each user lists their own, unread first, and marks them read', async () => {
    const rep = await login(h.baseUrl, t.users.repEast);
    const list = await rep.get('/api/v1/notifications');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2); // j1, today and tomorrow
    expect(list.body.unreadCount).toBe(2);
    expect(list.body.items[0]).toMatchObject({ kind: 'overdue', entityType: 'receivable', entityId: ids.j1, readAt: null });
    // money by the reader's language, grouped: never "CNY 1000.00"
    expect(list.body.items[0].body).toContain('¥1,000.00');
    const english = (await (await login(h.baseUrl, t.users.repNorth)).get('/api/v1/notifications')).body.items[0];
    expect(english.body).toContain('CN¥3,000.00 open');
    const older = list.body.items[1];
    const read = await rep.post(`/api/v1/notifications/${older.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const after = await rep.get('/api/v1/notifications');
    expect(after.body.unreadCount).toBe(1);
    expect(after.body.items.map((n: { id: string }) => n.id)).toEqual([list.body.items[0].id, older.id]); // unread first
    expect((await rep.get('/api/v1/notifications?unreadOnly=true')).body.items).toHaveLength(1);
    const page1 = await rep.get('/api/v1/notifications?limit=1');
    const page2 = await rep.get(`/api/v1/notifications?limit=1&cursor=${page1.body.nextCursor}`);
    expect([page1.body.items[0].id, page2.body.items[0].id]).toEqual([list.body.items[0].id, older.id]);
    // Someone else's notice does not exist for you.
    const other = await login(h.baseUrl, t.users.repNorth);
    expect((await other.post(`/api/v1/notifications/${older.id}/read`)).status).toBe(404);
    expect((await rep.post('/api/v1/notifications/read-all')).body).toEqual({ updated: 1 });
  });
});
