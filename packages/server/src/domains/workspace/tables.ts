// Tables workspace owns: none. It composes — tenants through the platform's functions (platform/tenants.ts), the
// first admin through identity's createFirstAdminTx, the company profile in tenants.settings.company.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {};
