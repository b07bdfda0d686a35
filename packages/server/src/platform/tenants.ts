// Tenant settings, written only here: the platform owns the tenants table (platform/tables.ts). An area keeps its rules
// in one section of tenants.settings (customers: 'pool'); it reads them directly (a declared read) and changes them
// with these two calls, in its own transaction, under the tenant row lock.
import type { Tx } from './db.js';
import * as q from './tenants.sql.js';

/** Take the tenant row lock before reading settings you are about to change: changes queue, each sees the last. */
export async function lockTenantSettings(tx: Tx): Promise<void> {
  await q.lockTenantRow(tx);
}

/** Replace one section of the tenant's settings. Call lockTenantSettings first in the same transaction. */
export async function setTenantSettings(tx: Tx, section: 'pool', value: unknown): Promise<void> {
  await q.writeSettingsSection(tx, section, value);
}
