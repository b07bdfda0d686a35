// Creating a tenant: the one way in, for the operator's CLI (tenant-cli.ts), the operator API and the test harness.
// The tenant row is the platform's, its first admin identity's; both in one owner-role transaction, so a tenant never
// exists without someone who can log in to it.
import crypto from 'node:crypto';
import { asSystem, type Db } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import { insertTenantRow, tenantDirectory } from '../../platform/tenants.js';
import { commonError } from '../../platform/errors.js';
import { createFirstAdminTx, hashPassword } from '../identity/index.js';
import { workspaceError } from './workspace.errors.js';

export interface NewTenant {
  slug: string;
  name: string;
  timezone?: string | undefined;
  /** Initial tenants.settings (pool rules, …); an admin changes them later in the settings screens. */
  settings?: Record<string, unknown> | undefined;
  admin: {
    email: string;
    name: string;
    locale?: 'zh-CN' | 'en' | undefined;
    /** The admin's password; without one (and without a hash) a random one is made and returned once. */
    password?: string | undefined;
    /** Already hashed (the test harness hashes its one password once). */
    passwordHash?: string | undefined;
  };
}

export interface CreatedTenant { tenantId: string; slug: string; name: string; adminId: string; adminEmail: string; initialPassword: string | null }

export const SLUG_PATTERN = /^[a-z0-9-]{2,60}$/;

export async function createTenant(db: Db, input: NewTenant): Promise<CreatedTenant> {
  if (!SLUG_PATTERN.test(input.slug)) throw commonError('invalid', 'The slug is 2–60 lowercase letters, digits or dashes', { errors: [{ path: 'slug', message: 'lowercase letters, digits, dashes' }] });
  const timezone = input.timezone ?? 'Asia/Shanghai';
  if (!validTimeZone(timezone)) throw commonError('invalid', 'Unknown time zone', { errors: [{ path: 'timezone', message: 'an IANA time zone such as Asia/Shanghai' }] });
  const generated = input.admin.password || input.admin.passwordHash ? null : crypto.randomBytes(12).toString('base64url');
  const passwordHash = input.admin.passwordHash ?? (await hashPassword(input.admin.password ?? generated!));
  const email = input.admin.email.trim().toLowerCase();
  return asSystem(db, async (tx) => {
    const tenantId = await insertTenantRow(tx, { slug: input.slug, name: input.name, timezone, settings: input.settings ?? {} });
    if (!tenantId) throw workspaceError('slug_taken', undefined, { errors: [{ path: 'slug', message: 'already used by another tenant' }] });
    await recordAudit(tx, { tenantId, userId: null }, { action: 'create', entityType: 'tenant', entityId: tenantId, after: { slug: input.slug, name: input.name, timezone } });
    const adminId = await createFirstAdminTx(tx, tenantId, { email, name: input.admin.name, passwordHash, locale: input.admin.locale ?? 'zh-CN' });
    if (!adminId) throw new Error('a new tenant already had a user'); // cannot happen: the tenant row is new
    return { tenantId, slug: input.slug, name: input.name, adminId, adminEmail: email, initialPassword: generated };
  });
}

export async function listTenants(db: Db) {
  const rows = await asSystem(db, (tx) => tenantDirectory(tx));
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, timezone: r.timezone, createdAt: r.created_at }));
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
