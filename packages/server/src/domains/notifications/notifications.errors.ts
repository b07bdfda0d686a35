import { defineErrors } from '../../platform/errors.js';

export const notificationError = defineErrors('notifications', {
  not_found: [404, 'Notification not found'],
});
