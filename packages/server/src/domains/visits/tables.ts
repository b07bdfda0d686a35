// Tables visits owns: the visits of sales reps (plan, check-in/out, record) and where customers are.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  visits: {},
  customer_locations: {},
};
