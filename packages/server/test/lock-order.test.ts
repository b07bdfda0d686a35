// Mixed money traffic against the same customers: payments with autoApply, credit notes 红冲, reversals 反核销,
// bad-debt requests and decisions, claimed payments confirmed later, rebate entries. With PostgreSQL the requests
// go to two server processes (this test's and a child `main.ts`) with their own pools; with PGlite to the one server.
// Every money path takes its locks in the order of docs/adr/0004-lock-order.md, and a transaction that still loses a
// deadlock is retried: no request may answer 5xx, and the money invariants hold afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, transactionRetries, type Db } from '../src/platform/db.js';
import { invariantGaps } from '../src/flows/write-off/write-off.sql.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
const twoProcesses = !!process.env.DATABASE_URL;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

let child: ChildProcess | null = null;
let childOutput = '';

async function startSecondServer(): Promise<string> {
  const port = await freePort();
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', L2C_DEMO: '0', L2C_JOBS: '0', L2C_WEB_DIST: '/nonexistent', L2C_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (childOutput += d));
  child.stderr!.on('data', (d) => (childOutput += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`second server did not start:\n${childOutput}`);
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be repeated. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let db: Db;
let t: TestTenant;
const servers: Array<{ finance: Client; exec: Client }> = [];
const customers: Array<{ id: string; receivables: string[] }> = [];

beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  t = await makeTenant(h.db);
  const urls = [h.baseUrl, ...(twoProcesses ? [await startSecondServer()] : [])];
  for (const url of urls) servers.push({ finance: await login(url, t.users.finance), exec: await login(url, t.users.exec) });
  const finance = servers[0]!.finance;
  const rep = await login(h.baseUrl, t.users.repEast);
  for (let c = 0; c < 2; c++) {
    const id = (await rep.post('/api/v1/customers', { name: `锁顺序测试客户${c}有限公司` })).body.id as string;
    const receivables: string[] = [];
    for (let i = 0; i < (twoProcesses ? 40 : 20); i++) {
      const res = await finance.post('/api/v1/receivables', { customerId: id, amount: '1000.00', dueDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`, reason: 'lock order' });
      expect(res.status).toBe(201);
      receivables.push(res.body.id);
    }
    // some rebate to spend and some write-offs to reverse from the start
    expect((await finance.post(`/api/v1/customers/${id}/accounts/rebate/entries`, { amount: '500.00', memo: 'opening rebate' })).status).toBe(201);
    customers.push({ id, receivables });
  }
}, 120_000);

afterAll(async () => {
  if (child) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});

type Op = 'payment' | 'credit_note' | 'reverse' | 'bad_debt_request' | 'bad_debt_decision' | 'claim_confirm' | 'rebate' | 'rebate_write_off';

describe('mixed money traffic on the same customers', () => {
  it(`${twoProcesses ? 'two processes' : 'one process'}: no 5xx, and every customer's books balance`, async () => {
    const random = rng(7);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const writeOffs: string[] = []; // to reverse
    const pending: string[] = []; // bad-debt requests to decide
    const statuses = new Map<string, number>(); // "op status" → count
    const fiveHundreds: string[] = [];
    const OPS = twoProcesses ? 600 : 200; // PGlite runs one transaction at a time: fewer, to stay within ~20 s
    const weights: Array<[Op, number]> = [
      ['payment', 30], ['credit_note', 22], ['reverse', 14], ['bad_debt_request', 12], ['bad_debt_decision', 8], ['claim_confirm', 6], ['rebate', 4], ['rebate_write_off', 4],
    ];
    const total = weights.reduce((s, [, w]) => s + w, 0);
    const plan = Array.from({ length: OPS }, (_, i) => {
      let x = random() * total;
      const op = weights.find(([, w]) => (x -= w) < 0)![0];
      return { op, server: servers[i % servers.length]!, customer: pick(customers), receivable: '', amount: (50 + Math.floor(random() * 600)).toFixed(2), r: random() };
    });
    for (const p of plan) p.receivable = p.customer.receivables[Math.floor(p.r * p.customer.receivables.length)]!;

    const run = async (p: (typeof plan)[number]) => {
      const { finance, exec } = p.server;
      const customerId = p.customer.id;
      let res;
      switch (p.op) {
        case 'payment':
          res = await finance.post('/api/v1/payments', { customerId, amount: p.amount, currency: 'CNY', receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due' });
          if (res.body?.writeOffId) writeOffs.push(res.body.writeOffId);
          break;
        case 'credit_note':
          res = await finance.post(`/api/v1/receivables/${p.receivable}/credit-notes`, { amount: '10.00', reason: '红冲 lock order' });
          break;
        case 'reverse': {
          const id = writeOffs.length > 0 ? writeOffs.splice(Math.floor(p.r * writeOffs.length), 1)[0]! : null;
          if (!id) return;
          res = await finance.post(`/api/v1/write-offs/${id}/reverse`, { reason: 'lock order' });
          break;
        }
        case 'bad_debt_request':
          res = await finance.post(`/api/v1/receivables/${p.receivable}/bad-debt-requests`, { amount: '5.00', reason: 'lock order' });
          if (res.status === 201) pending.push(res.body.id);
          break;
        case 'bad_debt_decision': {
          const id = pending.shift();
          if (!id) return;
          res = await exec.post(`/api/v1/bad-debt-requests/${id}/${p.r < 0.8 ? 'approve' : 'reject'}`, { comment: null });
          break;
        }
        case 'claim_confirm': {
          const claimed = await finance.post('/api/v1/payments', { customerId, amount: p.amount, currency: 'CNY', receivedOn: '2026-11-21' });
          if (claimed.status >= 500) fiveHundreds.push(`claim ${claimed.status} ${JSON.stringify(claimed.body)}`);
          if (claimed.status !== 201) { res = claimed; break; }
          res = await finance.post(`/api/v1/payments/${claimed.body.id}/confirm`, { version: claimed.body.version });
          break;
        }
        case 'rebate':
          res = await finance.post(`/api/v1/customers/${customerId}/accounts/rebate/entries`, { amount: '20.00', memo: 'lock order' });
          break;
        case 'rebate_write_off':
          res = await finance.post('/api/v1/write-offs', { customerId, memo: 'rebate', lines: [{ receivableId: p.receivable, amount: '15.00', source: { type: 'rebate' } }] });
          if (res.status === 201) writeOffs.push(res.body.id);
          break;
      }
      const key = `${p.op} ${res.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (res.status >= 500) fiveHundreds.push(`${p.op} ${res.status} ${JSON.stringify(res.body)}`);
    };

    const retriesBefore = transactionRetries();
    const started = Date.now();
    let next = 0;
    const CLIENTS = 12;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (next < plan.length) await run(plan[next++]!);
    }));
    const seconds = (Date.now() - started) / 1000;
    const childRetries = (childOutput.match(/"msg":"transaction retried/g) ?? []).length;
    const retries = transactionRetries() - retriesBefore + childRetries;
    console.log(`lock order, ${servers.length} process(es): ${OPS} operations in ${seconds.toFixed(1)} s, ${fiveHundreds.length} × 5xx, ${retries} transaction retries;`,
      Object.fromEntries([...statuses].sort()));
    expect(fiveHundreds).toEqual([]);
    // the operations did happen: most payments wrote something off, credit notes and reversals went through
    expect(statuses.get('payment 201') ?? 0).toBeGreaterThan(OPS / 10);
    expect(statuses.get('credit_note 201') ?? 0).toBeGreaterThan(OPS / 20);
    expect(statuses.get('reverse 201') ?? 0).toBeGreaterThan(OPS / 40);

    await asSystem(db, async (tx) => {
      for (const c of customers) {
        // the engine's own check (what every write-off verifies before it commits)
        const gaps = await invariantGaps(tx, c.id);
        expect([Number(gaps.receivables), Number(gaps.prepaid)]).toEqual([0, 0]);
        const [x] = (await sql<Record<string, string>>`select
            (select sum(amount) from receivables where customer_id = ${c.id} and kind = 'invoice')::text as booked,
            (select sum(amount_open) from receivables where customer_id = ${c.id} and kind = 'invoice')::text as open,
            (select coalesce(sum(a.amount), 0) from allocations a join receivables r on r.id = a.receivable_id
              where r.customer_id = ${c.id} and a.source_type in ('payment', 'rebate'))::text as written_off,
            (select coalesce(sum(a.amount), 0) from allocations a join receivables r on r.id = a.receivable_id
              where r.customer_id = ${c.id} and a.source_type = 'credit_note')::text as credited,
            (select coalesce(sum(a.amount), 0) from allocations a join receivables r on r.id = a.receivable_id
              where r.customer_id = ${c.id} and a.source_type = 'bad_debt')::text as bad_debt,
            (select coalesce(sum(amount), 0) from account_entries where customer_id = ${c.id} and account = 'prepaid')::text as prepaid,
            (select coalesce(sum(amount_unapplied), 0) from payments where customer_id = ${c.id} and status = 'confirmed')::text as unapplied,
            (select coalesce(sum(amount), 0) from account_entries where customer_id = ${c.id} and account = 'rebate')::text as rebate
          `.execute(tx)).rows;
        // per customer: open = booked − written off − credit notes − bad debt, to the cent
        expect(Number(x!.open)).toBeCloseTo(Number(x!.booked) - Number(x!.written_off) - Number(x!.credited) - Number(x!.bad_debt), 2);
        expect(x!.prepaid).toBe(x!.unapplied);
        expect(Number(x!.rebate)).toBeGreaterThanOrEqual(0);
        // every receivable: its projection equals its facts and stays within [0, amount]
        const bad = (await sql<{ id: string }>`select r.id from receivables r where r.customer_id = ${c.id} and (
            r.amount_open < 0 or r.amount_open > abs(r.amount)
            or r.amount_open <> abs(r.amount) - coalesce((select sum(a.amount) from allocations a where (r.kind = 'invoice' and a.receivable_id = r.id) or (r.kind = 'credit_note' and a.credit_note_id = r.id)), 0)
            or r.bad_debt_amount <> coalesce((select sum(a.amount) from allocations a where a.receivable_id = r.id and a.source_type = 'bad_debt'), 0))`.execute(tx)).rows;
        expect(bad).toEqual([]);
        // every payment: applied + unapplied = amount, nothing over-applied
        const badPayments = (await sql<{ id: string }>`select p.id from payments p where p.customer_id = ${c.id} and (
            p.amount_unapplied < 0 or p.amount_unapplied > p.amount
            or p.amount_unapplied <> p.amount - coalesce((select sum(a.amount) from allocations a where a.payment_id = p.id), 0))`.execute(tx)).rows;
        expect(badPayments).toEqual([]);
      }
      // nothing reversed twice, and a reversal negates exactly what it reverses
      const twice = (await sql<{ n: number }>`select count(*)::int as n from allocations a join allocations o on o.id = a.reverses_id where a.amount <> -o.amount`.execute(tx)).rows[0]!.n;
      expect(twice).toBe(0);
    });
  }, 120_000);
});
