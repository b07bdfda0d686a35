// Bad-debt requests 坏账核销申请 as a list: filters, "awaiting my decision", keyset pages, data scope (a rep sees only
// requests on their customers' receivables, another tenant sees nothing), 400s naming the field, and the list after a
// decision — every amount checked to the cent.
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let finance: Client;
let exec: Client;
let admin: Client;
let repEast: Client;
let repNorth: Client;
let managerEast: Client;
let managerNorth: Client;
let otherFinance: Client;
let otherExec: Client;

let eastCustomer: string;
let northCustomer: string;
/** Receivables: two on the east rep's customer, one on the north rep's. */
let rEast1: { id: string; number: string };
let rEast2: { id: string; number: string };
let rNorth: { id: string; number: string };
/** Requests, in the order they were made. */
let reqEast1: string; // finance, 1234.56 of rEast1's 10000.00
let reqNorth: string; // finance, the whole 8888.88 of rNorth
let reqEast2: string; // admin, 99.99 of rEast2's 2500.55

interface Item {
  id: string; receivable: { id: string; number: string }; customer: { id: string; name: string }; currency: string; amount: string;
  reason: string; status: string; requestedBy: { id: string; name: string } | null; requestedAt: string;
  decidedBy: { id: string; name: string } | null; decidedAt: string | null; decisionComment: string | null; writeOffId: string | null;
}

const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);

async function receivable(customerId: string, amount: string, dueDate: string) {
  const res = await finance.post('/api/v1/receivables', { customerId, amount, taxAmount: '0.00', dueDate, reason: '期初应收导入' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, number: res.body.number as string };
}

async function requestBadDebt(who: Client, receivableId: string, body: { amount?: string; reason: string }) {
  const res = await who.post(`/api/v1/receivables/${receivableId}/bad-debt-requests`, body);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  const other = await makeTenant(h.db);
  [finance, exec, admin, repEast, repNorth, managerEast, managerNorth, otherFinance, otherExec] = await Promise.all([
    login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.exec), login(h.baseUrl, t.users.admin),
    login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth),
    login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t.users.managerNorth),
    login(h.baseUrl, other.users.finance), login(h.baseUrl, other.users.exec),
  ]);
  eastCustomer = (await repEast.post('/api/v1/customers', { name: '苏州坏账测试精密机械有限公司' })).body.id;
  northCustomer = (await repNorth.post('/api/v1/customers', { name: '天津坏账测试自动化有限公司' })).body.id;
  rEast1 = await receivable(eastCustomer, '10000.00', '2025-03-31');
  rEast2 = await receivable(eastCustomer, '2500.55', '2025-04-30');
  rNorth = await receivable(northCustomer, '8888.88', '2025-05-31');
  reqEast1 = await requestBadDebt(finance, rEast1.id, { amount: '1234.56', reason: '客户经营困难，部分款项无法收回' });
  reqNorth = await requestBadDebt(finance, rNorth.id, { reason: '客户破产清算' });
  reqEast2 = await requestBadDebt(admin, rEast2.id, { amount: '99.99', reason: '尾差无法收回' });
});

describe('GET /api/v1/bad-debt-requests', () => {
  it('lists every request in scope, newest first, with all its facts', async () => {
    const res = await finance.get('/api/v1/bad-debt-requests');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([reqEast2, reqNorth, reqEast1]);
    expect(res.body.nextCursor).toBeNull();
    const [e2, n, e1] = res.body.items as Item[];
    expect(e1).toEqual({
      id: reqEast1, receivable: rEast1, customer: { id: eastCustomer, name: '苏州坏账测试精密机械有限公司' }, currency: 'CNY',
      amount: '1234.56', reason: '客户经营困难，部分款项无法收回', status: 'pending',
      requestedBy: { id: t.users.finance.id, name: 'finance' }, requestedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      decidedBy: null, decidedAt: null, decisionComment: null, writeOffId: null,
    });
    // No amount in the request: the whole open amount, to the cent.
    expect(n).toMatchObject({ amount: '8888.88', receivable: rNorth, customer: { id: northCustomer }, requestedBy: { id: t.users.finance.id } });
    expect(e2).toMatchObject({ amount: '99.99', receivable: rEast2, requestedBy: { id: t.users.admin.id, name: 'admin' } });
    expect(Date.parse(e2!.requestedAt)).toBeGreaterThanOrEqual(Date.parse(e1!.requestedAt));
  });

  it('filters by status, customer, receivable and search text', async () => {
    expect(ids((await finance.get(`/api/v1/bad-debt-requests?customerId=${eastCustomer}`)).body)).toEqual([reqEast2, reqEast1]);
    expect(ids((await finance.get(`/api/v1/bad-debt-requests?customerId=${northCustomer}`)).body)).toEqual([reqNorth]);
    const byReceivable = await finance.get(`/api/v1/bad-debt-requests?receivableId=${rEast1.id}`);
    expect(byReceivable.body.items.map((i: Item) => [i.receivable.number, i.amount])).toEqual([[rEast1.number, '1234.56']]);
    expect(ids((await finance.get('/api/v1/bad-debt-requests?status=pending')).body)).toEqual([reqEast2, reqNorth, reqEast1]);
    expect(ids((await finance.get('/api/v1/bad-debt-requests?status=approved,rejected')).body)).toEqual([]);
    expect(ids((await finance.get(`/api/v1/bad-debt-requests?q=${encodeURIComponent('天津坏账')}`)).body)).toEqual([reqNorth]);
    expect(ids((await finance.get(`/api/v1/bad-debt-requests?q=${rEast2.number}`)).body)).toEqual([reqEast2]);
    // Filters combine.
    expect(ids((await finance.get(`/api/v1/bad-debt-requests?customerId=${northCustomer}&receivableId=${rEast1.id}`)).body)).toEqual([]);
  });

  it('pages with a keyset cursor in both directions, without gaps or repeats', async () => {
    const first = await finance.get('/api/v1/bad-debt-requests?limit=2');
    expect(ids(first.body)).toEqual([reqEast2, reqNorth]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await finance.get(`/api/v1/bad-debt-requests?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([reqEast1]);
    expect(second.body.nextCursor).toBeNull();

    const asc1 = await finance.get('/api/v1/bad-debt-requests?limit=1&sort=requestedAt');
    expect(ids(asc1.body)).toEqual([reqEast1]);
    const asc2 = await finance.get(`/api/v1/bad-debt-requests?limit=1&sort=requestedAt&cursor=${asc1.body.nextCursor}`);
    expect(ids(asc2.body)).toEqual([reqNorth]);
    const asc3 = await finance.get(`/api/v1/bad-debt-requests?limit=1&sort=requestedAt&cursor=${asc2.body.nextCursor}`);
    expect(ids(asc3.body)).toEqual([reqEast2]);
    expect(asc3.body.nextCursor).toBeNull();
  });

  it('mine=awaiting: pending requests of others, only for those holding the approve right', async () => {
    // The executive may decide all three; the admin not the one they requested themselves.
    expect(ids((await exec.get('/api/v1/bad-debt-requests?mine=awaiting')).body)).toEqual([reqEast2, reqNorth, reqEast1]);
    expect(ids((await admin.get('/api/v1/bad-debt-requests?mine=awaiting')).body)).toEqual([reqNorth, reqEast1]);
    expect(ids((await admin.get('/api/v1/bad-debt-requests?mine=awaiting&sort=requestedAt')).body)).toEqual([reqEast1, reqNorth]);
    // Finance requested two of them and lacks the approve right anyway; reps and managers cannot approve.
    for (const who of [finance, repEast, managerEast]) {
      const res = await who.get('/api/v1/bad-debt-requests?mine=awaiting');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    }
    // But the admin still sees their own request in the full list.
    expect(ids((await admin.get('/api/v1/bad-debt-requests')).body)).toEqual([reqEast2, reqNorth, reqEast1]);
  });

  it('a rep or manager sees only requests on receivables in their data scope; others are 404', async () => {
    expect(ids((await repEast.get('/api/v1/bad-debt-requests')).body)).toEqual([reqEast2, reqEast1]);
    expect(ids((await managerEast.get('/api/v1/bad-debt-requests')).body)).toEqual([reqEast2, reqEast1]);
    expect(ids((await repNorth.get('/api/v1/bad-debt-requests')).body)).toEqual([reqNorth]);
    expect(ids((await managerNorth.get('/api/v1/bad-debt-requests')).body)).toEqual([reqNorth]);
    // Naming the other team's customer or receivable does not help.
    expect(ids((await repEast.get(`/api/v1/bad-debt-requests?customerId=${northCustomer}`)).body)).toEqual([]);
    expect(ids((await repEast.get(`/api/v1/bad-debt-requests?receivableId=${rNorth.id}`)).body)).toEqual([]);

    const own = await repEast.get(`/api/v1/bad-debt-requests/${reqEast1}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: reqEast1, amount: '1234.56', status: 'pending', receivable: rEast1 });
    const foreign = await repEast.get(`/api/v1/bad-debt-requests/${reqNorth}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(foreign.body.code).toBe('receivables.bad_debt_request_not_found');
    expect((await managerNorth.get(`/api/v1/bad-debt-requests/${reqEast2}`)).status).toBe(404);
    expect((await repNorth.get(`/api/v1/bad-debt-requests/${reqNorth}`)).body.amount).toBe('8888.88');
  });

  it('another tenant sees nothing, not even by id', async () => {
    expect((await otherFinance.get('/api/v1/bad-debt-requests')).body).toEqual({ items: [], nextCursor: null });
    expect((await otherExec.get('/api/v1/bad-debt-requests?mine=awaiting')).body).toEqual({ items: [], nextCursor: null });
    expect((await otherExec.get(`/api/v1/bad-debt-requests?receivableId=${rEast1.id}`)).body.items).toEqual([]);
    expect((await otherFinance.get(`/api/v1/bad-debt-requests/${reqEast1}`)).status).toBe(404);
    expect((await otherExec.get(`/api/v1/bad-debt-requests/${reqNorth}`)).status).toBe(404);
  });

  it('refuses bad query parameters with a 400 problem naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['status=done', 'querystring.status'],
      ['status=pending,,approved', 'querystring.status'],
      ['customerId=not-a-uuid', 'querystring.customerId'],
      ['receivableId=123', 'querystring.receivableId'],
      ['mine=all', 'querystring.mine'],
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['sort=amount', 'querystring.sort'],
    ];
    for (const [query, path] of cases) {
      const res = await finance.get(`/api/v1/bad-debt-requests?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
    for (const cursor of ['garbage!', Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')]) {
      const res = await finance.get(`/api/v1/bad-debt-requests?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('cursor');
    }
    const badId = await finance.get('/api/v1/bad-debt-requests/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('params.id');
  });

  it('needs receivables:read', async () => {
    const h = await testApp();
    const marketer = await login(h.baseUrl, t.users.marketer);
    expect((await marketer.get('/api/v1/bad-debt-requests')).status).toBe(403);
    expect((await marketer.get(`/api/v1/bad-debt-requests/${reqEast1}`)).status).toBe(403);
  });
});

describe('after decisions', () => {
  it('an approval shows as approved with its decider, comment and write-off; the receivable carries the bad debt', async () => {
    const approved = await exec.post(`/api/v1/bad-debt-requests/${reqEast1}/approve`, { comment: '同意核销' });
    expect(approved.status).toBe(200);
    const rejected = await admin.post(`/api/v1/bad-debt-requests/${reqNorth}/reject`, { comment: '继续催收' });
    expect(rejected.status).toBe(200);

    const list = await finance.get('/api/v1/bad-debt-requests?status=approved');
    expect(list.body.items).toHaveLength(1);
    const a = list.body.items[0] as Item;
    expect(a).toMatchObject({
      id: reqEast1, status: 'approved', amount: '1234.56', decidedBy: { id: t.users.exec.id, name: 'exec' },
      decisionComment: '同意核销', writeOffId: approved.body.writeOffId, requestedBy: { id: t.users.finance.id },
    });
    expect(Date.parse(a.decidedAt!)).toBeGreaterThanOrEqual(Date.parse(a.requestedAt));
    expect((await finance.get(`/api/v1/receivables/${rEast1.id}`)).body).toMatchObject({ amountOpen: '8765.44', badDebtAmount: '1234.56', status: 'partially_paid' });
    const wo = await finance.get(`/api/v1/write-offs/${approved.body.writeOffId}`);
    expect(wo.body).toMatchObject({ kind: 'bad_debt', total: '1234.56' });

    expect((await repNorth.get(`/api/v1/bad-debt-requests/${reqNorth}`)).body).toMatchObject({
      status: 'rejected', decidedBy: { id: t.users.admin.id, name: 'admin' }, decisionComment: '继续催收', writeOffId: null, amount: '8888.88',
    });
    expect((await finance.get(`/api/v1/receivables/${rNorth.id}`)).body).toMatchObject({ amountOpen: '8888.88', badDebtAmount: '0.00' });

    // Decided requests leave the inbox; the statuses filter as a list.
    expect(ids((await exec.get('/api/v1/bad-debt-requests?mine=awaiting')).body)).toEqual([reqEast2]);
    expect(ids((await admin.get('/api/v1/bad-debt-requests?mine=awaiting')).body)).toEqual([]);
    expect(ids((await finance.get('/api/v1/bad-debt-requests?status=pending')).body)).toEqual([reqEast2]);
    expect(ids((await finance.get('/api/v1/bad-debt-requests?status=approved,rejected')).body)).toEqual([reqNorth, reqEast1]);
    expect(ids((await finance.get('/api/v1/bad-debt-requests?status=rejected,approved,rejected')).body)).toEqual([reqNorth, reqEast1]);
    // The rep of the east customer sees the approval on their receivable.
    expect((await repEast.get(`/api/v1/bad-debt-requests?receivableId=${rEast1.id}`)).body.items[0]).toMatchObject({ status: 'approved', decidedBy: { name: 'exec' } });
  });

  it('is in the OpenAPI document', async () => {
    const h = await testApp();
    const doc = (await fetch(`${h.baseUrl}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
    const list = doc.paths['/api/v1/bad-debt-requests']?.get;
    expect(list?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['status', 'customerId', 'receivableId', 'mine', 'limit', 'cursor']));
    expect(doc.paths['/api/v1/bad-debt-requests/{id}']?.get).toBeDefined();
  });
});
