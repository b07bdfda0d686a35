import { defineErrors } from '../../platform/errors.js';

export const opportunityError = defineErrors('opportunities', {
  not_found: [404, 'Opportunity not found'],
  customer_not_found: [400, 'The customer does not exist or is not yours to sell to'],
  contact_not_found: [400, 'The contact is not a contact of this customer'],
  owner_not_found: [400, 'The owner is not a user you may assign to'],
  process_not_found: [400, 'No such sales process'],
  process_inactive: [409, 'The sales process is no longer active; choose another'],
  stage_not_found: [400, 'The stage is not a stage of this opportunity\'s sales process'],
  stage_requirements: [422, 'The opportunity does not meet the entry requirements of that stage yet'],
  closed: [409, 'The opportunity is already won or lost; it no longer changes'],
  use_win_or_lose: [409, 'Move an opportunity to a won or lost stage with the win or lose action'],
  amount_from_lines: [400, 'The amount of an opportunity with lines is the sum of its lines'],
  task_not_found: [404, 'Task not found or already done'],
  bad_stages: [400, 'A process needs open stages, exactly one won and one lost stage'],
  subject_not_found: [400, 'No such rep or team in your scope'],
});
