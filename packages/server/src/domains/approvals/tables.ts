// Tables the approval engine owns.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  approval_definitions: {},
  approval_requests: {},
  approval_steps: {},
  approval_actions: {},
};
