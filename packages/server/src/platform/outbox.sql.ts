// The outbox's statements (outbox.ts).
import { sql } from 'kysely';
import type { Tx } from './db.js';
import type { OutboxRow } from './outbox.js';

/** A transaction's events in one statement; `seq` follows the order emitted. */
export async function insertEvents(tx: Tx, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof OutboxRow>(k: K) => rows.map((r) => r[k]);
  await sql`insert into outbox_events (tenant_id, event_type, entity_type, entity_id, data, actor_id)
    select e.tenant_id, e.event_type, e.entity_type, e.entity_id, e.data::jsonb, e.actor_id
    from unnest(${col('tenantId')}::uuid[], ${col('type')}::text[], ${col('entityType')}::text[], ${col('entityId')}::uuid[], ${col('data')}::text[], ${col('actorId')}::uuid[])
      with ordinality as e(tenant_id, event_type, entity_type, entity_id, data, actor_id, n)
    order by e.n`.execute(tx);
}

export async function lockUndispatched(tx: Tx, limit: number) {
  const r = await sql<{ tenant_id: string; id: string; seq: number; event_type: string; entity_type: string; entity_id: string; data: unknown; occurred_at: string }>`
    select tenant_id, id, seq, event_type, entity_type, entity_id, data, occurred_at from outbox_events
    where dispatched_at is null order by seq limit ${limit} for update skip locked`.execute(tx);
  return r.rows;
}

export async function markDispatched(tx: Tx, keys: Array<[string, string]>): Promise<void> {
  await sql`update outbox_events o set dispatched_at = now()
    from unnest(${keys.map((k) => k[0])}::uuid[], ${keys.map((k) => k[1])}::uuid[]) as k(tenant_id, id)
    where o.tenant_id = k.tenant_id and o.id = k.id`.execute(tx);
}

export async function purgeDispatched(tx: Tx, days: number): Promise<number> {
  const r = await sql`delete from outbox_events where dispatched_at < now() - make_interval(days => ${days})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
