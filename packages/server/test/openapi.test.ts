// The served API document is what integrators build on (issue 14). This file checks it as they would:
// - every operation follows the conventions of docs/API.md ("Conventions for a route"); a route that does not is named
//   with what it misses, so a new domain's routes fail here until they do;
// - no reference points at nothing; `redocly lint` (recommended rules + redocly.yaml) reports no error;
// - openapi-typescript generates types from the served document, tsc type-checks examples/client/example.ts against
//   them, and the example runs against this test server (real HTTP, real database): log in, list customers, register a
//   payment with automatic write-off, read the aging.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, makeTenant, testApp, PASSWORD, type Res, type TestTenant } from './helpers.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'node_modules/.bin');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type Json = Record<string, any>;
let h: Awaited<ReturnType<typeof testApp>>;
let doc: Json;
let t: TestTenant;
const work = path.join(ROOT, '.tmp', `api-client-${crypto.randomBytes(4).toString('hex')}`);

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  doc = (await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as Json;
  fs.mkdirSync(work, { recursive: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function operations(): Array<{ where: string; op: Json }> {
  const out: Array<{ where: string; op: Json }> = [];
  for (const [p, item] of Object.entries(doc.paths as Json)) {
    for (const [m, op] of Object.entries(item as Json)) if (METHODS.includes(m)) out.push({ where: `${m.toUpperCase()} ${p}`, op });
  }
  return out;
}

describe('the API document', () => {
  it('has servers, named components and a tag with a description for every operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const name of ['Money', 'Customer', 'CustomerPage', 'Receivable', 'ReceivablePage', 'Payment', 'Problem', 'ApprovalCondition']) {
      expect(doc.components.schemas[name], `component ${name}`).toBeTruthy();
    }
    const tags = new Set((doc.tags as Json[]).map((x) => x.name));
    expect(operations().flatMap(({ where, op }) => (op.tags ?? []).filter((x: string) => !tags.has(x)).map((x: string) => `${where}: tag ${x}`))).toEqual([]);
  });

  it('names every operation that breaks a convention of docs/API.md', () => {
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const { where, op } of operations()) {
      const miss = (what: string) => problems.push(`${where}: ${what} (docs/API.md, "Conventions for a route")`);
      if (!op.operationId) miss('no operationId — add schema.operationId, verbNoun like listCustomers');
      else if (!/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(op.operationId)) miss(`operationId ${op.operationId} is not verbNoun camelCase`);
      else if (ids.has(op.operationId)) miss(`operationId ${op.operationId} is also ${ids.get(op.operationId)}`);
      if (op.operationId) ids.set(op.operationId, where);
      if (!op.summary) miss('no summary — add schema.summary');
      if (!op.description) miss('no description');
      if ((op.tags ?? []).length !== 1) miss(`${(op.tags ?? []).length} tags — give schema.tags exactly its domain`);
      const success = Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('2'));
      if (!success.length) miss('no success response — declare response: { 200: Schema }');
      for (const [s, r] of success as Array<[string, Json]>) {
        if (s !== '204' && !r.content) miss(`response ${s} has no schema — declare it (or { 204: NoContent }, or schema.download)`);
      }
      if (where.includes(' /api/v1/')) {
        const errors = Object.entries(op.responses ?? {}).filter(([s]) => /^4\d\d$/.test(s));
        if (!errors.length) miss('no 4xx response');
        for (const [s, r] of errors as Array<[string, Json]>) {
          const codes = r.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum;
          if (!codes?.length) miss(`response ${s} lists no problem codes`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists an operation\'s error codes from the domains\' error tables, with the common ones the route implies', () => {
    const codes = (where: string, status: string) => {
      const [method, p] = where.split(' ');
      return doc.paths[p!][method!.toLowerCase()].responses[status]?.content['application/problem+json'].schema.allOf[1].properties.code.enum as string[] | undefined;
    };
    // POST /payments: payments' and the write-off flow's refusals, an idempotency key, and what every write can meet
    expect(codes('POST /api/v1/payments', '409')).toEqual(expect.arrayContaining(['payments.duplicate_bank_reference', 'write_offs.exceeds_open', 'common.duplicate']));
    expect(codes('POST /api/v1/payments', '422')).toEqual(expect.arrayContaining(['common.idempotency_mismatch', 'common.reference_not_found']));
    expect(codes('POST /api/v1/payments', '403')).toEqual(expect.arrayContaining(['common.forbidden', 'common.csrf']));
    expect(codes('GET /api/v1/customers/{id}', '404')).toEqual(['common.not_found', 'customers.not_found']);
    expect(codes('PATCH /api/v1/customers/{id}', '409')).toContain('common.version_conflict');
    expect(codes('POST /api/v1/auth/login', '429')).toEqual(['common.rate_limited']);
    expect(codes('POST /api/v1/auth/login', '401')).toEqual(['identity.bad_credentials']);
    // a read cannot meet a write's database refusals
    expect(codes('GET /api/v1/customers', '409')).toBeUndefined();
    expect(doc.paths['/api/v1/payments'].post.parameters.find((p: Json) => p.name === 'Idempotency-Key')?.description).toMatch(/safe to retry/);
    expect(doc.paths['/api/v1/customers'].get.description).toMatch(/Data scope/);
  });

  it('answers with codes its document lists: refusals of each kind, as a client meets them', async () => {
    const documented = (method: string, template: string, res: Res) => {
      const r = doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(res.status)];
      const codes = r?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum as string[] | undefined;
      return codes?.includes(res.body?.code) ? 'listed' : `${method} ${template} answered ${res.status} ${res.body?.code}, which its document does not list`;
    };
    const admin = await login(h.baseUrl, t.users.admin);
    const rep = await login(h.baseUrl, t.users.repEast);
    const customer = (await admin.post('/api/v1/customers', { name: `Drift ${crypto.randomBytes(3).toString('hex')}`, allowDuplicate: true })).body;
    const payment = { customerId: customer.id, amount: '10.00', currency: 'CNY', receivedOn: '2026-11-02' };
    const key = `drift-${crypto.randomUUID()}`;
    await admin.post('/api/v1/payments', payment, { 'idempotency-key': key });
    const unsupported = await fetch(`${h.baseUrl}/api/v1/customers`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/xml' }, body: '<customer/>' });
    const seen: Array<[string, string, Res]> = [
      ['POST', '/api/v1/auth/login', await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: t.users.admin.email, password: 'wrong-password' } })],
      ['GET', '/api/v1/receivables', await call(h.baseUrl, 'GET', '/api/v1/receivables')],
      ['POST', '/api/v1/teams', await rep.post('/api/v1/teams', { name: 'Not mine to make' })],
      ['GET', '/api/v1/customers/{id}', await admin.get(`/api/v1/customers/${crypto.randomUUID()}`)],
      ['POST', '/api/v1/customers', await admin.post('/api/v1/customers', {})],
      ['POST', '/api/v1/customers', { status: unsupported.status, body: await unsupported.json(), headers: unsupported.headers }],
      ['PATCH', '/api/v1/customers/{id}', await admin.patch(`/api/v1/customers/${customer.id}`, { remark: 'stale', version: customer.version + 5 })],
      ['POST', '/api/v1/customers/{id}/claim', await admin.post(`/api/v1/customers/${customer.id}/claim`)],
      ['POST', '/api/v1/payments', await rep.post('/api/v1/payments', { ...payment, confirm: true })],
      ['POST', '/api/v1/payments', await admin.post('/api/v1/payments', { ...payment, amount: '11.00' }, { 'idempotency-key': key })],
    ];
    expect(seen.map(([, , res]) => res.status)).toEqual([401, 401, 403, 404, 400, 415, 409, 409, 403, 422]);
    expect(seen.map(([m, p, res]) => documented(m, p, res)).filter((x) => x !== 'listed')).toEqual([]);
  });

  it('has no reference that points at nothing (the approval rules\' recursive condition is a component)', () => {
    const unresolved: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (v && typeof v === 'object') {
        const ref = (v as Json).$ref;
        if (typeof ref === 'string') {
          const target = ref.replace(/^#\//, '').split('/').reduce<any>((o, k) => o?.[k], doc);
          if (target === undefined) unresolved.push(`${at}: ${ref}`);
        }
        for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k}`);
      }
    };
    walk(doc, '#');
    expect(unresolved).toEqual([]);
    expect(JSON.stringify(doc.paths['/api/v1/approvals/definitions/{docType}'].put)).toContain('#/components/schemas/ApprovalCondition');
  });

  it('passes redocly lint (recommended rules and redocly.yaml) with 0 errors', async () => {
    const file = path.join(work, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const out = await run(path.join(BIN, 'redocly'), ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '10000'], {
      cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as { problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }> };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    // the warnings left are the ones redocly.yaml explains
    const explained = (p: (typeof report.problems)[number]) => p.ruleId === 'no-ambiguous-paths' ||
      (p.ruleId === 'operation-4xx-response' && /^#\/paths\/~1api~1(health|ready)\//.test(p.location[0]?.pointer ?? ''));
    expect(report.problems.filter((p) => !explained(p)).map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  }, 120_000);

  it('generates a typed client that type-checks and runs the example: log in, list customers, pay with write-off, read the aging', async () => {
    // openapi-typescript from the served document, as an integrator would run it
    const types = path.join(work, 'l2c-api.d.ts');
    await run(path.join(BIN, 'openapi-typescript'), [`${h.baseUrl}/api/openapi.json`, '-o', types], { cwd: ROOT });
    fs.copyFileSync(path.join(ROOT, 'examples/client/example.ts'), path.join(work, 'example.ts'));
    fs.copyFileSync(path.join(ROOT, 'examples/client/tsconfig.json'), path.join(work, 'tsconfig.json'));
    const tsc = await run(path.join(BIN, 'tsc'), ['-p', work], { cwd: ROOT }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? 'tsc failed', stderr: '' }));
    expect(tsc.stdout).toBe('');

    // a customer with two invoices, 1,000.00 due 60 days ago and 800.00 due 10 days ago
    const admin = await login(h.baseUrl, t.users.admin);
    const name = `示例客户 ${crypto.randomBytes(3).toString('hex')}`;
    const customer = await admin.post('/api/v1/customers', { name, allowDuplicate: true });
    expect(customer.status).toBe(201);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    for (const [amount, due] of [['1000.00', -60], ['800.00', -10]] as const) {
      const r = await admin.post('/api/v1/receivables', { customerId: customer.body.id, amount, currency: 'CNY', businessDate: day(due - 30), dueDate: day(due), reason: 'example invoice' });
      expect(r.status).toBe(201);
    }

    // loaded by path: the server's tsconfig does not see the example (its types exist only once generated)
    const example = pathToFileURL(path.join(ROOT, 'examples/client/example.ts')).href;
    const { runExample } = (await import(example)) as { runExample: (baseUrl: string, email: string, password: string, customer: string) => Promise<Json> };
    const result = await runExample(h.baseUrl, t.users.finance.email, PASSWORD, name);
    expect(result.customers).toEqual([name]);
    expect(result.payment.status).toBe('confirmed');
    expect(result.payment.amountUnapplied).toBe('0.00'); // 1,500.00 = 1,000.00 + 500.00 of the 800.00
    expect(result.payment.replayed).toBe(true);
    expect(result.aging).toEqual({ asOf: day(0), currency: 'CNY', totalOpen: '300.00', overdue: '300.00' });
  }, 180_000);
});
