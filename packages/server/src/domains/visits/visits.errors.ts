import { defineErrors } from '../../platform/errors.js';

export const visitError = defineErrors('visits', {
  not_found: [404, 'Visit not found'],
  customer_not_found: [400, 'The customer does not exist or is not yours to visit'],
  contact_not_found: [400, 'The contact is not a contact of this customer'],
  opportunity_not_found: [400, 'The opportunity is not one of this customer'],
  bad_status: [409, 'The visit is not in a status that allows this (plan → check in → check out)'],
});
