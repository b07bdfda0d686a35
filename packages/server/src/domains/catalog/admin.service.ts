// Product lines, units and product managers: the catalog's reference data. Changes are audited.
import type { z } from 'zod';
import type { CatalogManagersInput, ProductLineInput, ProductLineUpdate, UnitInput } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { assertCanManage, canManage } from './access.js';
import { catalogError } from './catalog.errors.js';
import * as a from './admin.sql.js';

export async function listProductLines(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: await a.listProductLines(tx) }));
}

export async function createProductLine(db: Db, auth: AuthContext, input: z.infer<typeof ProductLineInput>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await a.insertProductLine(tx, auth.tenantId, input);
    await recordAudit(tx, auth, { action: 'catalog.product_line.create', entityType: 'product_line', entityId: row.id, after: { code: row.code, name: row.name, active: row.active } });
    return row;
  });
}

export async function updateProductLine(db: Db, auth: AuthContext, id: string, input: z.infer<typeof ProductLineUpdate>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const before = await a.productLineById(tx, id, true);
    if (!before) throw catalogError('not_found');
    if (before.version !== input.version) throw commonError('version_conflict');
    const { version: _v, ...set } = input;
    const after = await a.updateProductLine(tx, id, set);
    await recordAudit(tx, auth, { action: 'catalog.product_line.update', entityType: 'product_line', entityId: id, before: { code: before.code, name: before.name, active: before.active }, after: { code: after.code, name: after.name, active: after.active } });
    return after;
  });
}

export async function listUnits(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: await a.listUnits(tx) }));
}

export async function createUnit(db: Db, auth: AuthContext, input: z.infer<typeof UnitInput>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await a.insertUnit(tx, auth.tenantId, input);
    await recordAudit(tx, auth, { action: 'catalog.unit.create', entityType: 'catalog_unit', entityId: row.id, after: { code: row.code, name: row.name } });
    return row;
  });
}

export async function getManagers(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({
    items: (await a.listManagers(tx)).map((m) => ({ userId: m.user_id, name: m.name })),
    canManage: await canManage(tx, auth),
  }));
}

/** Only an admin (the role's catalog permission) grants the capability: a product manager cannot make others. */
export async function setManagers(db: Db, auth: AuthContext, input: z.infer<typeof CatalogManagersInput>) {
  return inTenant(db, auth, async (tx) => {
    const before = (await a.listManagers(tx)).map((m) => m.user_id).sort();
    const userIds = [...new Set(input.userIds)].sort();
    await a.replaceManagers(tx, auth.tenantId, userIds, auth.userId);
    if (JSON.stringify(before) !== JSON.stringify(userIds)) {
      await recordAudit(tx, auth, { action: 'catalog.managers.update', entityType: 'tenant', entityId: auth.tenantId, changes: [{ field: 'catalogManagers', before, after: userIds }] });
    }
    return { items: (await a.listManagers(tx)).map((m) => ({ userId: m.user_id, name: m.name })), canManage: true };
  });
}
