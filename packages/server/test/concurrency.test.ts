// Two writers race for the same receivables. With PostgreSQL they are two OS processes with their own connection
// pools; with PGlite (one process by design) they are concurrent HTTP requests. Either way each receivable ends with
// exactly one write-off and is never over-applied.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
let t: TestTenant;
let finance: Client;
let customerId: string;
let baseUrl: string;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
  finance = await login(h.baseUrl, t.users.finance);
  const rep = await login(h.baseUrl, t.users.repEast);
  customerId = (await rep.post('/api/v1/customers', { name: '并发核销测试有限公司' })).body.id;
});

async function setup(n: number) {
  const receivables: string[] = [];
  for (let i = 0; i < n; i++) receivables.push((await finance.post('/api/v1/receivables', { customerId, amount: '1000.00', dueDate: '2026-10-31', reason: 'race' })).body.id);
  const pay = async () => (await finance.post('/api/v1/payments', { customerId, amount: String(600 * n), receivedOn: '2026-11-20', confirm: true })).body.id as string;
  return { receivables, payments: [await pay(), await pay()] };
}

function runProcess(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['packages/server/test/fixtures/race-write-off.ts', ...args], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`race process failed: ${err}`))));
  });
}

describe('racing write-offs against the same receivables', () => {
  it('each receivable gets exactly one ¥600 write-off, never ¥1,200', async () => {
    const n = 8;
    const { receivables, payments } = await setup(n);
    let outcomes: string[][];
    if (process.env.DATABASE_URL) {
      const startAt = String(Date.now() + 2500); // both processes are up and connected by then
      outcomes = await Promise.all(payments.map((p) => runProcess([t.tenantId, t.users.finance.id, customerId, p, '600.00', startAt, ...receivables])));
    } else {
      outcomes = await Promise.all(payments.map(async (p) => {
        const res = await Promise.all(receivables.map((r) => finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r, amount: '600.00', source: { type: 'payment', paymentId: p } }] })));
        return res.map((x) => (x.status === 201 ? 'ok' : x.body.code));
      }));
    }
    for (let i = 0; i < n; i++) {
      const pair = [outcomes[0]![i], outcomes[1]![i]].sort();
      expect(pair).toEqual(['ok', 'write_offs.exceeds_open']);
    }
    for (const r of receivables) {
      expect((await finance.get(`/api/v1/receivables/${r}`)).body).toMatchObject({ amountOpen: '400.00', amountApplied: '600.00' });
    }
    const unapplied = await Promise.all(payments.map(async (p) => (await finance.get(`/api/v1/payments/${p}`)).body.amountUnapplied));
    const applied = unapplied.map((u) => 600 * n - Number(u));
    expect(applied[0]! + applied[1]!).toBe(600 * n);
  }, 120_000);
});

describe('document numbers under load', () => {
  it('20 payments at once — more than the connection pool holds — all get distinct numbers, none waits forever', async () => {
    const c = (await (await login(baseUrl, t.users.repEast)).post('/api/v1/customers', { name: '并发编号测试有限公司' })).body.id as string;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      finance.post('/api/v1/payments', { customerId: c, amount: `${100 + i}.00`, receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due', bankReference: `NUM-${t.slug}-${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^HK-2026-\d{6}$/);
    // a refused payment (duplicate bank reference) books nothing; the next one still gets a fresh, larger number
    const dup = await finance.post('/api/v1/payments', { customerId: c, amount: '1.00', receivedOn: '2026-11-20', confirm: true, bankReference: `NUM-${t.slug}-0` });
    expect(dup.status).toBe(409);
    const next = await finance.post('/api/v1/payments', { customerId: c, amount: '1.00', receivedOn: '2026-11-20', confirm: true });
    expect(next.status).toBe(201);
    expect(next.body.number > [...numbers].sort().at(-1)!).toBe(true);
  });
});
