// Notification queries only (typed by the schema; the set-based inserts of notices stay SQL). A notification belongs to one user; its dedupe_key makes "the same notice twice" a no-op.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

/** A user's notice with its unread rank (0 unread, 1 read): the first key of the list's order and cursor. */
function selectNotice(tx: Tx) {
  return tx.selectFrom('notifications as n')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.entity_type', 'n.entity_id', 'n.created_at', 'n.read_at'])
    .select(sql<number>`(n.read_at is not null)::int`.as('unread_rank'));
}

export type NotificationRow = Awaited<ReturnType<typeof listOwn>>[number];

/** The user's own notifications, unread first, newest first; keyset on (unread_rank, created_at desc, id desc). */
export async function listOwn(tx: Tx, userId: string, unreadOnly: boolean, after: [number, string, string] | null, limit: number) {
  let q = selectNotice(tx).where('n.user_id', '=', userId);
  if (unreadOnly) q = q.where('n.read_at', 'is', null);
  if (after) {
    q = q.where(sql<boolean>`((n.read_at is not null)::int > ${after[0]}
      or ((n.read_at is not null)::int = ${after[0]} and (n.created_at, n.id) < (${after[1]}::timestamptz, ${after[2]}::uuid)))`);
  }
  return q.orderBy(sql`(n.read_at is not null)`).orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute();
}

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const r = await tx.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return r.n;
}

/** Mark one as read (the first read time stays); undefined when it is not the user's. */
export async function markRead(tx: Tx, userId: string, id: string): Promise<NotificationRow | undefined> {
  await tx.updateTable('notifications').set({ read_at: sql`now()` }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  return selectNotice(tx).where('n.id', '=', id).where('n.user_id', '=', userId).executeTakeFirst();
}

/** Mark read every user's unread notice whose dedupe key starts with `prefix` (the thing it asked for is gone). */
export async function markReadByKeyPrefix(tx: Tx, prefix: string): Promise<number> {
  const r = await tx.updateTable('notifications').set({ read_at: sql`now()` })
    .where('dedupe_key', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const r = await tx.updateTable('notifications').set({ read_at: sql`now()` }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
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

/**
 * One notice to one user in the user's language, unless the user already has one with that key or is inactive;
 * true when it is new.
 */
export async function insertNotice(tx: Tx, tenantId: string, n: { userId: string; kind: string; zh: { title: string; body: string | null }; en: { title: string; body: string | null }; entityType: string | null; entityId: string | null; dedupeKey: string }): Promise<boolean> {
  const { zh, en } = n;
  const r = await sql`insert into notifications (tenant_id, user_id, kind, title, body, entity_type, entity_id, dedupe_key)
    select ${tenantId}::uuid, u.id, ${n.kind},
      case when u.locale like 'zh%' then ${zh.title}::text else ${en.title}::text end,
      case when u.locale like 'zh%' then ${zh.body}::text else ${en.body}::text end,
      ${n.entityType}::text, ${n.entityId}::uuid, ${n.dedupeKey}
    from users u where u.id = ${n.userId} and u.active
    on conflict (tenant_id, user_id, dedupe_key) do nothing returning id`.execute(tx);
  return r.rows.length > 0;
}
