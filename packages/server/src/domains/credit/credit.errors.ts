import { defineErrors } from '../../platform/errors.js';

export const creditError = defineErrors('credit', {
  customer_not_found: [404, 'Customer not found'],
  assessment_not_found: [404, 'Credit assessment not found'],
  assessment_closed: [409, 'The assessment was applied, rejected or is waiting for approval; assess again for a new proposal'],
  not_on_hold: [409, 'The customer\'s credit is not on hold'],
});
