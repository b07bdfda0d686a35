// Fuzz test of every write route (issue 7 point 6): the routes come from the OpenAPI document the running server
// publishes, so a route added later is fuzzed without anyone listing it. Bodies are generated from each route's JSON
// schema and mutated (wrong types, missing fields, prototype keys, odd numbers and dates, NUL and lone surrogates,
// 100 kB strings, unknown and upper-case ids, arrays for objects …); path ids are real records of a fresh tenant, their
// upper-case forms, unknown ids and garbage. Sent over real HTTP as an admin (and as finance on money routes).
// Asserted: never a 5xx, every 400 is problem+json with `errors` naming at least one field, and no refusal comes from
// the database's safety net (a value or CHECK that validation let through).
//
// CI: L2C_FUZZ_RUNS bodies per route (default 30). `npm run fuzz` runs thousands per route and prints the counts.
// L2C_FUZZ_SEED repeats a run; L2C_FUZZ_DEBUG=<route text> prints why valid bodies of matching routes were refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Client } from './helpers.js';
import { approvedContract, contractsWorld, createContract, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';
import { bodyArbitrary, encodeQuery, paramArbitrary, queryArbitrary, type IdPool, type JsonSchema, type OpenApiDoc } from './fuzz/openapi-arbitrary.js';

const RUNS = Number(process.env.L2C_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.L2C_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Write routes not fuzzed, each with its reason. Everything else under /api/v1 is. */
const SKIPPED: Record<string, string> = {
  'POST /api/v1/auth/logout': 'body-less; it ends the session the fuzzer sends with (covered by auth.test.ts)',
};

/** The record kind a path parameter refers to, by the path segment before it. */
const SEGMENT_KIND: Record<string, string> = {
  customers: 'customer', contacts: 'contact', contracts: 'contract', receivables: 'receivable', payments: 'payment',
  'write-offs': 'writeOff', approvals: 'approval', notifications: 'notification', users: 'userTarget', teams: 'team',
  'api-tokens': 'apiToken', 'bad-debt-requests': 'badDebtRequest', definitions: 'docType',
};
/** Money routes are also sent by finance (the role that books them). */
const MONEY = /^\/api\/v1\/(payments|write-offs|receivables|bad-debt-requests|customers\/\{id\}\/(accounts|credit-profile))/;

interface Route { method: string; path: string; op: any }
interface Failure { route: string; body: string; status: number; response: string }

let w: ContractsWorld;
let doc: OpenApiDoc;
let routes: Route[] = [];
/** Read routes with parameters: their query strings and path ids are input too. */
let reads: Route[] = [];
const pool: IdPool = {};
const counts: Array<{ route: string; sent: number; byStatus: Record<number, number> }> = [];

async function arrange(): Promise<void> {
  const { admin, finance, rep, t, db } = w;
  const add = (kind: string, id: unknown) => { if (typeof id === 'string') (pool[kind] ??= []).push(id); };
  const must = async (what: string, p: Promise<{ status: number; body: any }>) => {
    const res = await p;
    if (res.status >= 300) throw new Error(`arrange ${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const c1 = await newCustomer(admin);
  const c2 = await newCustomer(rep);
  add('customer', c1); add('customer', c2);
  await setCredit(db, t.tenantId, c1, '50000000.00');
  await setCredit(db, t.tenantId, c2, '50000000.00');
  add('contact', (await must('contact', admin.post(`/api/v1/customers/${c1}/contacts`, { name: '张三', mobile: '13800000000' }))).id);
  const draft = await createContract(admin, orderBody(c1));
  add('contract', draft.id);
  const submitted = await createContract(rep, orderBody(c2));
  const sub = await must('submit', rep.post(`/api/v1/contracts/${submitted.id}/submit`, {}));
  add('contract', submitted.id); add('approval', sub.approval.id);
  const approved = await approvedContract(w, orderBody(c2, { planTemplate: null, instalments: [{ trigger: 'on_delivery', percent: '100', milestone: '验收' }] }));
  const signed = await must('sign', rep.post(`/api/v1/contracts/${approved.id}/sign`, signBody(approved.version)));
  add('contract', approved.id);
  for (const i of signed.instalments ?? approved.instalments ?? []) add('instalment', i.id);
  const receivable = await must('receivable', finance.post('/api/v1/receivables', { customerId: c1, amount: '8000.00', dueDate: '2026-12-31', reason: '手工应收 fuzz' }));
  add('receivable', receivable.id);
  const receivable2 = await must('receivable', finance.post('/api/v1/receivables', { customerId: c1, amount: '3000.00', dueDate: '2026-11-30', reason: '手工应收 fuzz 2' }));
  add('receivable', receivable2.id);
  const paid = await must('payment', finance.post('/api/v1/payments', { customerId: c1, amount: '2000.00', receivedOn: '2026-12-01', confirm: true }));
  add('payment', paid.id);
  const claimed = await must('payment', finance.post('/api/v1/payments', { customerId: c1, amount: '500.00', receivedOn: '2026-12-02' }));
  add('payment', claimed.id);
  const cn = await must('credit note', finance.post(`/api/v1/receivables/${receivable2.id}/credit-notes`, { amount: '100.00', reason: '退货折让' }));
  add('creditNote', cn.id); add('receivable', cn.id);
  const wo = await must('write-off', finance.post('/api/v1/write-offs', { customerId: c1, lines: [{ receivableId: receivable.id, source: { type: 'payment', paymentId: paid.id }, amount: '500.00' }] }));
  add('writeOff', wo.id);
  const bd = await must('bad debt', finance.post(`/api/v1/receivables/${receivable2.id}/bad-debt-requests`, { amount: '100.00', reason: '客户破产清算' }));
  add('badDebtRequest', bd.id);
  add('apiToken', (await must('token', admin.post('/api/v1/api-tokens', { name: 'fuzz' }))).id);
  for (const id of Object.values(t.teams)) add('team', id);
  for (const [key, u] of Object.entries(t.users)) {
    add('user', u.id);
    // The fuzzer must not deactivate or demote the users it sends as.
    if (key !== 'admin' && key !== 'finance') add('userTarget', u.id);
  }
  pool.docType = ['contract', 'contract_amendment'];
}

function concretePath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x');
}

function fieldNamed(body: any): boolean {
  return Array.isArray(body?.errors) && body.errors.length > 0 && body.errors.some((e: any) => typeof e?.path === 'string' && e.path.length > 0);
}

/**
 * A refusal that came from PostgreSQL through the safety net (platform/pg-errors.ts) rather than from validation: a
 * value the database could not take, or a CHECK the service did not test first. It is a 4xx, but validation should
 * have named the field before the database was asked.
 */
function caughtByDatabase(body: any): boolean {
  if (body?.code === 'common.check_violation') return true;
  const errors = Array.isArray(body?.errors) ? body.errors as Array<{ message?: string }> : [];
  return body?.code === 'common.invalid' && errors.length > 0 && errors.every((e) => /^a value /.test(e.message ?? ''));
}

beforeAll(async () => {
  w = await contractsWorld();
  await arrange();
  doc = (await call(w.baseUrl, 'GET', '/api/openapi.json')).body as OpenApiDoc;
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'get' && (op.parameters ?? []).length) reads.push({ method, path, op });
      if (!WRITE_METHODS.includes(method)) continue;
      if (SKIPPED[`${method.toUpperCase()} ${path}`]) continue;
      routes.push({ method, path, op });
    }
  }
  reads = reads.sort((a, b) => a.path.localeCompare(b.path));
  routes = routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  console.log(`fuzz: seed ${SEED}, ${RUNS} bodies per route, ${routes.length} write routes and ${reads.length} read routes with parameters (skipped: ${Object.entries(SKIPPED).map(([r, why]) => `${r} — ${why}`).join('; ')})`);
}, 300_000);

afterAll(() => {
  if (!counts.length) return;
  const total = counts.reduce((s, c) => s + c.sent, 0);
  const lines = counts.map((c) => `  ${c.route.padEnd(58)} ${String(c.sent).padStart(6)}  ${Object.entries(c.byStatus).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  console.log(`fuzz: bodies per route (status × count)\n${lines.join('\n')}\nfuzz: ${total} requests over ${counts.length} routes, seed ${SEED}`);
});

describe('fuzz: every route from the OpenAPI document', () => {
  it('finds the write routes of every domain (the document is the list)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    for (const p of ['/api/v1/payments', '/api/v1/write-offs', '/api/v1/contracts', '/api/v1/customers', '/api/v1/teams/{id}']) {
      expect(routes.some((r) => r.path === p), p).toBe(true);
    }
  });

  it('never answers 5xx, and every 400 names a field', async () => {
    const failures: Failure[] = [];
    for (const [index, route] of routes.entries()) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const params = (route.op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>;
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const hasIdem = params.some((p) => p.in === 'header' && p.name === 'idempotency-key');
      const schema = route.op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const segments = route.path.split('/');
      const paramArbs: Record<string, fc.Arbitrary<string>> = {};
      for (const p of pathParams) {
        const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
        paramArbs[p.name] = paramArbitrary(doc, p.schema, p.name === 'docType' ? 'docType' : SEGMENT_KIND[before], pool);
      }
      const queryArbs: Record<string, fc.Arbitrary<string>> = {};
      for (const p of queryParams) queryArbs[p.name] = fc.oneof(paramArbitrary(doc, p.schema, undefined, pool), fc.constantFrom('', '%00', 'true', '1'));
      const requestArb = fc.record({
        body: bodyArbitrary(doc, schema, pool),
        params: fc.record(paramArbs),
        query: fc.record(queryArbs, { requiredKeys: [] }),
        idem: hasIdem
          ? fc.option(fc.oneof(
            { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9._:-]{8,64}$/) },
            { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,60}$/) },
            { weight: 1, arbitrary: fc.constant('k'.repeat(4000)) },
          ), { nil: undefined })
          : fc.constant(undefined),
        asFinance: MONEY.test(route.path) ? fc.boolean() : fc.constant(false),
      });
      const samples = fc.sample(requestArb, { numRuns: RUNS, seed: SEED + index });
      const byStatus: Record<number, number> = {};
      for (const s of samples) {
        const client: Client = s.asFinance ? w.finance : w.admin;
        const qs = Object.entries(s.query).map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v as string)}`).join('&');
        const url = concretePath(route.path, s.params) + (qs ? `?${qs}` : '');
        const headers: Record<string, string> = { authorization: `Bearer ${client.token}` };
        if (s.body.json !== undefined) headers['content-type'] = 'application/json';
        if (s.idem !== undefined) headers['idempotency-key'] = s.idem;
        let status = 0;
        let text = '';
        let contentType = '';
        try {
          const res = await fetch(w.baseUrl + url, { method: route.method.toUpperCase(), headers, body: s.body.json });
          status = res.status; contentType = res.headers.get('content-type') ?? ''; text = await res.text();
        } catch (err) {
          text = `fetch failed: ${(err as Error).message}`;
        }
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        let parsed: any = null;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        const bad = status === 0 || status >= 500
          || (status === 400 && (!contentType.startsWith('application/problem+json') || !fieldNamed(parsed)))
          || caughtByDatabase(parsed);
        if (process.env.L2C_FUZZ_DEBUG && name.includes(process.env.L2C_FUZZ_DEBUG) && s.body.label.startsWith('valid') && status >= 400) {
          console.log(`${name} ${status} ${process.env.L2C_FUZZ_DEBUG_FULL ? s.body.json : s.body.label.slice(0, 300)}\n    ${text.slice(0, 300)}`);
        }
        if (bad) failures.push({ route: `${route.method.toUpperCase()} ${url}${s.asFinance ? ' (finance)' : ''}`, body: s.body.label, status, response: text.slice(0, 600) });
      }
      counts.push({ route: name, sent: samples.length, byStatus });
    }
    // At most three examples per route, so one broken route does not hide the others.
    const shown = failures.filter((f, i) => failures.slice(0, i).filter((g) => g.route.split(' ')[1]?.split('/')[3] === f.route.split(' ')[1]?.split('/')[3] && g.status === f.status).length < 3);
    const report = shown.slice(0, 60).map((f, i) => `#${i + 1} ${f.route}\n   body: ${f.body}\n   → ${f.status} ${f.response}`).join('\n');
    expect(failures.length, `${failures.length} bad answers (seed ${SEED}; L2C_FUZZ_SEED=${SEED} repeats the run):\n${report}`).toBe(0);
  }, Math.max(120_000, RUNS * 60 * 400));

  it('never answers 5xx to odd query strings and path ids of read routes, and every 400 names a field', async () => {
    const failures: Failure[] = [];
    for (const [index, route] of reads.entries()) {
      const params = (route.op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema }>;
      const segments = route.path.split('/');
      const paramArbs: Record<string, fc.Arbitrary<string>> = {};
      for (const p of params.filter((x) => x.in === 'path')) {
        const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
        paramArbs[p.name] = paramArbitrary(doc, p.schema, SEGMENT_KIND[before] === 'userTarget' ? 'user' : SEGMENT_KIND[before], pool);
      }
      const queryArbs: Record<string, fc.Arbitrary<string>> = {};
      for (const p of params.filter((x) => x.in === 'query')) queryArbs[p.name] = queryArbitrary(doc, p.schema, p.name, pool);
      const samples = fc.sample(fc.record({ params: fc.record(paramArbs), query: fc.record(queryArbs, { requiredKeys: [] }), asFinance: fc.boolean() }), { numRuns: RUNS, seed: SEED + 1000 + index });
      const byStatus: Record<number, number> = {};
      for (const s of samples) {
        const qs = Object.entries(s.query).map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v as string)}`).join('&');
        const url = concretePath(route.path, s.params) + (qs ? `?${qs}` : '');
        const res = await call(w.baseUrl, 'GET', url, { token: (s.asFinance ? w.finance : w.admin).token });
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        const problemJson = (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
        if (res.status >= 500 || (res.status === 400 && (!problemJson || !fieldNamed(res.body))) || caughtByDatabase(res.body)) {
          failures.push({ route: `GET ${url}${s.asFinance ? ' (finance)' : ''}`, body: '(none)', status: res.status, response: JSON.stringify(res.body).slice(0, 600) });
        }
      }
      counts.push({ route: `GET ${route.path}`, sent: samples.length, byStatus });
    }
    const report = failures.slice(0, 40).map((f, i) => `#${i + 1} ${f.route}\n   → ${f.status} ${f.response}`).join('\n');
    expect(failures.length, `${failures.length} bad answers (seed ${SEED}; L2C_FUZZ_SEED=${SEED} repeats the run):\n${report}`).toBe(0);
  }, Math.max(120_000, RUNS * 60 * 400));
});
