import { defineErrors } from '../../platform/errors.js';

export const pricingError = defineErrors('pricing', {
  not_found: [404, 'Not found'],
  customer_not_found: [404, 'Customer not found'],
  sku_not_found: [400, 'A line names a product that is not in the catalog'],
  book_not_found: [400, 'A rule names a price book that does not exist'],
  budget_not_found: [400, 'The promotion names a budget that does not exist'],
  code_taken: [409, 'That code is already used'],
  budget_exhausted: [409, 'A promotion budget ran out while the quote was priced; price it again'],
  bad_dates: [400, 'The end date is before the start date'],
});
