import { defineErrors } from '../../platform/errors.js';

export const scoringError = defineErrors('scoring', {
  lead_not_found: [404, 'Lead not found'],
  customer_not_found: [404, 'Customer not found'],
  not_scored: [404, 'The lead has no score yet'],
  no_override: [409, 'The lead\'s grade is not overridden'],
  too_few_closed: [409, 'Too few closed leads to learn from: at least 20, with both converted and invalid ones'],
});
