// In-app notifications: each user reads and dismisses only their own (other users' are a 404, like any record
// outside one's scope). Senders go through insertFrom, which makes a repeated notice a no-op.
import type { z } from 'zod';
import type { NotificationListQuery, NotificationSchema } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { notificationError } from './notifications.errors.js';
import * as q from './notifications.sql.js';

function toNotification(r: q.NotificationRow): z.infer<typeof NotificationSchema> {
  return { id: r.id, kind: r.kind, title: r.title, body: r.body, entityType: r.entity_type, entityId: r.entity_id, createdAt: r.created_at, readAt: r.read_at };
}

export async function listNotifications(db: Db, auth: AuthContext, query: z.infer<typeof NotificationListQuery>) {
  const after = decodeCursor(query.cursor, ['int', 'instant', 'uuid']) as [number, string, string] | null;
  return inTenant(db, auth, async (tx) => {
    const rows = await q.listOwn(tx, auth.userId, query.unreadOnly === 'true', after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNotification),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.unread_rank, last.created_at, last.id]) : null,
      unreadCount: await q.unreadCount(tx, auth.userId),
    };
  });
}

export async function readNotification(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await q.markRead(tx, auth.userId, id);
    if (!row) throw notificationError('not_found');
    return toNotification(row);
  });
}

export async function readAllNotifications(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ updated: await q.markAllRead(tx, auth.userId) }));
}
