// The invoicing section of the tenant's settings (tenants.settings.invoicing) and the tenant's name, read-only here:
// writes go through the platform's setTenantSettings.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function invoicingSettings(tx: Tx): Promise<{ name: string; invoicing: unknown }> {
  const r = await sql<{ name: string; invoicing: unknown }>`select name, settings->'invoicing' as invoicing from tenants where id = app_tenant_id()`.execute(tx);
  return r.rows[0] ?? { name: '', invoicing: null };
}
