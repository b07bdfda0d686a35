// The tenant's default credit limit per customer grade (tenants.settings.credit.defaultLimits): the limit of a customer
// nobody has set one for, so a new grade-A customer can sign its first contract without a finance step. The exposure
// statement (credit.sql.ts) applies it; an admin changes it here, audited.
import { z } from 'zod';
import { CUSTOMER_GRADES, MoneyOrZeroSchema, roundMoney } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import { requireAuth, requirePermission, type AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { lockTenantSettings, readTenantSettings, setTenantSettings } from '../../platform/tenants.js';
import { commonError } from '../../platform/errors.js';
import { IdSchema } from '@l2c/shared';
import { creditPosition } from './credit.service.js';
import { visibleCustomerGrade } from './defaults.sql.js';

export const CreditDefaultsSchema = z.object({
  defaultLimits: z.object(Object.fromEntries(CUSTOMER_GRADES.map((g) => [g, MoneyOrZeroSchema.nullable()])) as Record<(typeof CUSTOMER_GRADES)[number], z.ZodNullable<typeof MoneyOrZeroSchema>>)
    .describe('per customer grade: the limit of a customer without one of its own; null → 0'),
});
export type CreditDefaults = z.infer<typeof CreditDefaultsSchema>;

/** The defaults as stored (a grade without one: null), amounts in the tenant's currency. */
export async function creditDefaults(tx: Tx): Promise<CreditDefaults> {
  const stored = ((await readTenantSettings(tx, 'credit')) ?? {}) as { defaultLimits?: Record<string, string | null> };
  const limits = Object.fromEntries(CUSTOMER_GRADES.map((g) => {
    const v = stored.defaultLimits?.[g];
    return [g, v == null ? null : roundMoney(v, 'CNY')];
  }));
  return { defaultLimits: limits as CreditDefaults['defaultLimits'] };
}

export async function setCreditDefaults(db: Db, auth: AuthContext, input: CreditDefaults): Promise<CreditDefaults> {
  return inTenant(db, auth, async (tx) => {
    await lockTenantSettings(tx);
    const before = await creditDefaults(tx);
    const current = ((await readTenantSettings(tx, 'credit')) ?? {}) as Record<string, unknown>;
    await setTenantSettings(tx, 'credit', { ...current, defaultLimits: input.defaultLimits });
    await recordAudit(tx, auth, {
      action: 'update', entityType: 'tenant_settings', entityId: auth.tenantId,
      before: Object.fromEntries(CUSTOMER_GRADES.map((g) => [`defaultCreditLimit${g}`, before.defaultLimits[g]])),
      after: Object.fromEntries(CUSTOMER_GRADES.map((g) => [`defaultCreditLimit${g}`, input.defaultLimits[g]])),
    });
    return creditDefaults(tx);
  });
}

export const CreditPositionSchema = z.object({
  customerId: z.string(), customerName: z.string(), grade: z.string().nullable(), currency: z.string(),
  limit: z.string(), open: z.string(), committed: z.string(), available: z.string().describe('limit − open − committed; negative when over'),
  limitSource: z.enum(['profile', 'grade_default']).describe('profile: set for this customer; grade_default: the tenant\'s default for its grade'),
  gradeDefault: z.string().nullable(), paymentTermDays: z.number().int(), riskLevel: z.string(), onHold: z.boolean(), holdReason: z.string().nullable(),
});

/** The customer's credit position with its parts, for the credit screen: where the limit comes from, what uses it. */
export async function creditPositionView(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    const c = await visibleCustomerGrade(tx, customerId, auth.userId, auth.scope);
    if (!c) throw commonError('not_found', 'Customer not found');
    const currency = 'CNY'; // credit is kept in the tenant's book currency, like the customer's accounts
    const p = await creditPosition(tx, auth.tenantId, customerId, { currency });
    const defaults = await creditDefaults(tx);
    return {
      customerId, customerName: c.name, grade: c.grade, currency, limit: p.limit, open: p.open, committed: p.committed, available: p.available,
      limitSource: p.limitSource, gradeDefault: c.grade ? (defaults.defaultLimits[c.grade as keyof CreditDefaults['defaultLimits']] ?? null) : null,
      paymentTermDays: p.paymentTermDays, riskLevel: p.riskLevel, onHold: p.onHold, holdReason: p.holdReason,
    };
  });
}

export function creditDefaultsRoutes(app: App, db: Db) {
  app.get('/api/v1/customers/:id/credit-position', {
    schema: {
      operationId: 'getCreditPosition', summary: 'Get a customer\'s credit position', tags: ['credit'],
      description: 'Available credit = limit − open receivables − committed (approved, signed or performing contracts not yet invoiced), with where the limit comes from.',
      params: z.object({ id: IdSchema }), response: { 200: CreditPositionSchema },
    },
    preHandler: requirePermission('credit', 'read'),
  }, async (req) => creditPositionView(db, requireAuth(req), req.params.id));

  app.get('/api/v1/settings/credit', {
    schema: { operationId: 'getCreditDefaults', summary: 'Get the default credit limit per customer grade', tags: ['credit'], response: { 200: CreditDefaultsSchema } },
    preHandler: requirePermission('credit', 'read'),
  }, async (req) => inTenant(db, requireAuth(req), (tx) => creditDefaults(tx)));

  app.put('/api/v1/settings/credit', {
    schema: {
      operationId: 'updateCreditDefaults', summary: 'Set the default credit limit per customer grade', tags: ['credit'],
      description: 'Applies at once to every customer without a limit of its own (available credit = limit − open − committed). Audited.',
      body: CreditDefaultsSchema, response: { 200: CreditDefaultsSchema },
    },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => setCreditDefaults(db, requireAuth(req), req.body));
}
