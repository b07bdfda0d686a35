// Tables the approval engine owns.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  approval_definitions: {},
  approval_requests: { readers: { 'domains/invoices': 'the pending approval of each invoice request on its list (read-only)' } },
  approval_steps: {},
  approval_actions: {},
};
