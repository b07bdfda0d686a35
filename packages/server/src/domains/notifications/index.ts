// notifications: in-app notices to users (overdue alerts, …), read and dismissed by their owner only.
export { notificationsRoutes } from './notifications.routes.js';
export { insertFrom as insertNotificationsFrom } from './notifications.sql.js';
export { sendNotice, type Notice, type NoticeText } from './send.js';
