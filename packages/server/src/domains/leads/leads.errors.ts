import { defineErrors } from '../../platform/errors.js';

export const leadError = defineErrors('leads', {
  not_found: [404, 'Lead not found'],
  empty: [400, 'A lead needs a company, a contact name, a phone or an email'],
  bad_transition: [409, 'The lead cannot move to that status from its current one'],
  reason_required: [400, 'Marking a lead invalid needs a reason'],
  converted: [409, 'The lead is already converted; it cannot change status or be converted again'],
  duplicate: [409, 'The lead is a duplicate the duplicate rules block; open the existing record instead'],
  not_in_pool: [409, 'The lead is not in the lead pool'],
  in_pool: [409, 'The lead is in the lead pool; claim it first'],
  claim_cap_reached: [422, 'You have reached your daily limit of leads claimed from the pool'],
  owner_not_found: [400, 'The new owner is not a user you may assign to'],
  campaign_not_found: [400, 'No such campaign'],
  form_not_found: [404, 'Lead form not found'],
  form_closed: [404, 'This form does not take submissions'],
  origin_not_allowed: [403, 'This form does not accept submissions from this site'],
  rule_not_found: [404, 'Assignment rule not found'],
  import_not_found: [404, 'Lead import not found'],
  bad_file: [400, 'The file is not a readable .xlsx or .csv with a header row'],
  too_many_rows: [400, 'A lead import may hold at most 100,000 rows; split the file'],
});
