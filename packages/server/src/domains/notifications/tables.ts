// Tables notifications owns: in-app messages, written only through send.ts.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  notifications: {},
};
