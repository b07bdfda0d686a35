// Tenant rules of the public pool: how many days without follow-up return a customer, and the daily claim cap.
import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { inTenant, type Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { lockTenantSettings, setTenantSettings } from '../../platform/tenants.js';
import { poolSettings } from './pool.service.js';

const PoolSettingsSchema = z.object({ reclaimDays: z.number().int().min(1).max(3650), claimDailyCap: z.number().int().min(0).max(1000) });

export function customerSettingsRoutes(app: App, db: Db) {
  app.get('/api/v1/settings/pool', {
    schema: { operationId: 'getPoolSettings', summary: 'Get the public pool settings', tags: ['pool'], response: { 200: PoolSettingsSchema } },
    preHandler: requirePermission('pool', 'read'),
  }, async (req) => inTenant(db, requireAuth(req), (tx) => poolSettings(tx)));

  app.put('/api/v1/settings/pool', {
    schema: { operationId: 'updatePoolSettings', summary: 'Update the public pool settings', tags: ['pool'], body: PoolSettingsSchema, response: { 200: PoolSettingsSchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => {
    const auth = requireAuth(req);
    return inTenant(db, auth, async (tx) => {
      await lockTenantSettings(tx); // the platform owns tenants: settings change through its functions
      const before = await poolSettings(tx);
      await setTenantSettings(tx, 'pool', req.body);
      await recordAudit(tx, auth, { action: 'update', entityType: 'tenant_settings', entityId: auth.tenantId, before: { ...before }, after: { ...req.body } });
      return req.body;
    });
  });
}
