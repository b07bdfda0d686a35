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
export async function setTenantSettings(tx: Tx, section: 'pool' | 'invoicing' | 'company' | 'credit', value: unknown): Promise<void> {
  await q.writeSettingsSection(tx, section, value);
}

/** A new tenant: the row only (its first admin is identity's, see domains/workspace createTenant). As the owner role. */
export async function insertTenantRow(tx: Tx, t: { slug: string; name: string; timezone: string; settings: Record<string, unknown> }): Promise<string | null> {
  return q.insertTenant(tx, t);
}

/** Every tenant, for the operator (slug, name, time zone, created). As the owner role. */
export async function tenantDirectory(tx: Tx) {
  return q.tenantDirectory(tx);
}

/** The company behind the tenant: the seller on statements, invoices and quotes. Kept in tenants.settings.company. */
export interface CompanyProfile {
  legalName: string;
  taxpayerId: string | null;
  address: string | null;
  phone: string | null;
  bankAccounts: Array<{ bank: string; accountName: string; accountNumber: string }>;
  /** A data: URL of a small PNG/JPEG/SVG, or null. */
  logo: string | null;
}

/**
 * This tenant's company profile, for any area that prints the seller (statements, invoices, quotes). Until an admin
 * fills it in, the legal name is the tenant's name and the rest is empty. Reads the request's tenant (row policy).
 */
export async function readCompanyProfile(tx: Tx): Promise<CompanyProfile> {
  const stored = ((await q.readSettingsSection(tx, 'company')) ?? {}) as Partial<CompanyProfile>;
  const name = stored.legalName || (await q.tenantName(tx));
  return {
    legalName: name, taxpayerId: stored.taxpayerId ?? null, address: stored.address ?? null, phone: stored.phone ?? null,
    bankAccounts: Array.isArray(stored.bankAccounts) ? stored.bankAccounts : [], logo: stored.logo ?? null,
  };
}

/** One section of this tenant's settings as stored (null when never set), for the area that owns the section. */
export async function readTenantSettings(tx: Tx, section: 'pool' | 'invoicing' | 'company' | 'credit'): Promise<unknown> {
  return q.readSettingsSection(tx, section);
}
