import { defineErrors } from '../../platform/errors.js';

export const contractError = defineErrors('contracts', {
  not_found: [404, 'Contract not found'],
  customer_not_found: [400, 'The customer does not exist or is not yours to contract with'],
  framework_invalid: [400, 'The framework agreement is not a framework of the same customer'],
  owner_not_found: [400, 'The owner is not a user you may assign to'],
  not_editable: [409, 'Only a draft contract can be edited'],
  terms_locked: [409, 'The contract is signed; its commercial terms change only through an approved amendment'],
  bad_status: [409, 'The contract is not in a status that allows this'],
  compliance_failed: [422, 'The contract fails the compliance check'],
  credit_exceeded: [422, 'The contract exceeds the customer\'s available credit'],
  credit_hold: [422, 'The customer\'s credit is on hold (long overdue); finance must release it before a new contract'],
  amendment_pending: [409, 'An amendment of this contract is already waiting for approval'],
  amendment_not_found: [404, 'Amendment not found'],
  amendment_stale: [409, 'The contract changed since the amendment was written; reject it and write a new one'],
  instalment_not_found: [404, 'No matching instalment of this contract waits for this event'],
  bad_file: [400, 'The signed file is missing, empty or not valid base64'],
});
