// Tables credit owns: the customer's credit profile (limit, payment term, risk level).
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  credit_profiles: {},
};
