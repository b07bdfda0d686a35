import { defineErrors } from '../../platform/errors.js';

export const invoiceError = defineErrors('invoices', {
  request_not_found: [404, 'Invoice request not found'],
  invoice_not_found: [404, 'Invoice not found'],
  red_confirmation_not_found: [404, 'Red-letter confirmation not found'],
  source_not_found: [422, 'No such receivable or contract in your data scope'],
  record_not_found: [404, 'Receivable or contract not found'],
  not_invoiceable: [409, 'Only invoice receivables and signed contracts can be invoiced'],
  mixed_sources: [400, 'All items of one invoice request must be of one customer and one currency'],
  over_invoiced: [409, 'This would invoice more than the source\'s amount: see what is still uninvoiced'],
  lines_mismatch: [400, 'The lines\' amounts with tax must add up to the items\' amounts'],
  not_yours: [403, 'Only the requester or finance may cancel this request'],
  bad_status: [409, 'The request or confirmation is not in a state that allows this'],
  number_taken: [409, 'This invoice number is already recorded for another request'],
  red_exceeds: [409, 'A red-letter invoice cannot reverse more than what is left of the blue invoice'],
  not_blue: [409, 'Only a blue invoice can be reversed'],
  credit_note_mismatch: [422, 'The credit note must correct one of the invoice\'s receivables'],
  no_seller: [409, 'Set the seller\'s taxpayer id (company profile or invoice settings) before recording issued invoices'],
  bad_file: [400, 'Send the workbook as multipart/form-data in the field "file"'],
  no_mapping: [409, 'Save the column mapping of the tax platform\'s export first (invoice settings)'],
});
