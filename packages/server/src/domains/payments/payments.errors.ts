import { defineErrors } from '../../platform/errors.js';

export const paymentError = defineErrors('payments', {
  not_found: [404, 'Payment not found'],
  customer_not_found: [404, 'Customer not found'],
  duplicate_bank_reference: [409, 'A payment with this bank reference is already booked'],
  not_claimed: [409, 'Only a claimed payment can be confirmed or rejected'],
  not_unclaimed: [409, 'This payment is no longer waiting to be claimed'],
  has_allocations: [409, 'A payment that is written off cannot be rejected; reverse the write-off first'],
  confirm_not_allowed: [403, 'Only finance confirms payments'],
  rebate_negative: [409, 'The rebate account cannot go below zero'],
  file_not_found: [404, 'This payment has no such file'],
  bad_file: [400, 'The file is missing, empty or not valid base64'],
  file_type: [400, 'This kind of file is not accepted; attach a PDF, PNG, JPEG, OFD or XLSX'],
  file_too_large: [413, 'The file is larger than 10 MB'],
  too_many_files: [409, 'A payment holds at most 20 files'],
});
