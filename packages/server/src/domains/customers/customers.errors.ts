import { defineErrors } from '../../platform/errors.js';

export const customerError = defineErrors('customers', {
  not_found: [404, 'Customer not found'],
  duplicate: [409, 'Possible duplicates exist; review them or create anyway with allowDuplicate'],
  duplicate_credit_code: [409, 'A customer with this unified social credit code already exists'],
  not_in_pool: [409, 'The customer is not in the public pool'],
  in_pool: [409, 'The customer is in the public pool; claim it first'],
  claim_cap_reached: [422, 'You have reached your daily limit of customers claimed from the pool'],
  owner_not_found: [400, 'The new owner is not a user you may assign to'],
  parent_invalid: [400, 'The parent company is not a customer you can see, or would make a cycle'],
  contact_not_found: [404, 'Contact not found'],
  bad_file: [400, 'The file is not a readable .xlsx workbook with a header row'],
});
