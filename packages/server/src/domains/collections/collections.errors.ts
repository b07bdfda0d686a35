import { defineErrors } from '../../platform/errors.js';

export const collectionsError = defineErrors('collections', {
  customer_not_found: [404, 'Customer not found'],
  bad_bucket: [400, 'Unknown bucket for these bucket boundaries'],
});
