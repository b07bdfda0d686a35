// Subscriptions (URL, events, a secret shown once and rotatable), the delivery log, "send test event" and
// "redeliver". Admins only (settings); every change to a subscription is audited, the secret never.
import crypto from 'node:crypto';
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookSubscription } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { newSecret, urlProblem } from './delivery.js';
import { webhookError } from './webhooks.errors.js';
import { eventBody, type WebhookOptions } from './worker.js';
import * as q from './webhooks.sql.js';

function checkUrl(url: string, opts: WebhookOptions): void {
  const problem = urlProblem(url, opts.allowPrivate);
  if (problem) throw webhookError('bad_url', `${url}: ${problem}`, { errors: [{ path: 'url', message: problem }] });
}

function toView(s: q.SubscriptionRow, counts: Map<string, { pending: number; succeeded: number; dead: number }>): WebhookSubscription {
  return {
    id: s.id, url: s.url, description: s.description, events: s.events, active: s.active, secretHint: `…${s.secret.slice(-4)}`,
    createdAt: s.created_at, updatedAt: s.updated_at, version: s.version, stats: counts.get(s.id) ?? { pending: 0, succeeded: 0, dead: 0 },
  };
}

const audited = (s: Pick<q.SubscriptionRow, 'url' | 'description' | 'events' | 'active'>) => ({ url: s.url, description: s.description, events: s.events, active: s.active });

export async function listSubscriptions(db: Db, auth: AuthContext): Promise<{ items: WebhookSubscription[] }> {
  return inTenant(db, auth, async (tx) => {
    const counts = await q.deliveryCounts(tx);
    return { items: (await q.listSubscriptions(tx)).map((s) => toView(s, counts)) };
  });
}

async function load(tx: Tx, id: string, lock = false): Promise<q.SubscriptionRow> {
  const s = await q.findSubscription(tx, id, lock);
  if (!s) throw webhookError('not_found');
  return s;
}

export async function getSubscription(db: Db, auth: AuthContext, id: string): Promise<WebhookSubscription> {
  return inTenant(db, auth, async (tx) => toView(await load(tx, id), await q.deliveryCounts(tx)));
}

export async function createSubscription(db: Db, auth: AuthContext, input: { url: string; description: string | null; events: string[]; active: boolean }, opts: WebhookOptions) {
  checkUrl(input.url, opts);
  return inTenant(db, auth, async (tx) => {
    const secret = newSecret();
    const events = [...new Set(input.events)];
    const id = await q.insertSubscription(tx, { tenantId: auth.tenantId, url: input.url, description: input.description, events, secret, active: input.active, userId: auth.userId });
    await recordAudit(tx, auth, { action: 'create', entityType: 'webhook_subscription', entityId: id, before: null, after: audited({ ...input, events }) });
    return { ...toView((await q.findSubscription(tx, id))!, new Map()), secret };
  });
}

export async function updateSubscription(db: Db, auth: AuthContext, id: string, patch: { url?: string | undefined; description?: string | null | undefined; events?: string[] | undefined; active?: boolean | undefined; version?: number | undefined }, opts: WebhookOptions) {
  if (patch.url !== undefined) checkUrl(patch.url, opts);
  return inTenant(db, auth, async (tx) => {
    const before = await load(tx, id, true);
    if (patch.version !== undefined && patch.version !== before.version) throw webhookError('conflict');
    const change = {
      ...(patch.url !== undefined ? { url: patch.url } : {}), ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}), ...(patch.active !== undefined ? { active: patch.active } : {}),
    };
    await q.updateSubscription(tx, id, change);
    const after = (await q.findSubscription(tx, id))!;
    await recordAudit(tx, auth, { action: 'update', entityType: 'webhook_subscription', entityId: id, before: audited(before), after: audited(after) });
    return toView(after, await q.deliveryCounts(tx));
  });
}

/** A new secret at once; the old one stops signing. Audited without the secret. */
export async function rotateSecret(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const before = await load(tx, id, true);
    const secret = newSecret();
    await q.updateSubscription(tx, id, { secret });
    await recordAudit(tx, auth, { action: 'rotate_secret', entityType: 'webhook_subscription', entityId: id, changes: [{ field: 'secretHint', before: `…${before.secret.slice(-4)}`, after: `…${secret.slice(-4)}` }] });
    return { ...toView((await q.findSubscription(tx, id))!, await q.deliveryCounts(tx)), secret };
  });
}

function deliveryView(d: q.DeliveryRow, attempts: Awaited<ReturnType<typeof q.attemptsOf>>): WebhookDelivery {
  return {
    id: d.id, subscriptionId: d.subscription_id, url: d.url, eventId: d.event_id, eventType: d.event_type, kind: d.kind, status: d.status,
    attempts: d.attempts, maxAttempts: d.max_attempts, lastStatusCode: d.last_status_code, lastError: d.last_error, lastLatencyMs: d.last_latency_ms,
    lastAttemptAt: d.last_attempt_at, nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null, deliveredAt: d.delivered_at, createdAt: d.created_at, body: d.body,
    history: attempts.filter((a) => a.delivery_id === d.id).map((a) => ({ attempt: a.attempt, at: a.at, statusCode: a.status_code, latencyMs: a.latency_ms, error: a.error })),
  };
}

async function deliveryById(tx: Tx, id: string): Promise<WebhookDelivery> {
  const d = await q.findDeliveryView(tx, id);
  if (!d) throw webhookError('not_found');
  return deliveryView(d, await q.attemptsOf(tx, [id]));
}

export async function listDeliveries(db: Db, auth: AuthContext, query: { subscriptionId?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
  return inTenant(db, auth, async (tx) => {
    const rows = await q.listDeliveries(tx, { subscriptionId: query.subscriptionId, status: query.status, after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const attempts = await q.attemptsOf(tx, page.map((r) => r.id));
    const last = page[page.length - 1];
    return { items: page.map((d) => deliveryView(d, attempts)), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  });
}

/** A made-up event to this subscription now, to check the receiver and its signature check. */
export async function sendTestEvent(db: Db, auth: AuthContext, id: string): Promise<WebhookDelivery> {
  return inTenant(db, auth, async (tx) => {
    const s = await load(tx, id);
    if (!s.active) throw webhookError('inactive');
    const eventId = crypto.randomUUID();
    const body = eventBody({ id: eventId, type: WEBHOOK_TEST_EVENT, occurredAt: new Date().toISOString(), tenant: await q.tenantSlug(tx), data: { message: 'Test event from L2C', subscriptionId: id } });
    const deliveryId = await q.insertDelivery(tx, { tenantId: auth.tenantId, subscriptionId: id, eventId, eventSeq: 0, eventType: WEBHOOK_TEST_EVENT, entityKey: `test:${eventId}`, body, maxAttempts: 1, kind: 'test' });
    await recordAudit(tx, auth, { action: 'send_test', entityType: 'webhook_subscription', entityId: id, changes: [{ field: 'event', before: null, after: eventId }] });
    return deliveryById(tx, deliveryId);
  });
}

/** The same event (same id and body) once more, as a delivery of its own with fresh attempts. */
export async function redeliver(db: Db, auth: AuthContext, deliveryId: string, opts: WebhookOptions): Promise<WebhookDelivery> {
  return inTenant(db, auth, async (tx) => {
    const d = await q.findDelivery(tx, deliveryId);
    if (!d) throw webhookError('not_found');
    const s = await load(tx, d.subscription_id);
    if (!s.active) throw webhookError('inactive');
    const id = await q.insertDelivery(tx, {
      tenantId: auth.tenantId, subscriptionId: d.subscription_id, eventId: d.event_id, eventSeq: d.event_seq, eventType: d.event_type,
      entityKey: `redelivery:${crypto.randomUUID()}`, body: d.body, maxAttempts: opts.maxAttempts, kind: 'redelivery',
    });
    await recordAudit(tx, auth, { action: 'redeliver', entityType: 'webhook_subscription', entityId: d.subscription_id, changes: [{ field: 'event', before: null, after: d.event_id }] });
    return deliveryById(tx, id);
  });
}

