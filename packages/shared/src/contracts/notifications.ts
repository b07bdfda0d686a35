// API contracts of in-app notifications (overdue alerts and others): each user sees only their own.
import { z } from 'zod';
import { ListQueryBase, pageOf } from './common.js';

export const NotificationSchema = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string().nullable(),
  entityType: z.string().nullable(), entityId: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable(),
});
export const NotificationListQuery = ListQueryBase.omit({ q: true }).extend({
  unreadOnly: z.enum(['true', 'false']).default('false'),
});
export const NotificationPage = pageOf(NotificationSchema).extend({ unreadCount: z.number().int() });
