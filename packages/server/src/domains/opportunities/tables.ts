// Tables opportunities owns: sales processes and their stages, opportunities with lines, stage history and tasks, and
// the managers' forecast adjustments.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  sales_processes: {},
  sales_stages: {},
  opportunities: { readers: { 'domains/campaigns': 'won amounts and the contracts opportunities became, for campaign ROI', 'domains/visits': 'the opportunity a visit is for (its name; must be the customer\'s)', 'domains/quotes': 'the number and name of the opportunity a quote was made for, shown with the quote' } },
  opportunity_lines: {},
  opportunity_stage_history: {},
  opportunity_tasks: {},
  forecast_adjustments: {},
};
