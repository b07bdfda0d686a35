// Notification queries only. A notification belongs to one user; its dedupe_key makes "the same notice twice" a no-op.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface NotificationRow {
  id: string; kind: string; title: string; body: string | null; entity_type: string | null; entity_id: string | null;
  created_at: string; read_at: string | null; unread_rank: number;
}

const columns = sql`n.id, n.kind, n.title, n.body, n.entity_type, n.entity_id, n.created_at, n.read_at, (n.read_at is not null)::int as unread_rank`;

/** The user's own notifications, unread first, newest first; keyset on (unread_rank, created_at desc, id desc). */
export async function listOwn(tx: Tx, userId: string, unreadOnly: boolean, after: [number, string, string] | null, limit: number) {
  const conds = [sql`n.user_id = ${userId}`];
  if (unreadOnly) conds.push(sql`n.read_at is null`);
  if (after) {
    conds.push(sql`((n.read_at is not null)::int > ${after[0]}
      or ((n.read_at is not null)::int = ${after[0]} and (n.created_at, n.id) < (${after[1]}::timestamptz, ${after[2]}::uuid)))`);
  }
  const r = await sql<NotificationRow>`select ${columns} from notifications n where ${sql.join(conds, sql` and `)}
    order by (n.read_at is not null), n.created_at desc, n.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`.execute(tx);
  return r.rows[0]!.n;
}

/** Mark one as read (the first read time stays); undefined when it is not the user's. */
export async function markRead(tx: Tx, userId: string, id: string): Promise<NotificationRow | undefined> {
  await sql`update notifications set read_at = now() where id = ${id} and user_id = ${userId} and read_at is null`.execute(tx);
  const r = await sql<NotificationRow>`select ${columns} from notifications n where n.id = ${id} and n.user_id = ${userId}`.execute(tx);
  return r.rows[0];
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const r = await sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Insert the rows a query yields — columns user_id, kind, title, body, entity_type, entity_id, dedupe_key — skipping
 * any (user, dedupe_key) already there. Concurrent senders of the same notice wait on the unique index and then skip,
 * so a notice exists once however many processes or runs send it. Returns how many were new.
 */
export async function insertFrom(tx: Tx, tenantId: string, source: RawBuilder<unknown>): Promise<number> {
  const r = await sql`insert into notifications (tenant_id, user_id, kind, title, body, entity_type, entity_id, dedupe_key)
    select ${tenantId}::uuid, s.user_id, s.kind, s.title, s.body, s.entity_type, s.entity_id, s.dedupe_key from (${source}) s
    on conflict (tenant_id, user_id, dedupe_key) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
