// Tables the webhooks domain owns.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  webhook_subscriptions: {},
  webhook_deliveries: {},
  webhook_attempts: {},
};
