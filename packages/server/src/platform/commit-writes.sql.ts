// The one statement of a transaction's end (commit-writes.ts): its Idempotency-Key, its outbox events and its audit
// entries, each an insert over unnest(…), joined as data-modifying WITH clauses, and the reads it checks (checkAtEnd). Every part keeps the form and order
// rules of its own statement (idempotency.sql.ts, outbox.sql.ts, audit.sql.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './db.js';
import type { EndWrites } from './commit-writes.js';
import { PREPARE_ANYWAY } from './prepared.js';

/** The end writes and checks in one statement; the checks' values, in order. */
export async function insertEndWrites(tx: Tx, w: EndWrites): Promise<unknown[]> {
  const parts: RawBuilder<unknown>[] = [];
  if (w.keys.length > 0) {
    const col = <K extends keyof EndWrites['keys'][number]>(k: K) => w.keys.map((r) => r[k]);
    parts.push(sql`insert into idempotency_keys (tenant_id, caller, key, scope, request_hash, status_code, response)
      select k.tenant_id, k.caller, k.key, k.scope, k.request_hash, k.status_code, k.response::jsonb
      from unnest(${col('tenantId')}::uuid[], ${col('caller')}::text[], ${col('key')}::text[], ${col('scope')}::text[], ${col('requestHash')}::text[],
        ${col('statusCode')}::int[], ${col('response')}::text[]) as k(tenant_id, caller, key, scope, request_hash, status_code, response)`);
  }
  if (w.outbox.length > 0) {
    const col = <K extends keyof EndWrites['outbox'][number]>(k: K) => w.outbox.map((r) => r[k]);
    // `seq` follows the order emitted
    parts.push(sql`insert into outbox_events (tenant_id, event_type, entity_type, entity_id, data, actor_id)
      select e.tenant_id, e.event_type, e.entity_type, e.entity_id, e.data::jsonb, e.actor_id
      from unnest(${col('tenantId')}::uuid[], ${col('type')}::text[], ${col('entityType')}::text[], ${col('entityId')}::uuid[], ${col('data')}::text[], ${col('actorId')}::uuid[])
        with ordinality as e(tenant_id, event_type, entity_type, entity_id, data, actor_id, n)
      order by e.n`);
  }
  if (w.audit.length > 0) {
    const col = <K extends keyof EndWrites['audit'][number]>(k: K) => w.audit.map((r) => r[k]);
    // each entry at the statement's clock plus its position in microseconds: the trail's `at` order is the order recorded
    parts.push(sql`insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes, request_id, at)
      select e.tenant_id, e.actor_id, e.action, e.entity_type, e.entity_id, e.changes::jsonb, e.request_id,
        t0.at + make_interval(secs => e.n / 1000000.0)
      from (select clock_timestamp() as at) t0, unnest(${col('tenantId')}::uuid[], ${col('actorId')}::uuid[], ${col('action')}::text[], ${col('entityType')}::text[],
        ${col('entityId')}::uuid[], ${col('changes')}::text[], ${col('requestId')}::text[])
        with ordinality as e(tenant_id, actor_id, action, entity_type, entity_id, changes, request_id, n)
      order by e.n`);
  }
  // inserts from parameters, no plan to get wrong: named (prepared.ts) although they read unnest(…); one text per
  // combination of parts present
  if (w.checks.length > 0) {
    // every insert a WITH clause (each runs to completion, referenced or not), the checks the statement's select: they
    // read the transaction's state before this statement, which adds only its own end rows
    const withs = parts.length > 0 ? sql`with ${sql.join(parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`))} ` : sql``;
    const r = await sql<Record<string, unknown>>`${sql.raw(PREPARE_ANYWAY)} ${withs}select ${sql.join(w.checks.map((c, i) => sql`(${c.value}) as ${sql.raw(`c${i}`)}`))}`.execute(tx);
    return w.checks.map((_, i) => r.rows[0]![`c${i}`]);
  }
  const last = parts.pop();
  if (!last) return [];
  const statement = parts.length === 0
    ? sql`${sql.raw(PREPARE_ANYWAY)} ${last}`
    : sql`${sql.raw(PREPARE_ANYWAY)} with ${sql.join(parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`))} ${last}`;
  await statement.execute(tx);
  return [];
}

/** One check's value, read on its own (a transaction without end writes). */
export async function readCheck(tx: Tx, value: RawBuilder<unknown>): Promise<unknown> {
  const r = await sql<{ v: unknown }>`select (${value}) as v`.execute(tx);
  return r.rows[0]!.v;
}
