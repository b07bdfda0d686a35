// Catalog reference data queries only: product lines, units of measure, and the product manager capability.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function listProductLines(tx: Tx) {
  return tx.selectFrom('product_lines').select(['id', 'code', 'name', 'active', 'version']).orderBy('code').execute();
}
export type ProductLineRow = Awaited<ReturnType<typeof listProductLines>>[number];

export async function productLineById(tx: Tx, id: string, forUpdate = false) {
  const q = tx.selectFrom('product_lines').select(['id', 'code', 'name', 'active', 'version']).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertProductLine(tx: Tx, tenantId: string, p: { code: string; name: string; active: boolean }) {
  return tx.insertInto('product_lines').values({ tenant_id: tenantId, ...p }).returning(['id', 'code', 'name', 'active', 'version']).executeTakeFirstOrThrow();
}

export async function updateProductLine(tx: Tx, id: string, p: { code?: string | undefined; name?: string | undefined; active?: boolean | undefined }) {
  return tx.updateTable('product_lines').set({
    ...(p.code !== undefined ? { code: p.code } : {}), ...(p.name !== undefined ? { name: p.name } : {}), ...(p.active !== undefined ? { active: p.active } : {}),
    version: sql`version + 1`,
  }).where('id', '=', id).returning(['id', 'code', 'name', 'active', 'version']).executeTakeFirstOrThrow();
}

export async function listUnits(tx: Tx) {
  return tx.selectFrom('catalog_units').select(['id', 'code', 'name']).orderBy('code').execute();
}

export async function insertUnit(tx: Tx, tenantId: string, u: { code: string; name: string }) {
  return tx.insertInto('catalog_units').values({ tenant_id: tenantId, ...u }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

export async function isManager(tx: Tx, userId: string): Promise<boolean> {
  const r = await tx.selectFrom('catalog_managers').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return r !== undefined;
}

export async function listManagers(tx: Tx) {
  return tx.selectFrom('catalog_managers as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name']).orderBy('u.name').execute();
}

export async function replaceManagers(tx: Tx, tenantId: string, userIds: string[], grantedBy: string) {
  await tx.deleteFrom('catalog_managers').where('user_id', 'not in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']).execute();
  if (userIds.length === 0) return;
  await tx.insertInto('catalog_managers').values(userIds.map((u) => ({ tenant_id: tenantId, user_id: u, granted_by: grantedBy })))
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing()).execute();
}
