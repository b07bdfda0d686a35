// The audit trail's statements: its one insert per transaction (audit.ts) and the trail's listing (audit-routes.ts).
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from './db.js';
import type { AuditRow } from './audit.js';

/** Every entry of `rows` in one statement, in the order recorded. */
export async function insertAuditEntries(tx: Tx, rows: AuditRow[]): Promise<void> {
  const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
  await sql`insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes, request_id, at)
    select e.tenant_id, e.actor_id, e.action, e.entity_type, e.entity_id, e.changes::jsonb, e.request_id,
      t0.at + make_interval(secs => e.n / 1000000.0)
    from (select clock_timestamp() as at) t0, unnest(${col('tenantId')}::uuid[], ${col('actorId')}::uuid[], ${col('action')}::text[], ${col('entityType')}::text[],
      ${col('entityId')}::uuid[], ${col('changes')}::text[], ${col('requestId')}::text[])
      with ordinality as e(tenant_id, actor_id, action, entity_type, entity_id, changes, request_id, n)
    order by e.n`.execute(tx);
}

export interface AuditFilter {
  /** Only entries made by users this user can see (the caller's data scope), when set. */
  actorsVisibleTo: { userId: string; scope: DataScope } | null;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset: entries strictly before this (at, id). */
  after: [string, string] | null;
  limit: number;
}

/** Newest first, with the actor's name. */
export async function listAuditEntries(tx: Tx, f: AuditFilter) {
  let q = tx.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'u.name as actor_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.changes', 'a.request_id']);
  const v = f.actorsVisibleTo;
  if (v) q = q.where(sql<boolean>`a.actor_id = any(array(select visible_owner_ids(${v.userId}::uuid, ${v.scope})))`);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.after) q = q.where(sql<boolean>`(a.at, a.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(f.limit).execute();
}
