import { defineErrors } from '../../platform/errors.js';

export const webhookError = defineErrors('webhooks', {
  not_found: [404, 'Webhook subscription or delivery not found'],
  bad_url: [400, 'The address cannot receive webhooks'],
  conflict: [409, 'Someone else changed this subscription; reload it and try again'],
  inactive: [409, 'This subscription is switched off; switch it on to send to it'],
});
