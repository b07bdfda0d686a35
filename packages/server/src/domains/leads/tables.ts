// Tables leads owns. Dedup and scoring read leads for matching and learning; campaigns for its members' leads.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  leads: { readers: {
    'domains/campaigns': 'leads per campaign (MQL, converted) for the roll-up, and a member\'s lead: name and status',
    'domains/dedup': 'matching keys (company key and block, phone, e-mail, credit code) of leads a candidate may duplicate, and the owner its data scope follows',
    'domains/scoring': 'field values (source, industry, region, size, campaign) a lead is scored on, and closed leads (converted / invalid) the model learns from',
  } },
  lead_status_history: {},
  lead_pool_events: {},
  lead_forms: {},
  lead_imports: {},
  lead_import_failures: {},
  lead_assignment_rules: {},
  lead_assignment_members: {},
  lead_settings: {},
};
