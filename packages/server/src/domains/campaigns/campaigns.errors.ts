import { defineErrors } from '../../platform/errors.js';

export const campaignError = defineErrors('campaigns', {
  not_found: [404, 'Campaign not found'],
  parent_not_found: [422, 'The parent campaign does not exist or is not visible to you'],
  parent_cycle: [409, 'A campaign cannot be moved under itself or one of its own sub-campaigns'],
  currency_mismatch: [409, 'A sub-campaign is in its parent\'s currency'],
  bad_period: [400, 'The campaign ends before it starts'],
  version_conflict: [409, 'Someone else changed this campaign; reload it and try again'],
  cancelled: [409, 'The campaign is cancelled: reopen it (status planned or active) to add or move members'],
  member_not_found: [404, 'Campaign member not found'],
  bad_member: [400, 'A member is a lead, a contact, or a person named with a phone or an email'],
  member_exists: [409, 'This lead or contact is already a member of the campaign'],
  lead_not_found: [422, 'The lead does not exist or is not visible to you'],
  contact_not_found: [422, 'The contact does not exist or is not visible to you'],
  backwards: [409, 'A member only moves forward in the event flow (plan → invite → register → check-in)'],
  cost_not_found: [404, 'Campaign cost not found'],
  cost_reversed: [409, 'This cost was reversed already'],
  cost_is_reversal: [409, 'A reversal cannot be reversed; record the cost again instead'],
});
