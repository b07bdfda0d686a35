import { defineErrors } from '../../platform/errors.js';

export const writeOffError = defineErrors('write_offs', {
  not_found: [404, 'Write-off not found'],
  customer_not_found: [404, 'Customer not found'],
  receivable_not_found: [404, 'Receivable not found for this customer'],
  source_not_found: [404, 'The payment or credit note was not found for this customer'],
  payment_not_confirmed: [409, 'Only a confirmed payment can be written off'],
  currency_mismatch: [409, 'Payment and receivable are in different currencies'],
  exceeds_open: [409, 'The amount exceeds what is open on the receivable'],
  exceeds_unapplied: [409, 'The amount exceeds what is unapplied on the payment'],
  exceeds_credit_note: [409, 'The amount exceeds what is open on the credit note'],
  exceeds_rebate: [409, 'The amount exceeds the rebate account balance'],
  not_an_invoice: [409, 'Write-offs apply to invoice receivables, not credit notes'],
  already_reversed: [409, 'This write-off has already been reversed'],
  not_reversible: [409, 'A reversal cannot itself be reversed'],
  invariant_broken: [500, 'A money invariant would break; nothing was booked'],
});
