// The webhook sender, in every server process: it fans committed outbox events out to the subscriptions that want
// them, then claims due deliveries and POSTs them. Claims use SKIP LOCKED and mark a delivery 'delivering' before it
// is sent, so with several processes (L2C_WORKERS) each event reaches each subscription once; a process that dies
// mid-send leaves a lease that runs out, and the delivery is tried again (the receiver deduplicates on L2C-Event-Id).
import { asSystem, type Db } from '../../platform/db.js';
import { dispatchOutbox, purgeOutbox, type DispatchedEvent } from '../../platform/outbox.js';
import { backoffMs, send } from './delivery.js';
import * as q from './webhooks.sql.js';

export interface WebhookOptions {
  /** Let subscriptions reach private and loopback addresses (L2C_WEBHOOK_ALLOW_PRIVATE=1; tests, a private network). */
  allowPrivate: boolean;
  /** Attempts before a delivery is dead. */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles (with jitter). */
  backoffMs: number;
  timeoutMs: number;
  batch: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { allowPrivate: false, maxAttempts: 8, backoffMs: 30_000, timeoutMs: 10_000, batch: 20 };

/** The body a subscriber receives: the event as it was when it happened. */
export function eventBody(e: { id: string; type: string; occurredAt: string; tenant: string; data: unknown }): string {
  return JSON.stringify({ id: e.id, type: e.type, createdAt: e.occurredAt, tenant: e.tenant, data: e.data });
}

async function fanOut(db: Db, opts: WebhookOptions): Promise<number> {
  return asSystem(db, (tx) => dispatchOutbox(tx, 500, async (events: DispatchedEvent[]) => {
    const subs = await q.activeSubscriptionsOf(tx, [...new Set(events.map((e) => e.tenant_id))]);
    const rows: q.NewDelivery[] = [];
    for (const e of events) {
      for (const s of subs) {
        if (s.tenant_id !== e.tenant_id || !s.events.includes(e.event_type)) continue;
        rows.push({
          tenantId: e.tenant_id, subscriptionId: s.id, eventId: e.id, eventSeq: e.seq, eventType: e.event_type, entityKey: `${e.entity_type}:${e.entity_id}`,
          body: eventBody({ id: e.id, type: e.event_type, occurredAt: e.occurred_at, tenant: s.slug, data: e.data }), maxAttempts: opts.maxAttempts, kind: 'event',
        });
      }
    }
    await q.insertDeliveries(tx, rows);
  }));
}

/** One round: fan out what committed, then send what is due (in parallel, one claim per batch). Returns what it did. */
export async function runWebhooksOnce(db: Db, opts: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS): Promise<{ dispatched: number; sent: number }> {
  let dispatched = 0;
  for (let n = await fanOut(db, opts); n > 0; n = await fanOut(db, opts)) dispatched += n;
  let sent = 0;
  for (;;) {
    const claimed = await asSystem(db, (tx) => q.claimDue(tx, opts.batch, Math.ceil(opts.timeoutMs / 1000) + 60));
    if (claimed.length === 0) break;
    await Promise.all(claimed.map(async (d) => {
      const r = await send({ url: d.url, secret: d.secret, body: d.body, eventId: d.event_id, eventType: d.event_type, deliveryId: d.id, attempt: d.attempts }, opts);
      const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
      const outcome = ok ? 'succeeded' : d.attempts >= d.max_attempts ? 'dead' : 'retry';
      await asSystem(db, (tx) => q.recordAttempt(tx, {
        tenantId: d.tenant_id, deliveryId: d.id, attempt: d.attempts, statusCode: r.statusCode, latencyMs: r.latencyMs, error: r.error,
        outcome, retryInMs: outcome === 'retry' ? backoffMs(d.attempts, opts.backoffMs) : 0,
      }));
      sent++;
    }));
  }
  return { dispatched, sent };
}

/**
 * The sender's loop in this process: a round every `pollMs` (one at a time), and the outbox's dispatched events
 * purged after a week. Returns the stop function.
 */
export function startWebhookWorker(db: Db, opts: WebhookOptions, log: { error(obj: object, msg: string): void }, pollMs = 1000): () => void {
  let running = false;
  let rounds = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        await runWebhooksOnce(db, opts);
        if (++rounds % 3600 === 1) await asSystem(db, (tx) => purgeOutbox(tx, 7));
      } catch (err) {
        log.error({ err }, 'webhook round failed');
      } finally {
        running = false;
      }
    })();
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}
