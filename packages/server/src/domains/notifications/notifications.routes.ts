// Thin HTTP layer for the caller's own notifications.
import { z } from 'zod';
import { NotificationListQuery, NotificationPage, NotificationSchema, IdSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { notificationError } from './notifications.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as notifications from './notifications.service.js';

const tags = ['notifications'];

export function notificationsRoutes(app: App, db: Db) {
  app.get('/api/v1/notifications', {
    schema: { operationId: 'listNotifications', summary: 'List the caller\'s notifications', tags, querystring: NotificationListQuery, response: { 200: NotificationPage }, description: 'The caller\'s own notifications, unread first, newest first.' },
    preHandler: requirePermission('notifications', 'read'),
  }, async (req) => notifications.listNotifications(db, requireAuth(req), req.query));

  // Reading one's own notice is part of reading notifications: no separate write permission.
  app.post('/api/v1/notifications/:id/read', {
    schema: { operationId: 'readNotification', summary: 'Mark a notification read', errors: [notificationError], tags, params: z.object({ id: IdSchema }), response: { 200: NotificationSchema } },
    preHandler: requirePermission('notifications', 'read'),
  }, async (req) => notifications.readNotification(db, requireAuth(req), req.params.id));

  app.post('/api/v1/notifications/read-all', {
    schema: { operationId: 'readAllNotifications', summary: 'Mark all notifications read', tags, response: { 200: z.object({ updated: z.number().int() }) } },
    preHandler: requirePermission('notifications', 'read'),
  }, async (req) => notifications.readAllNotifications(db, requireAuth(req)));
}
