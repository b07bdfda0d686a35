// The tenants table's statements: the list of tenants and their time zones that every area's jobs need, and the
// settings writes behind platform/tenants.ts (the platform owns tenants; areas change settings through it).
import { sql } from 'kysely';
import type { Tx } from './db.js';

/** Every tenant with its time zone, as the owner (jobs visit each tenant in turn). */
export async function listTenants(tx: Tx): Promise<Array<{ id: string; timezone: string }>> {
  return tx.selectFrom('tenants').select(['id', 'timezone']).execute();
}

/** Lock the tenant's row: one settings change at a time, each reading what the one before wrote. */
export async function lockTenantRow(tx: Tx): Promise<void> {
  await tx.selectFrom('tenants').select(sql`1`.as('one')).where('id', '=', sql<string>`app_tenant_id()`).forUpdate().execute();
}

/** Replace one section of the tenant's settings (the application role's narrow UPDATE grant on tenants.settings). */
export async function writeSettingsSection(tx: Tx, section: string, value: unknown): Promise<void> {
  await sql`update tenants set settings = jsonb_set(settings, ${`{${section}}`}::text[], ${JSON.stringify(value)}::jsonb) where id = app_tenant_id()`.execute(tx);
}

/** A new tenant row (as the owner role: the application role cannot insert tenants); null when the slug is taken. */
export async function insertTenant(tx: Tx, t: { slug: string; name: string; timezone: string; settings: unknown }): Promise<string | null> {
  const r = await tx.insertInto('tenants')
    .values({ slug: t.slug, name: t.name, timezone: t.timezone, settings: JSON.stringify(t.settings) })
    .onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

/** The operator's list of tenants (as the owner role), newest first. */
export async function tenantDirectory(tx: Tx) {
  return tx.selectFrom('tenants').select(['id', 'slug', 'name', 'timezone', 'created_at']).orderBy('created_at', 'desc').execute();
}

/** One section of this tenant's settings (the request's tenant, through the row policy). */
export async function readSettingsSection(tx: Tx, section: string): Promise<unknown> {
  const r = await tx.selectFrom('tenants').select(sql<unknown>`settings -> ${section}`.as('value')).where('id', '=', sql<string>`app_tenant_id()`).executeTakeFirst();
  return r?.value ?? null;
}

/** The request's tenant's display name. */
export async function tenantName(tx: Tx): Promise<string> {
  const r = await tx.selectFrom('tenants').select('name').where('id', '=', sql<string>`app_tenant_id()`).executeTakeFirst();
  return r?.name ?? '';
}
