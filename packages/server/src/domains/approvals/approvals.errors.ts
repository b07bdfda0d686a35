import { defineErrors } from '../../platform/errors.js';

export const approvalError = defineErrors('approvals', {
  not_found: [404, 'Approval request not found'],
  not_pending: [409, 'This approval request is no longer waiting for a decision'],
  not_your_step: [403, 'You are not an approver of the current step'],
  already_pending: [409, 'This document is already waiting for approval'],
  no_approver: [422, 'Nobody can approve a step of this chain; set a team manager or add a user in the role'],
  approver_not_found: [422, 'An approver of this definition is not a user of this company'],
  no_handler: [500, 'No handler is registered for this document type'],
  not_submitter: [403, 'Only the person who submitted this request can withdraw it'],
  definition_conflict: [409, 'Someone else changed this approval definition; reload it and try again'],
});
