// Data scope on every path, proven by a matrix generated from the server's own route table (the OpenAPI document): every
// route that names a record — a path parameter, a query filter ending in Id, a body field naming a customer, contract,
// receivable, payment … — is called with repEast's records by each outsider: another tenant's admin, a rep of her own
// team, the other team's manager, and nobody. Nobody gets a 401; the others get exactly what an unknown id gets (a 404,
// a 403 when the role lacks the right altogether, an empty list for a filter) and never her numbers or amounts.
// Each GET is also called by repEast (or an admin) and must answer 200 with her records: the ids are real.
// A route added later whose parameter has no fixture fails here with "add a fixture for <route>".
// SCOPE_MATRIX_TABLE=1 prints every outsider's answer (route | caller | status code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './helpers.js';
import {
  buildScopeWorld, FixtureMissing, namesARecord, readByAll, readable, requestFor, routesOf, send, servedRoutes, unknownIds, type Route, type Schema, type ScopeWorld,
} from './scope-matrix.fixture.js';

const h = await testApp();
const doc = (await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as Schema;
const routes = routesOf(doc);
const matrix = routes.filter((r) => namesARecord(doc, r));

/** Filtered lists that cannot show the fixture to anyone, and why (their positive control is the 200 alone). */
/** Answers that show the next document number a format would give: in a tenant with no documents yet it reads like
 * repEast's first numbers (KH-2026-000001), and is no record. Her names and amounts still may not show. */
const SHOWS_NEXT_NUMBERS = new Set(['GET /api/v1/settings/number-formats']);

const NOTHING_TO_SHOW: Record<string, string> = {
  'GET /api/v1/pool/customers': 'the pool holds customers without an owner, so an ownerId filter never matches one',
  'GET /api/v1/pool/leads': 'the lead pool holds leads without an owner, so an ownerId filter never matches one',
};

let w: ScopeWorld;
let cases = 0;
let controls = 0;

beforeAll(async () => {
  w = await buildScopeWorld();
});

afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`scope matrix: ${matrix.length} of ${routes.length} routes name a record (× 4 callers), ${wholeLists.length} lists and reports read whole (× 3 callers): ${cases} cases run, plus ${controls} positive controls`);
});

describe('the route table', () => {
  it('has every route Fastify serves in the OpenAPI document, so none escapes the matrix', () => {
    const documented = new Set(routes.map((r) => r.key));
    const served = servedRoutes(h.l2c.app.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThanOrEqual(routes.length); // the route tree was read, not skipped
    expect(served.filter((k) => !documented.has(k))).toEqual([]);
  });

  it('fails a route whose record has no fixture, naming the route', () => {
    const gizmo: Route = { method: 'GET', path: '/api/v1/gizmos/{id}', key: 'GET /api/v1/gizmos/{id}', op: { parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }] } };
    expect(namesARecord(doc, gizmo)).toBe(true);
    expect(() => requestFor(doc, gizmo, unknownIds())).toThrow(FixtureMissing);
    expect(() => requestFor(doc, gizmo, unknownIds())).toThrow('add a fixture for GET /api/v1/gizmos/{id}');
  });

  it('covers the routes the issue names', () => {
    const keys = matrix.map((r) => r.key);
    for (const k of ['GET /api/v1/write-offs/{id}', 'GET /api/v1/write-offs', 'POST /api/v1/payments', 'GET /api/v1/write-offs/proposal']) expect(keys).toContain(k);
  });
});

describe('scope matrix', () => {
  it.each(matrix)('$key', async (route) => {
    const req = requestFor(doc, route, w.ids);
    const unknown = requestFor(doc, route, unknownIds());
    const problems: string[] = [];
    for (const caller of readByAll(doc, route) ? w.outsiders.filter((c) => !c.sameTenant) : w.outsiders) {
      cases++;
      const got = await send(w.baseUrl, caller.client, req);
      const shown = await readable(got);
      const leaked = w.markers.filter((m) => shown.includes(m));
      if (leaked.length > 0) problems.push(`${caller.name}: ${got.status}, and the answer shows ${leaked.join(', ')}`);
      if (!caller.client) {
        if (got.status !== 401) problems.push(`${caller.name}: ${got.status} ${got.code ?? ''}, expected 401`);
        continue;
      }
      const baseline = await send(w.baseUrl, caller.client, unknown);
      if (process.env.SCOPE_MATRIX_TABLE) console.log(`${route.key} | ${caller.name} | ${got.status} ${got.code ?? ''}`); // eslint-disable-line no-console
      if (got.status === 400 && (!got.code || got.code === 'common.invalid')) {
        problems.push(`${caller.name}: 400 ${got.text} — the generated request fails validation, so the scope check is never reached: fix the generator`);
      } else if (got.status >= 500) {
        problems.push(`${caller.name}: ${got.status} ${got.text}`);
      } else if (got.status !== baseline.status || got.code !== baseline.code) {
        problems.push(`${caller.name}: ${got.status} ${got.code ?? ''} — an unknown id gets ${baseline.status} ${baseline.code ?? ''}; out of scope must look the same`);
      } else if (got.status < 300 && route.method !== 'GET') {
        problems.push(`${caller.name}: ${got.status} on a write`);
      } else if (got.status < 300 && Array.isArray(got.json?.items) && got.json.items.length > 0) {
        problems.push(`${caller.name}: ${got.json.items.length} item(s) in a list filtered by repEast's records`);
      } else if (got.status < 300 && Array.isArray(got.json?.totals) && got.json.totals.length > 0) {
        // a list's totals (GET /receivables/totals) name no record: what an outsider must not get is any sum at all
        problems.push(`${caller.name}: totals of a list filtered by repEast's records: ${JSON.stringify(got.json.totals)}`);
      }
    }
    if (route.method === 'GET') {
      // The ids are real: the owner (or an admin, where a rep lacks the right) gets 200 where an unknown id does not —
      // and where an unknown id also gets 200 (a filtered list), the answer must hold her records.
      controls++;
      let who = w.owner;
      let mine = await send(w.baseUrl, who, req);
      if (mine.status === 403) mine = await send(w.baseUrl, (who = w.admin), req);
      const baseline = await send(w.baseUrl, who, unknown);
      if (mine.status !== 200) {
        problems.push(`control: repEast (or an admin) gets ${mine.status} ${mine.text} — the fixture ids are not real`);
      } else if (baseline.status < 300 && Array.isArray(mine.json?.totals)) {
        if (mine.json.totals.length === 0) problems.push(`control: repEast (or an admin) gets no totals over her own records: ${mine.text}`);
      } else if (baseline.status < 300 && !NOTHING_TO_SHOW[route.key]) {
        const shown = await readable(mine);
        if (![...w.markers, ...Object.values(w.ids)].some((m) => shown.includes(m))) {
          problems.push(`control: repEast (or an admin) gets 200 without any of the records: ${shown.slice(0, 300)}`);
        }
      }
    }
    expect(problems, `${route.key}\n${problems.join('\n')}`).toEqual([]);
  });
});

// Lists and reports as a whole — every GET without a path id, with only its required parameters — must not show an
// outsider any of repEast's records either: the scope is in the query, not only in the filters.
const wholeLists = routes.filter((r) => r.method === 'GET'
  && !(r.op.parameters ?? []).some((p: Schema) => p.in === 'path' || (p.in === 'query' && p.required && /(^id|Id)$/.test(p.name))));

/**
 * Does the answer show this marker? An amount marker ('56.78') must stand on its own: inside an instant
 * ('…T19:31:56.789Z') or a longer number it is a coincidence, not a leak (CI once reported one from a timestamp).
 */
function shows(text: string, marker: string): boolean {
  if (!/^\d+\.\d+$/.test(marker)) return text.includes(marker);
  return new RegExp(`(?<![\\d:.])${marker.replace('.', '\\.')}(?!\\d)`).test(text);
}

describe('lists and reports without a filter', () => {
  it.each(wholeLists)('$key', async (route) => {
    const req = requestFor(doc, route, w.ids, { filters: false });
    const problems: string[] = [];
    for (const caller of w.outsiders.filter((c) => c.client)) {
      cases++;
      const got = await send(w.baseUrl, caller.client, req);
      if (got.status >= 500 || got.status === 400 || got.status === 404) problems.push(`${caller.name}: ${got.status} ${got.text.slice(0, 300)}`);
      const shown = await readable(got);
      const markers = SHOWS_NEXT_NUMBERS.has(route.key) ? w.markers.filter((m) => !/^[A-Z]{2}-\d{4}-\d{6}$/.test(m)) : w.markers;
      const leaked = markers.filter((m) => shows(shown, m));
      if (leaked.length > 0) problems.push(`${caller.name}: ${got.status}, and the answer shows ${leaked.join(', ')}`);
    }
    expect(problems, `${route.key}\n${problems.join('\n')}`).toEqual([]);
  });
});

describe('scope beside the matrix', () => {
  it('a proposal lists only the invoices its caller may see, even for a payment she may still see', async () => {
    const { repEast2, managerEast, finance } = w.clients;
    // repEast2 registers a payment for her customer; the customer then moves to repEast, and an invoice is booked.
    const customer = (await repEast2.post('/api/v1/customers', { name: `范围矩阵转移客户${Date.now()}有限公司`, allowDuplicate: true })).body;
    const payment = (await repEast2.post('/api/v1/payments', { customerId: customer.id, amount: '800.00', receivedOn: '2026-12-01' })).body;
    expect((await finance.post(`/api/v1/payments/${payment.id}/confirm`, { version: payment.version })).status).toBe(200);
    expect((await managerEast.post(`/api/v1/customers/${customer.id}/assign`, { ownerId: w.t.users.repEast.id, version: customer.version })).status).toBe(200);
    const invoice = (await finance.post('/api/v1/receivables', { customerId: customer.id, amount: '777.77', dueDate: '2026-12-31', reason: '转移后入账' })).body;
    expect(invoice.owner.id).toBe(w.t.users.repEast.id);
    // She registered the payment, so she still sees it; the invoices are repEast's now, and stay out of her proposal.
    const hers = await repEast2.get(`/api/v1/write-offs/proposal?paymentId=${payment.id}`);
    expect(hers.status).toBe(200);
    expect(hers.body).toMatchObject({ amountAvailable: '800.00', amountProposed: '0.00', lines: [] });
    const his = await w.owner.get(`/api/v1/write-offs/proposal?paymentId=${payment.id}`);
    expect(his.body.lines.map((l: { receivableNumber: string; amount: string }) => [l.receivableNumber, l.amount])).toEqual([[invoice.number, '777.77']]);
  });

  it('a rep registers payments only for customers in her scope; finance for any', async () => {
    const body = { customerId: w.ids.customer, amount: '1.00', receivedOn: '2026-12-06' };
    const refused = await w.clients.repEast2.post('/api/v1/payments', body);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('payments.customer_not_found');
    expect((await w.clients.managerNorth.post('/api/v1/payments', body)).status).toBe(404);
    expect((await w.owner.post('/api/v1/payments', body)).status).toBe(201);
    expect((await w.clients.managerEast.post('/api/v1/payments', body)).status).toBe(201);
    expect((await w.clients.finance.post('/api/v1/payments', body)).status).toBe(201);
  });

  it('an order calls off only a framework agreement in the caller\'s scope', async () => {
    // repEast's framework agreement for a customer she then releases to the pool, where every rep can see it.
    const customer = (await w.owner.post('/api/v1/customers', { name: `范围矩阵框架客户${Date.now()}有限公司`, allowDuplicate: true })).body;
    const framework = (await w.owner.post('/api/v1/contracts', { kind: 'framework', customerId: customer.id, title: '框架协议 矩阵',
      lines: [{ description: '协议价', quantity: '1', unitPrice: '100.00', taxRate: '0.13' }] })).body;
    expect((await w.owner.post(`/api/v1/customers/${customer.id}/release`, { reason: '不再跟进' })).status).toBe(200);
    const order = { kind: 'order', customerId: customer.id, title: '订单 矩阵', frameworkId: framework.id,
      lines: [{ description: 'x', quantity: '1', unitPrice: '100.00', taxRate: '0.13' }] };
    const refused = await w.clients.repEast2.post('/api/v1/contracts', order);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.code).toBe('contracts.framework_invalid');
    expect(JSON.stringify(refused.body)).not.toContain(framework.number);
    const mine = await w.owner.post('/api/v1/contracts', order);
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.framework).toEqual({ id: framework.id, number: framework.number });
  });

  it('a customer in the public pool is open to every rep for claiming; its account and statement are not', async () => {
    const { repEast2, finance } = w.clients;
    const customer = (await w.owner.post('/api/v1/customers', { name: `范围矩阵公海客户${Date.now()}有限公司`, allowDuplicate: true })).body;
    const invoice = (await finance.post('/api/v1/receivables', { customerId: customer.id, amount: '654.32', dueDate: '2026-11-30', reason: '公海前入账' })).body;
    expect((await w.owner.post(`/api/v1/customers/${customer.id}/release`, { reason: '不再跟进' })).status).toBe(200);
    expect((await repEast2.get(`/api/v1/customers/${customer.id}`)).status).toBe(200);
    const money = [`/api/v1/customers/${customer.id}/accounts`, `/api/v1/customers/${customer.id}/accounts/prepaid/entries`,
      `/api/v1/customers/${customer.id}/statement?from=2026-01-01&to=2026-12-31`, `/api/v1/customers/${customer.id}/statement.xlsx?from=2026-01-01&to=2026-12-31`];
    for (const path of money) {
      const res = await repEast2.get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('654.32');
    }
    const statement = await finance.get(money[2]!);
    expect(statement.status).toBe(200);
    expect(JSON.stringify(statement.body)).toContain(invoice.number);
    expect((await finance.get(money[0]!)).body.receivablesOpen).toBe('654.32');
  });

  it('a sales manager reads the audit trail of her team\'s people and records, not of the other team', async () => {
    const north = await w.clients.managerNorth.get(`/api/v1/audit?actorId=${w.t.users.repEast.id}`);
    expect(north.status).toBe(200);
    expect(north.body.items).toEqual([]);
    expect((await w.clients.managerNorth.get(`/api/v1/audit?entityType=customer&entityId=${w.ids.customer}`)).status).toBe(404);
    const east = await w.clients.managerEast.get(`/api/v1/audit?actorId=${w.t.users.repEast.id}`);
    expect(east.body.items.length).toBeGreaterThan(0);
    // the whole trail, for her: only what people in her scope did
    const all = await w.clients.managerNorth.get('/api/v1/audit?limit=200');
    const actors = new Set(all.body.items.map((e: { actor: { id: string } | null }) => e.actor?.id));
    expect([...actors].every((id) => id === w.t.users.managerNorth.id || id === w.t.users.repNorth.id)).toBe(true);
  });
});
