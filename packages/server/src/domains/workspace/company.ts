// The company profile 公司信息: legal name, taxpayer id, address, bank accounts, logo — the seller on statements, and
// later on quotes and invoices. Stored in tenants.settings.company through the platform (which owns tenants); other
// areas read it with platform/tenants.ts readCompanyProfile(tx). An admin changes it here, audited.
import { z } from 'zod';
import { Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import { inTenant, type Db } from '../../platform/db.js';
import { requireAuth, requirePermission, type AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { lockTenantSettings, readCompanyProfile, setTenantSettings, type CompanyProfile } from '../../platform/tenants.js';

/** A logo as a data: URL, at most ~200 KB of image. */
const Logo = Text.max(280_000).regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'a PNG, JPEG or SVG image as a data: URL');
export const CompanyProfileSchema = z.object({
  legalName: Text.trim().min(1).max(120),
  taxpayerId: Text.trim().max(40).nullable(),
  address: Text.trim().max(200).nullable(),
  phone: Text.trim().max(40).nullable(),
  bankAccounts: z.array(z.object({ bank: Text.trim().min(1).max(80), accountName: Text.trim().min(1).max(120), accountNumber: Text.trim().min(4).max(40) })).max(10),
  logo: Logo.nullable(),
});

export async function updateCompanyProfile(db: Db, auth: AuthContext, input: CompanyProfile): Promise<CompanyProfile> {
  return inTenant(db, auth, async (tx) => {
    await lockTenantSettings(tx);
    const before = await readCompanyProfile(tx);
    await setTenantSettings(tx, 'company', input);
    // the logo is an image: the trail says that it changed, not its bytes
    const shown = (p: CompanyProfile) => ({ ...p, bankAccounts: p.bankAccounts.map((b) => `${b.bank} ${b.accountNumber}`).join('; '), logo: p.logo ? `${p.logo.length} B` : null });
    await recordAudit(tx, auth, { action: 'update', entityType: 'company_profile', entityId: auth.tenantId, before: shown(before), after: shown(input) });
    return readCompanyProfile(tx);
  });
}

export function companyRoutes(app: App, db: Db) {
  app.get('/api/v1/settings/company', {
    schema: {
      operationId: 'getCompanyProfile', summary: 'Get the company profile', tags: ['settings'],
      description: 'Until an admin fills it in, the legal name is the tenant\'s name and the rest is empty.',
      response: { 200: CompanyProfileSchema.extend({ legalName: z.string(), logo: z.string().nullable() }) },
    },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => inTenant(db, requireAuth(req), (tx) => readCompanyProfile(tx)));

  app.put('/api/v1/settings/company', {
    schema: {
      operationId: 'updateCompanyProfile', summary: 'Set the company profile', tags: ['settings'],
      description: 'The seller on statements, quotes and invoices. Audited (the logo as its size).',
      body: CompanyProfileSchema, response: { 200: CompanyProfileSchema.extend({ legalName: z.string(), logo: z.string().nullable() }) },
    },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => updateCompanyProfile(db, requireAuth(req), req.body));
}
