import { defineErrors } from '../../platform/errors.js';

export const bankError = defineErrors('bank_statements', {
  not_found: [404, 'Bank statement not found'],
  line_not_found: [404, 'Bank statement line not found'],
  mapping_not_found: [404, 'Column mapping not found'],
  bad_file: [400, 'The statement file cannot be read'],
  mapping_required: [400, 'A CSV or Excel file needs a column mapping: choose a saved one or give one'],
  not_unbalanced: [409, 'Only a statement that does not reconcile waits for a decision'],
  line_not_open: [409, 'This line is no longer waiting to be matched or claimed'],
  no_proposal: [409, 'This line has no proposal to confirm; split it or claim it instead'],
  exceeds_line: [400, 'The allocations add up to more than the line'],
  same_money: [409, 'A payment registered by hand for this customer is the same money as this line: confirm the line as that payment'],
  foreign_currency: [409, 'L2C does not book payments in this currency'],
});
