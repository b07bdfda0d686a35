import { defineErrors } from '../../platform/errors.js';

export const quoteError = defineErrors('quotes', {
  not_found: [404, 'Quote not found'],
  customer_not_found: [404, 'Customer not found'],
  not_editable: [409, 'The quote is accepted, rejected or expired: it can no longer change'],
  bad_status: [409, 'The quote is not in a state that allows this'],
  lines_missing: [400, 'A quote needs at least one line'],
  amount_too_large: [400, 'An amount is beyond what can be booked'],
  blocked: [409, 'A line could not be priced (the price books disagree); fix the price books first'],
  invalid_configuration: [400, 'The bundle configuration is not valid'],
  not_approved: [409, 'This version of the quote is not approved: submit it for approval first'],
  expired: [409, 'The quote is past its validity date'],
  rebate_insufficient: [409, 'The customer\'s rebate balance no longer covers the rebate on this quote; price it again'],
  link_invalid: [404, 'This link is unknown or has expired'],
  not_carried: [409, 'A priced line could not be carried to the contract to the cent'],
});
