// The transactional outbox: a domain that changes a customer, contract, receivable, payment or write-off calls
// emitEvent inside its transaction; the events are written in one statement just before that transaction commits
// (deferToCommit; the same statement as its audit entries, commit-writes.ts), so an event exists exactly when its
// change committed — a rolled-back change leaves none. The webhooks domain fans them out to subscriptions after commit
// (dispatchOutbox) and delivers them on its own time.
// Event names are the closed registry WEBHOOK_EVENT_TYPES of @l2c/shared: a new domain adds its names there.
import type { WebhookEventType } from '@l2c/shared';
import type { Actor, Tx } from './db.js';
import { endWritesOf } from './commit-writes.js';
import * as q from './outbox.sql.js';

export interface OutboxEvent {
  type: WebhookEventType;
  entityType: 'customer' | 'contract' | 'receivable' | 'payment' | 'write_off';
  entityId: string;
  /** What a subscriber needs to act without calling back: the record's number, status, amounts, its customer. */
  data: Record<string, unknown>;
}

export interface OutboxRow { tenantId: string; type: string; entityType: string; entityId: string; data: string; actorId: string | null }

/** Queue an event in this transaction (written just before it commits, in the order emitted). */
export async function emitEvent(tx: Tx, actor: Actor, event: OutboxEvent): Promise<void> {
  const row: OutboxRow = { tenantId: actor.tenantId, type: event.type, entityType: event.entityType, entityId: event.entityId, data: JSON.stringify(event.data), actorId: actor.userId };
  // with the transaction's audit entries and Idempotency-Key, in one statement (commit-writes.ts)
  const writes = endWritesOf(tx);
  if (writes) writes.outbox.push(row);
  else await q.insertEvents(tx, [row]);
}

export type DispatchedEvent = Awaited<ReturnType<typeof q.lockUndispatched>>[number];

/**
 * Hand up to `limit` undispatched events, oldest first, to `fanOut` and mark them dispatched, in the caller's
 * transaction (a system one: events of every tenant). Rows another dispatcher holds are skipped (SKIP LOCKED), so two
 * processes never hand the same event on; if the transaction fails, the events stay for the next round.
 */
export async function dispatchOutbox(tx: Tx, limit: number, fanOut: (events: DispatchedEvent[]) => Promise<void>): Promise<number> {
  const events = await q.lockUndispatched(tx, limit);
  if (events.length === 0) return 0;
  await fanOut(events);
  await q.markDispatched(tx, events.map((e) => [e.tenant_id, e.id]));
  return events.length;
}

/** Forget dispatched events older than `days` (their deliveries keep the body they sent). */
export async function purgeOutbox(tx: Tx, days: number): Promise<number> {
  return q.purgeDispatched(tx, days);
}
