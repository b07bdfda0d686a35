// Statements of the webhooks domain: subscriptions, the fan-out of outbox events into deliveries, the claim of due
// deliveries (across tenants, as the system), their results and the delivery log.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const SUB_COLUMNS = ['id', 'url', 'description', 'events', 'secret', 'active', 'created_at', 'updated_at', 'version'] as const;

export async function listSubscriptions(tx: Tx) {
  return tx.selectFrom('webhook_subscriptions').select(SUB_COLUMNS).orderBy('created_at').orderBy('id').execute();
}
export type SubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>[number];

export async function findSubscription(tx: Tx, id: string, lock = false): Promise<SubscriptionRow | undefined> {
  const q = tx.selectFrom('webhook_subscriptions').select(SUB_COLUMNS).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertSubscription(tx: Tx, v: { tenantId: string; url: string; description: string | null; events: string[]; secret: string; active: boolean; userId: string | null }): Promise<string> {
  const r = await tx.insertInto('webhook_subscriptions').values({
    tenant_id: v.tenantId, url: v.url, description: v.description, events: v.events, secret: v.secret, active: v.active, created_by: v.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSubscription(tx: Tx, id: string, patch: { url?: string; description?: string | null; events?: string[]; active?: boolean; secret?: string }) {
  await tx.updateTable('webhook_subscriptions').set({ ...patch, updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function deliveryCounts(tx: Tx): Promise<Map<string, { pending: number; succeeded: number; dead: number }>> {
  const r = await sql<{ subscription_id: string; pending: number; succeeded: number; dead: number }>`
    select subscription_id, count(*) filter (where status in ('pending', 'delivering'))::int as pending,
      count(*) filter (where status = 'succeeded')::int as succeeded, count(*) filter (where status = 'dead')::int as dead
    from webhook_deliveries group by subscription_id`.execute(tx);
  return new Map(r.rows.map((x) => [x.subscription_id, { pending: x.pending, succeeded: x.succeeded, dead: x.dead }]));
}

export interface NewDelivery { tenantId: string; subscriptionId: string; eventId: string; eventSeq: number; eventType: string; entityKey: string; body: string; maxAttempts: number; kind: 'event' | 'redelivery' | 'test' }

/** Deliveries of events to the subscriptions that want them; an event already fanned out to a subscription is skipped. */
export async function insertDeliveries(tx: Tx, rows: NewDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof NewDelivery>(k: K) => rows.map((r) => r[k]);
  await sql`insert into webhook_deliveries (tenant_id, subscription_id, event_id, event_seq, event_type, entity_key, body, max_attempts, kind)
    select * from unnest(${col('tenantId')}::uuid[], ${col('subscriptionId')}::uuid[], ${col('eventId')}::uuid[], ${col('eventSeq')}::bigint[],
      ${col('eventType')}::text[], ${col('entityKey')}::text[], ${col('body')}::text[], ${col('maxAttempts')}::int[], ${col('kind')}::text[])
    on conflict (tenant_id, subscription_id, event_id) where kind = 'event' do nothing`.execute(tx);
}

/** Active subscriptions of these tenants (the dispatcher, as the system: every tenant's). */
export async function activeSubscriptionsOf(tx: Tx, tenantIds: string[]) {
  const r = await sql<{ tenant_id: string; id: string; events: string[]; slug: string }>`
    select s.tenant_id, s.id, s.events, t.slug from webhook_subscriptions s join tenants t on t.id = s.tenant_id
    where s.active and s.tenant_id = any(${tenantIds}::uuid[])`.execute(tx);
  return r.rows;
}

export interface Claimed {
  tenant_id: string; id: string; subscription_id: string; event_id: string; event_type: string; body: string; attempts: number; max_attempts: number; url: string; secret: string;
}

/**
 * Claim up to `limit` due deliveries of every tenant for one sender: pending ones whose time has come, and ones a
 * sender claimed but never finished (its lease ran out: the process died). Rows another sender is claiming are
 * skipped (SKIP LOCKED) and a claimed row is 'delivering' once this commits, so each attempt is made by one sender.
 * Per subscription and object only the oldest unfinished event is due: an object's events arrive in order.
 */
export async function claimDue(tx: Tx, limit: number, leaseSeconds: number): Promise<Claimed[]> {
  const r = await sql<Claimed>`
    with due as (
      select d.tenant_id, d.id from webhook_deliveries d
      join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id and s.active
      where ((d.status = 'pending' and d.next_attempt_at <= now()) or (d.status = 'delivering' and d.lease_until < now()))
        and (d.kind <> 'event' or not exists (
          select 1 from webhook_deliveries e
          where e.tenant_id = d.tenant_id and e.subscription_id = d.subscription_id and e.entity_key = d.entity_key and e.kind = 'event'
            and e.event_seq < d.event_seq and e.status in ('pending', 'delivering')))
      order by d.next_attempt_at, d.event_seq
      limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries w set status = 'delivering', attempts = w.attempts + 1, lease_until = now() + make_interval(secs => ${leaseSeconds})
    from due, webhook_subscriptions s
    where w.tenant_id = due.tenant_id and w.id = due.id and s.tenant_id = w.tenant_id and s.id = w.subscription_id
    returning w.tenant_id, w.id, w.subscription_id, w.event_id, w.event_type, w.body, w.attempts, w.max_attempts, s.url, s.secret`.execute(tx);
  return r.rows;
}

export interface AttemptResult { tenantId: string; deliveryId: string; attempt: number; statusCode: number | null; latencyMs: number; error: string | null; outcome: 'succeeded' | 'dead' | 'retry'; retryInMs: number }

/** Record an attempt and move its delivery on: done, dead, or due again later. */
export async function recordAttempt(tx: Tx, a: AttemptResult): Promise<void> {
  await tx.insertInto('webhook_attempts').values({
    tenant_id: a.tenantId, delivery_id: a.deliveryId, attempt: a.attempt, status_code: a.statusCode, latency_ms: a.latencyMs, error: a.error,
  }).execute();
  await sql`update webhook_deliveries set
      status = ${a.outcome === 'retry' ? 'pending' : a.outcome},
      next_attempt_at = case when ${a.outcome} = 'retry' then now() + make_interval(secs => ${a.retryInMs / 1000}) else next_attempt_at end,
      lease_until = null, last_status_code = ${a.statusCode}, last_error = ${a.error}, last_latency_ms = ${a.latencyMs}, last_attempt_at = now(),
      delivered_at = case when ${a.outcome} = 'succeeded' then now() else delivered_at end
    where tenant_id = ${a.tenantId} and id = ${a.deliveryId}`.execute(tx);
}

export async function findDelivery(tx: Tx, id: string) {
  return tx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The delivery log, newest first (keyset on created_at, id). */
export async function listDeliveries(tx: Tx, f: { subscriptionId?: string | undefined; status?: string | undefined; after: [string, string] | null; limit: number }) {
  let q = tx.selectFrom('webhook_deliveries as d').innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.subscription_id', 's.url', 'd.event_id', 'd.event_type', 'd.kind', 'd.status', 'd.attempts', 'd.max_attempts', 'd.last_status_code',
      'd.last_error', 'd.last_latency_ms', 'd.last_attempt_at', 'd.next_attempt_at', 'd.delivered_at', 'd.created_at', 'd.body']);
  if (f.subscriptionId) q = q.where('d.subscription_id', '=', f.subscriptionId);
  if (f.status) q = q.where('d.status', '=', f.status as 'pending');
  if (f.after) q = q.where(sql<boolean>`(d.created_at, d.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return q.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(f.limit + 1).execute();
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

export async function attemptsOf(tx: Tx, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return tx.selectFrom('webhook_attempts').select(['delivery_id', 'attempt', 'at', 'status_code', 'latency_ms', 'error'])
    .where('delivery_id', 'in', deliveryIds).orderBy('attempt').execute();
}

/** One delivery (a test event or a redelivery), due now. */
export async function insertDelivery(tx: Tx, d: NewDelivery): Promise<string> {
  const r = await tx.insertInto('webhook_deliveries').values({
    tenant_id: d.tenantId, subscription_id: d.subscriptionId, event_id: d.eventId, event_seq: d.eventSeq, event_type: d.eventType,
    entity_key: d.entityKey, body: d.body, max_attempts: d.maxAttempts, kind: d.kind,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findDeliveryView(tx: Tx, id: string): Promise<DeliveryRow | undefined> {
  return tx.selectFrom('webhook_deliveries as d').innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.subscription_id', 's.url', 'd.event_id', 'd.event_type', 'd.kind', 'd.status', 'd.attempts', 'd.max_attempts', 'd.last_status_code',
      'd.last_error', 'd.last_latency_ms', 'd.last_attempt_at', 'd.next_attempt_at', 'd.delivered_at', 'd.created_at', 'd.body'])
    .where('d.id', '=', id).executeTakeFirst();
}

export async function tenantSlug(tx: Tx): Promise<string> {
  const r = await sql<{ slug: string }>`select slug from tenants where id = app_tenant_id()`.execute(tx);
  return r.rows[0]?.slug ?? '';
}
