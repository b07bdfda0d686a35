// Tables scoring owns: settings and rules, behaviour events, the tenant's models, lead scores (with the override a
// person set) and customers' RFM.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  scoring_settings: {},
  scoring_rules: {},
  score_events: {},
  score_models: {},
  lead_scores: { readers: { 'domains/leads': 'the score and grade (the override when set) in the lead list and detail' } },
  customer_rfm: {},
};
