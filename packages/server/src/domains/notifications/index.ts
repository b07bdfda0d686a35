// notifications: in-app notices to users (overdue alerts, performance alerts …), read and dismissed by their owner only.
// It offers
// - sendNotice: one notice to one user, in that user's language;
// - sendNoticesFrom: many at once from a query, skipping what a user already has (dedupe key);
// - settleNotices: mark read the notices that asked for something no longer asked (a withdrawn approval);
// - notificationsRoutes: the user's inbox.
// It owns notifications (tables.ts); nothing else writes them.
export { notificationsRoutes } from './notifications.routes.js';
export { sendNotice, sendNoticesFrom, settleNotices, type Notice, type NoticeText } from './send.js';
