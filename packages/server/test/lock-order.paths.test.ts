// Each money path takes the customer's lock before any receivable, payment or request row (docs/adr/0004-lock-order.md).
// Deterministic check on PostgreSQL: a second connection holds the customer's money lock; the request must then wait
// for it while its own receivable / payment / request / contract row is still free (FOR UPDATE NOWAIT succeeds on it).
// Before the fix a credit note had locked its invoice, a bad-debt decision its request, and bad-debt requests, payment
// confirmations and signing went through without the customer at all. (PGlite has one connection: nothing to probe.)
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedContract, contractsWorld, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';
import type { Res } from './helpers.js';

const url = process.env.DATABASE_URL;
let w: ContractsWorld;
let customerId: string;
const clients: pg.Client[] = [];

async function connect() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}

/** Another connection takes the customer's money lock (as lockCustomer does) and keeps it until released. */
async function holdCustomer(id: string) {
  const c = await connect();
  await c.query('begin');
  await c.query('select id from customers where id = $1 for no key update', [id]);
  const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  return { pid, release: () => c.query('commit') };
}

/** Whether some session is waiting for the holder's lock, within 5 s. */
async function blockedBy(pid: number): Promise<boolean> {
  const c = await connect();
  for (let i = 0; i < 100; i++) {
    const n = (await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid])).rows[0]!.n;
    if (n > 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Whether nobody holds a lock on this row: FOR UPDATE NOWAIT gets it (and lets it go at once). */
async function rowFree(table: 'receivables' | 'payments' | 'bad_debt_requests' | 'contracts', id: string): Promise<boolean> {
  const c = await connect();
  await c.query('begin');
  try {
    await c.query(`select id from ${table} where id = $1 for update nowait`, [id]);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return false;
    throw err;
  } finally {
    await c.query('rollback');
  }
}

/** Start `request` while the customer is held; check it waits with `row` free; then let it finish. */
async function waitsForCustomerFirst(request: () => Promise<Res>, row?: Parameters<typeof rowFree>): Promise<Res> {
  const hold = await holdCustomer(customerId);
  const pending = request();
  try {
    expect(await blockedBy(hold.pid), 'the request waits for the customer').toBe(true);
    if (row) expect(await rowFree(...row), `${row[0]} ${row[1]} is not locked while the request waits for the customer`).toBe(true);
  } finally {
    await hold.release();
  }
  return pending;
}

async function invoice(amount = '1000.00') {
  const res = await w.finance.post('/api/v1/receivables', { customerId, amount, dueDate: '2026-10-31', reason: 'lock order' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  if (!url) return;
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '1000000.00');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
});

describe.skipIf(!url)('every money path locks the customer before its other rows', () => {
  it('credit note 红冲: the invoice stays free while it waits for the customer', async () => {
    const r = await invoice();
    const res = await waitsForCustomerFirst(() => w.finance.post(`/api/v1/receivables/${r}/credit-notes`, { amount: '100.00', reason: '开票错误' }), ['receivables', r]);
    expect(res.status).toBe(201);
    expect((await w.finance.get(`/api/v1/receivables/${r}`)).body.amountOpen).toBe('900.00');
  });

  it('bad-debt request and decision: receivable and request stay free while they wait', async () => {
    const r = await invoice();
    const req = await waitsForCustomerFirst(() => w.finance.post(`/api/v1/receivables/${r}/bad-debt-requests`, { amount: '300.00', reason: '客户破产' }), ['receivables', r]);
    expect(req.status).toBe(201);
    const decided = await waitsForCustomerFirst(() => w.exec.post(`/api/v1/bad-debt-requests/${req.body.id}/approve`, { comment: 'ok' }), ['bad_debt_requests', req.body.id]);
    expect(decided.status).toBe(200);
    expect((await w.finance.get(`/api/v1/receivables/${r}`)).body).toMatchObject({ amountOpen: '700.00', badDebtAmount: '300.00' });
  });

  it('payment confirmation: the payment stays free while it waits', async () => {
    const claimed = await w.rep.post('/api/v1/payments', { customerId, amount: '500.00', receivedOn: '2026-11-20' });
    expect(claimed.status).toBe(201);
    const res = await waitsForCustomerFirst(() => w.finance.post(`/api/v1/payments/${claimed.body.id}/confirm`, { version: claimed.body.version }), ['payments', claimed.body.id]);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('confirmed');
  });

  it('payment with autoApply, write-off and reversal wait for the customer too', async () => {
    const r = await invoice();
    const paid = await waitsForCustomerFirst(() => w.finance.post('/api/v1/payments', { customerId, amount: '200.00', receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due' }));
    expect(paid.status).toBe(201);
    const reversed = await waitsForCustomerFirst(() => w.finance.post(`/api/v1/write-offs/${paid.body.writeOffId}/reverse`, { reason: 'lock order' }), ['receivables', r]);
    expect(reversed.status).toBe(201);
  });

  it('contract signing: the contract stays free while it waits for its customer', async () => {
    const c = await approvedContract(w, orderBody(customerId));
    const res = await waitsForCustomerFirst(() => w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody()), ['contracts', c.id]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await w.contractStatus(c.id)).toBe('signed');
  });
});
