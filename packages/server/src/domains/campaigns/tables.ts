// Tables campaigns owns: the campaign tree, its cost facts (append-only, reversed by a negative row) and its members
// with their place in the event flow. leads and opportunities point at campaigns by campaign_id (their owners' tables).
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  campaigns: { readers: { 'domains/leads': 'the campaign name beside a lead, a form and an import' } },
  campaign_costs: {},
  campaign_members: {},
};
