import { defineErrors } from '../../platform/errors.js';

export const receivableError = defineErrors('receivables', {
  not_found: [404, 'Receivable not found'],
  customer_not_found: [404, 'Customer not found'],
  contract_not_found: [422, 'No such contract of this customer'],
  credit_note_exceeds: [409, 'A credit note cannot exceed what is still open on the original receivable'],
  not_an_invoice: [409, 'Only an invoice receivable can be corrected by a credit note'],
  bad_debt_exceeds: [409, 'The bad-debt amount exceeds the open amount'],
  bad_debt_request_not_found: [404, 'Bad-debt request not found'],
  bad_debt_request_closed: [409, 'This bad-debt request has already been decided'],
  bad_debt_request_pending: [409, 'A bad-debt request for this receivable is already waiting for a decision'],
  self_approval: [403, 'The requester cannot approve their own bad-debt request'],
});
