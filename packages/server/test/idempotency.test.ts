// Idempotency-Key belongs to one caller on one route: a retry by the same caller replays its first answer, the same
// key from anyone else (another user, an API token) is a new request that runs its own permission checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let t: TestTenant;
let finance: Client;
let rep: Client;
let admin: Client;
let customerId: string;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
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
