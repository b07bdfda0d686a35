// Webhooks end to end on a real local HTTP server (node:http): changes written to the outbox in their own transaction,
// fanned out and POSTed after commit, signed (t=…,v1=HMAC-SHA256 over "t.body"), retried with backoff after a 500,
// in order per object, nothing for a rolled-back transaction, each event once per subscription with two senders,
// a test event and a redelivery in the delivery log, and private targets refused unless the server allows them.
import crypto from 'node:crypto';
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type L2C } from '../src/app.js';
import { asSystem, inTenant, openDb, type Db } from '../src/platform/db.js';
import { emitEvent } from '../src/platform/outbox.js';
import { runWebhooksOnce, isPrivateAddress, DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from '../src/domains/webhooks/index.js';
import { login, makeTenant, testApp, call, type Client, type TestTenant } from './helpers.js';

interface Received { at: number; headers: http.IncomingHttpHeaders; body: string; event: { id: string; type: string; data: Record<string, unknown> }; answered: number }

let receiver: http.Server;
let hookUrl: string;
const received: Received[] = [];
/** The answers the receiver gives next (then 200). */
const nextAnswers: number[] = [];
let own: L2C;
let baseUrl: string;
let db: Db;
let t: TestTenant;
let admin: Client;
let rep: Client;
let secret: string;
let subscriptionId: string;
const opts: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, allowPrivate: true, backoffMs: 40, maxAttempts: 3, timeoutMs: 5000 };

function verify(header: string, body: string, key: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = crypto.createHmac('sha256', key).update(`${parts.t}.${body}`).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1 ?? '')) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

const mine = () => received.filter((r) => r.body.includes(t.slug) || r.event.type === 'webhook.test');
const ofEntity = (id: string) => received.filter((r) => r.event.data.id === id);

/** Send rounds until nothing is due for a while (retries are 40–120 ms apart). */
async function drain(rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await runWebhooksOnce(db, opts);
    await new Promise((r) => setTimeout(r, 90));
  }
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const answer = nextAnswers.shift() ?? 200;
      received.push({ at: Date.now(), headers: req.headers, body, event: JSON.parse(body), answered: answer });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const addr = receiver.address();
  hookUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hooks/l2c`;
  const shared = await testApp();
  db = shared.db;
  // an app of its own that allows loopback targets (L2C_WEBHOOK_ALLOW_PRIVATE=1), on the suite's database
  own = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null, webhookAllowPrivate: true, webhookSender: false }, { db });
  await own.app.listen({ port: 0, host: '127.0.0.1' });
  const a = own.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  t = await makeTenant(db);
  admin = await login(baseUrl, t.users.admin);
  rep = await login(baseUrl, t.users.repEast);
  await runWebhooksOnce(db, opts); // whatever other files left in the outbox
});

afterAll(async () => {
  await own?.close();
  await new Promise((r) => receiver.close(r));
});

describe('subscriptions', () => {
  it('refuses private and loopback targets unless the server allows them', async () => {
    const shared = await testApp();
    const sharedAdmin = await login(shared.baseUrl, t.users.admin);
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:8080/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://10.1.2.3/x', 'http://192.168.1.10/x']) {
      const res = await sharedAdmin.post('/api/v1/webhooks/subscriptions', { url, events: ['customer.created'] });
      expect(res.status, url).toBe(400);
      expect(res.body.code).toBe('webhooks.bad_url');
      expect(res.body.errors[0].path).toBe('url');
    }
    expect((await sharedAdmin.post('/api/v1/webhooks/subscriptions', { url: 'ftp://example.com/x', events: ['customer.created'] })).status).toBe(400);
    expect((await sharedAdmin.post('/api/v1/webhooks/subscriptions', { url: 'https://example.com/x', events: ['no.such_event'] })).status).toBe(400);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
  });

  it('an admin subscribes; the secret is shown once; a rep may not', async () => {
    expect((await rep.post('/api/v1/webhooks/subscriptions', { url: hookUrl, events: ['customer.created'] })).status).toBe(403);
    const res = await admin.post('/api/v1/webhooks/subscriptions', {
      url: hookUrl, description: 'ERP', events: ['customer.created', 'customer.updated', 'payment.registered', 'payment.confirmed', 'write_off.created', 'receivable.status_changed', 'contract.status_changed'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    secret = res.body.secret;
    subscriptionId = res.body.id;
    const list = await admin.get('/api/v1/webhooks/subscriptions');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].secret).toBeUndefined();
    expect(list.body.items[0].secretHint).toBe(`…${secret.slice(-4)}`);
    const audit = await admin.get(`/api/v1/audit?entityType=webhook_subscription&entityId=${subscriptionId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(JSON.stringify(audit.body.items)).not.toContain(secret);
  });
});

describe('delivery', () => {
  let customerId: string;

  it('a new customer and its two edits reach the receiver signed, in order, once each', async () => {
    const c = await rep.post('/api/v1/customers', { name: `钩子客户${Date.now().toString(36)}有限公司`, grade: 'B', allowDuplicate: true });
    expect(c.status).toBe(201);
    customerId = c.body.id;
    expect((await rep.patch(`/api/v1/customers/${customerId}`, { region: '制造业', version: 1 })).status).toBe(200);
    expect((await rep.patch(`/api/v1/customers/${customerId}`, { region: '装备制造', version: 2 })).status).toBe(200);
    expect(ofEntity(customerId)).toHaveLength(0); // nothing is sent from the request itself
    await drain(2);
    const got = ofEntity(customerId);
    expect(got.map((r) => r.event.type)).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
    expect(new Set(got.map((r) => r.event.id)).size).toBe(3);
    for (const r of got) {
      expect(verify(String(r.headers['l2c-signature']), r.body, secret)).toBe(true);
      expect(verify(String(r.headers['l2c-signature']), r.body, 'whsec_wrong')).toBe(false);
      expect(r.headers['l2c-event-id']).toBe(r.event.id);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(got[1]!.event.data.changed).toEqual(['region']);
    expect(JSON.parse(got[0]!.body).tenant).toBe(t.slug);
  });

  it('a 500 is retried with backoff, and the object\'s next event waits for it', async () => {
    nextAnswers.push(500);
    expect((await rep.patch(`/api/v1/customers/${customerId}`, { region: '机床', version: 3 })).status).toBe(200);
    expect((await rep.patch(`/api/v1/customers/${customerId}`, { region: '数控机床', version: 4 })).status).toBe(200);
    await runWebhooksOnce(db, opts);
    const first = ofEntity(customerId).slice(3);
    expect(first.map((r) => r.answered)).toEqual([500]); // the second edit is held behind the failed first
    await drain(4);
    const after = ofEntity(customerId).slice(3);
    expect(after.map((r) => [r.answered, (r.event.data as { changed: string[] }).changed[0]])).toEqual([[500, 'region'], [200, 'region'], [200, 'region']]);
    expect(after[0]!.event.id).toBe(after[1]!.event.id);
    expect(after[1]!.headers['l2c-delivery-attempt']).toBe('2');
    expect(after[1]!.at - after[0]!.at).toBeGreaterThanOrEqual(15); // 40 ms × [0.5, 1.5)

    const log = await admin.get(`/api/v1/webhooks/deliveries?subscriptionId=${subscriptionId}&limit=200`);
    const retried = log.body.items.find((d: { eventId: string }) => d.eventId === after[0]!.event.id);
    expect(retried).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200, eventType: 'customer.updated', nextAttemptAt: null });
    expect(retried.history.map((h: { statusCode: number }) => h.statusCode)).toEqual([500, 200]);
    expect(retried.lastLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it('after the last attempt a delivery is dead; redeliver sends the same event again', async () => {
    nextAnswers.push(500, 500, 500);
    expect((await rep.patch(`/api/v1/customers/${customerId}`, { region: '刀具', version: 5 })).status).toBe(200);
    await drain(6);
    const log = await admin.get(`/api/v1/webhooks/deliveries?subscriptionId=${subscriptionId}&status=dead`);
    expect(log.body.items).toHaveLength(1);
    const dead = log.body.items[0];
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, maxAttempts: 3, lastStatusCode: 500 });
    const again = await admin.post(`/api/v1/webhooks/deliveries/${dead.id}/redeliver`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ kind: 'redelivery', status: 'pending', eventId: dead.eventId });
    await drain(1);
    const sent = received.filter((r) => r.event.id === dead.eventId);
    expect(sent.map((r) => r.answered)).toEqual([500, 500, 500, 200]);
    expect(sent[3]!.body).toBe(sent[0]!.body);
  });

  it('a rolled-back transaction sends nothing', async () => {
    const ghost = crypto.randomUUID();
    await expect(inTenant(db, { tenantId: t.tenantId, userId: t.users.admin.id }, async (tx) => {
      await emitEvent(tx, { tenantId: t.tenantId, userId: t.users.admin.id }, { type: 'customer.updated', entityType: 'customer', entityId: ghost, data: { id: ghost } });
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    await drain(1);
    expect(ofEntity(ghost)).toHaveLength(0);
    const rows = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from outbox_events where entity_id = ${ghost}`.execute(tx)).rows[0]!.n);
    expect(rows).toBe(0);
  });

  it('two senders at once deliver each event to the subscription exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await rep.post('/api/v1/customers', { name: `并发钩子${i}${Date.now().toString(36)}有限公司`, grade: 'C', allowDuplicate: true });
      ids.push(c.body.id);
    }
    // a second process's pool on PostgreSQL; PGlite has one connection (one process) anyway
    const other = process.env.DATABASE_URL ? await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: '' }) : db;
    try {
      for (let i = 0; i < 3; i++) await Promise.all([runWebhooksOnce(db, opts), runWebhooksOnce(other, opts), runWebhooksOnce(db, opts)]);
    } finally {
      if (other !== db) await other.close();
    }
    for (const id of ids) expect(ofEntity(id).map((r) => r.event.type), id).toEqual(['customer.created']);
  });

  it('money: a payment registered and confirmed, its write-off and the receivable\'s new status', async () => {
    const w = await rep.post('/api/v1/payments', { customerId, amount: '1200.00', receivedOn: '2026-12-01' });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    const finance = await login(baseUrl, t.users.finance);
    const conf = await finance.post(`/api/v1/payments/${w.body.id}/confirm`, { version: w.body.version });
    expect(conf.status, JSON.stringify(conf.body)).toBe(200);
    await drain(1);
    expect(ofEntity(w.body.id).map((r) => [r.event.type, r.event.data.status, r.event.data.amount])).toEqual([
      ['payment.registered', 'claimed', '1200.00'], ['payment.confirmed', 'confirmed', '1200.00'],
    ]);
  });
});

describe('test event, secret rotation, switching off', () => {
  it('send test event shows in the delivery log with its response code and latency', async () => {
    const res = await admin.post(`/api/v1/webhooks/subscriptions/${subscriptionId}/test`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'test', eventType: 'webhook.test', status: 'pending' });
    await drain(1);
    const log = await admin.get(`/api/v1/webhooks/deliveries?subscriptionId=${subscriptionId}&limit=1`);
    expect(log.body.items[0]).toMatchObject({ id: res.body.id, status: 'succeeded', lastStatusCode: 200, attempts: 1 });
    const got = received.find((r) => r.event.id === res.body.eventId)!;
    expect(verify(String(got.headers['l2c-signature']), got.body, secret)).toBe(true);
  });

  it('a rotated secret signs from then on; the old one no longer verifies', async () => {
    const rot = await admin.post(`/api/v1/webhooks/subscriptions/${subscriptionId}/rotate-secret`, {});
    expect(rot.status).toBe(200);
    expect(rot.body.secret).not.toBe(secret);
    const test = await admin.post(`/api/v1/webhooks/subscriptions/${subscriptionId}/test`, {});
    await drain(1);
    const got = received.find((r) => r.event.id === test.body.eventId)!;
    expect(verify(String(got.headers['l2c-signature']), got.body, rot.body.secret)).toBe(true);
    expect(verify(String(got.headers['l2c-signature']), got.body, secret)).toBe(false);
    secret = rot.body.secret;
  });

  it('a switched-off subscription gets nothing; another tenant sees none of it', async () => {
    const sub = await admin.get(`/api/v1/webhooks/subscriptions/${subscriptionId}`);
    const off = await admin.patch(`/api/v1/webhooks/subscriptions/${subscriptionId}`, { active: false, version: sub.body.version });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const before = mine().length;
    await rep.post('/api/v1/customers', { name: `关掉之后${Date.now().toString(36)}有限公司`, grade: 'C', allowDuplicate: true });
    await drain(1);
    expect(mine().length).toBe(before);
    expect((await admin.post(`/api/v1/webhooks/subscriptions/${subscriptionId}/test`, {})).status).toBe(409);
    const stranger = await makeTenant(db);
    const otherAdmin = await login(baseUrl, stranger.users.admin);
    expect((await otherAdmin.get(`/api/v1/webhooks/subscriptions/${subscriptionId}`)).status).toBe(404);
    expect((await otherAdmin.get('/api/v1/webhooks/deliveries')).body.items).toEqual([]);
    expect((await call(baseUrl, 'GET', '/api/v1/webhooks/subscriptions')).status).toBe(401);
  });
});
