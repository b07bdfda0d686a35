import { defineErrors } from '../../platform/errors.js';

export const dunningError = defineErrors('dunning', {
  policy_not_found: [404, 'Dunning policy not found'],
  customer_not_found: [404, 'Customer not found'],
  receivable_not_found: [400, 'The receivable is not an open invoice of this customer'],
  promise_not_found: [404, 'Promise to pay not found'],
  run_not_found: [404, 'Dunning step run not found'],
  not_a_letter: [409, 'This step is not a letter'],
  mail_not_found: [404, 'Mail not found'],
  mail_sent: [409, 'This mail was sent already'],
  smtp_not_configured: [409, 'No SMTP server is configured (L2C_SMTP_URL); the mail stays in the outbox'],
  no_address: [409, 'The customer has no contact with an email address; add one, then send again'],
  task_not_found: [404, 'Task not found'],
  step_in_use: [409, 'A step that has already run cannot be removed; deactivate the policy and create a new one'],
  version_conflict: [409, 'Someone else changed this policy; reload it and try again'],
  bad_period: [400, 'The period ends before it starts'],
});
