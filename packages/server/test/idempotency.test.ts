// Idempotency-Key belongs to one caller on one route: a retry by the same caller replays its first answer, the same
// key from anyone else (another user, an API token) is a new request that runs its own permission checks.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let t: TestTenant;
let finance: Client;
let rep: Client;
let admin: Client;
let customerId: string;
let db: Db;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  db = h.db;
  t = await makeTenant(h.db);
  finance = await login(baseUrl, t.users.finance);
  rep = await login(baseUrl, t.users.repEast);
  admin = await login(baseUrl, t.users.admin);
  customerId = (await rep.post('/api/v1/customers', { name: '幂等测试贸易有限公司' })).body.id;
});

const paymentsOfCustomer = async () => (await finance.get(`/api/v1/payments?customerId=${customerId}&limit=100`)).body.items as Array<{ id: string; amount: string; status: string }>;

describe('Idempotency-Key per caller', () => {
  it('a rep who may not confirm payments, sending finance\'s key and body, gets 403 — not finance\'s payment', async () => {
    const key = `fin-${t.slug}-confirm`;
    const body = { customerId, amount: '5000.00', receivedOn: '2026-12-01', bankReference: `BOC-${t.slug}-1`, confirm: true };
    const first = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('confirmed');
    const stolen = await rep.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(stolen.status).toBe(403);
    expect(stolen.body.code).toBe('payments.confirm_not_allowed');
    expect(stolen.headers.get('idempotent-replayed')).toBeNull();
    expect(JSON.stringify(stolen.body)).not.toContain(first.body.id);
    // Finance's own retry still replays the first answer.
    const retry = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await paymentsOfCustomer()).filter((p) => p.amount === '5000.00')).toHaveLength(1);
  });

  it('another caller allowed to do the same thing gets a new request of its own, not a replay', async () => {
    const key = `shared-${t.slug}-1`;
    const body = { customerId, amount: '700.00', receivedOn: '2026-12-02' };
    const byFinance = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    const byAdmin = await admin.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect([byFinance.status, byAdmin.status]).toEqual([201, 201]);
    expect(byAdmin.headers.get('idempotent-replayed')).toBeNull();
    expect(byAdmin.body.id).not.toBe(byFinance.body.id);
    expect((await paymentsOfCustomer()).filter((p) => p.amount === '700.00')).toHaveLength(2);
  });

  it('an API token is a caller of its own; its retries replay, its user\'s session does not share its keys', async () => {
    const token = (await finance.post('/api/v1/api-tokens', { name: 'bank sync', expiresInDays: 1 })).body.token as string;
    const key = `tok-${t.slug}-1`;
    const body = { customerId, amount: '321.00', receivedOn: '2026-12-03' };
    const viaToken = await call(baseUrl, 'POST', '/api/v1/payments', { token, body, headers: { 'idempotency-key': key } });
    const tokenRetry = await call(baseUrl, 'POST', '/api/v1/payments', { token, body, headers: { 'idempotency-key': key } });
    expect([viaToken.status, tokenRetry.status]).toEqual([201, 201]);
    expect(tokenRetry.body.id).toBe(viaToken.body.id);
    expect(tokenRetry.headers.get('idempotent-replayed')).toBe('true');
    const viaSession = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(viaSession.status).toBe(201);
    expect(viaSession.body.id).not.toBe(viaToken.body.id);
    expect((await paymentsOfCustomer()).filter((p) => p.amount === '321.00')).toHaveLength(2);
  });

  it('the same caller and key with a different body is 422 naming Idempotency-Key, and books nothing', async () => {
    const key = `mis-${t.slug}-1`;
    const body = { customerId, amount: '88.00', receivedOn: '2026-12-04' };
    expect((await finance.post('/api/v1/payments', body, { 'idempotency-key': key })).status).toBe(201);
    const changed = await finance.post('/api/v1/payments', { ...body, amount: '89.00' }, { 'idempotency-key': key });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('common.idempotency_mismatch');
    expect(changed.body.errors.map((e: { path: string }) => e.path)).toEqual(['Idempotency-Key']);
    expect((await paymentsOfCustomer()).filter((p) => p.amount === '89.00')).toHaveLength(0);
  });
});

describe('what a payment writes at its end', () => {
  it('its stored answer, events and audit entries come with it; a payment that pays nothing takes no write-off number', async () => {
    const payer = (await rep.post('/api/v1/customers', { name: '结尾写入测试有限公司' })).body.id as string;
    const invoice = async (amount: string, dueDate: string) => (await finance.post('/api/v1/receivables', { customerId: payer, amount, taxAmount: '0.00', dueDate, reason: '期初应收导入' })).body as { id: string };
    const [a, b] = [await invoice('300.00', '2026-09-30'), await invoice('200.00', '2026-10-31')];
    const key = `end-${t.slug}-1`;
    const body = { customerId: payer, amount: '450.00', receivedOn: '2026-12-04', bankReference: `ICBC-${t.slug}-end`, confirm: true, autoApply: 'oldest_due' };
    const paid = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'confirmed', amountApplied: '450.00', amountUnapplied: '0.00' });
    const first = (await finance.get(`/api/v1/write-offs/${paid.body.writeOffId}`)).body as { number: string; allocations: Array<{ receivableId: string; amount: string }> };
    expect(first.allocations.map((x) => [x.receivableId, x.amount])).toEqual(expect.arrayContaining([[a.id, '300.00'], [b.id, '150.00']]));

    // the audit trail: the payment, the write-off, each receivable it paid
    const actions = async (type: string, id: string) => (await admin.get(`/api/v1/audit?entityType=${type}&entityId=${id}`)).body.items.map((e: { action: string }) => e.action);
    expect(await actions('payment', paid.body.id)).toEqual(['create']);
    expect(await actions('write_off', paid.body.writeOffId)).toEqual(['create']);
    expect(await actions('receivable', a.id)).toContain('write_off');
    expect(await actions('receivable', b.id)).toContain('write_off');
    // the outbox, in the order emitted: the payment, the write-off, the receivables whose status changed (after their
    // own receivable.created events)
    const events = (await db.pool.query(`select event_type, entity_id::text from outbox_events where tenant_id = $1 and entity_id = any($2::uuid[])
      and event_type <> 'receivable.created' order by seq`,
      [t.tenantId, [paid.body.id, paid.body.writeOffId, a.id, b.id]])).rows.map((r: { event_type: string; entity_id: string }) => [r.event_type, r.entity_id]);
    expect(events).toEqual([['payment.registered', paid.body.id], ['write_off.created', paid.body.writeOffId],
      ['receivable.status_changed', a.id], ['receivable.status_changed', b.id]]);
    // the key's stored answer: a retry replays it, nothing is booked twice
    const retry = await finance.post('/api/v1/payments', body, { 'idempotency-key': key });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(paid.body);

    // a confirmed payment with autoApply for a customer with nothing open: no write-off, and no write-off number taken
    const nothingOpen = (await rep.post('/api/v1/customers', { name: '无应收测试有限公司' })).body.id as string;
    const idle = await finance.post('/api/v1/payments', { customerId: nothingOpen, amount: '80.00', receivedOn: '2026-12-04', confirm: true, autoApply: 'oldest_due' }, { 'idempotency-key': `end-${t.slug}-2` });
    expect(idle.status).toBe(201);
    expect(idle.body.writeOffId).toBeNull();
    const next = await finance.post('/api/v1/payments', { customerId: payer, amount: '50.00', receivedOn: '2026-12-05', confirm: true, autoApply: 'oldest_due' }, { 'idempotency-key': `end-${t.slug}-3` });
    const second = (await finance.get(`/api/v1/write-offs/${next.body.writeOffId}`)).body as { number: string };
    const seq = (n: string) => Number(n.split('-').pop());
    expect(seq(second.number)).toBe(seq(first.number) + 1);
  });
});
