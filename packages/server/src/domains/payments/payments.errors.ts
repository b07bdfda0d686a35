import { defineErrors } from '../../platform/errors.js';

export const paymentError = defineErrors('payments', {
  not_found: [404, 'Payment not found'],
  customer_not_found: [404, 'Customer not found'],
  duplicate_bank_reference: [409, 'A payment with this bank reference is already booked'],
  not_claimed: [409, 'Only a claimed payment can be confirmed or rejected'],
  has_allocations: [409, 'A payment that is written off cannot be rejected; reverse the write-off first'],
  confirm_not_allowed: [403, 'Only finance confirms payments'],
  rebate_negative: [409, 'The rebate account cannot go below zero'],
});
