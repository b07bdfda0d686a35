// Reads of the tenants table that every area's jobs need: the list of tenants and their time zones.
import type { Tx } from './db.js';

/** Every tenant with its time zone, as the owner (jobs visit each tenant in turn). */
export async function listTenants(tx: Tx): Promise<Array<{ id: string; timezone: string }>> {
  return tx.selectFrom('tenants').select(['id', 'timezone']).execute();
}
