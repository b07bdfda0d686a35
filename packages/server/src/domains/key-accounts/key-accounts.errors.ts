import { defineErrors } from '../../platform/errors.js';

export const keyAccountError = defineErrors('key-accounts', {
  customer_not_found: [404, 'Customer not found'],
  contact_not_found: [404, 'Contact not found'],
  relation_not_found: [404, 'Relation not found'],
  other_customer: [400, 'Both contacts of a relation belong to the same customer'],
});
