// Bundle (sales BOM) queries only: the option groups, options and rules of bundle SKUs, one level at a time.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function groupsOf(tx: Tx, bundleIds: readonly string[]) {
  if (bundleIds.length === 0) return [];
  return tx.selectFrom('bundle_groups').selectAll().where('bundle_sku_id', 'in', [...bundleIds]).orderBy('position').orderBy('code').execute();
}

export async function optionsOf(tx: Tx, bundleIds: readonly string[]) {
  if (bundleIds.length === 0) return [];
  return tx.selectFrom('bundle_options as o').innerJoin('skus as s', 's.id', 'o.sku_id')
    .select(['o.id', 'o.bundle_sku_id', 'o.group_id', 'o.sku_id', 'o.is_default', 'o.default_qty', 'o.min_qty', 'o.max_qty', 'o.position',
      's.code as sku_code', 's.name as sku_name', 's.is_bundle', 's.status as sku_status'])
    .where('o.bundle_sku_id', 'in', [...bundleIds]).orderBy('o.position').orderBy('s.code').execute();
}

export async function rulesOf(tx: Tx, bundleIds: readonly string[]) {
  if (bundleIds.length === 0) return [];
  return tx.selectFrom('bundle_rules').selectAll().where('bundle_sku_id', 'in', [...bundleIds]).orderBy('position').orderBy('id').execute();
}

export type GroupRow = Awaited<ReturnType<typeof groupsOf>>[number];
export type OptionRow = Awaited<ReturnType<typeof optionsOf>>[number];
export type RuleRow = Awaited<ReturnType<typeof rulesOf>>[number];

/** Replacing a bundle's structure: rules and options go with their groups (cascade), then the new ones are inserted. */
export async function deleteStructure(tx: Tx, bundleId: string) {
  await tx.deleteFrom('bundle_rules').where('bundle_sku_id', '=', bundleId).execute();
  await tx.deleteFrom('bundle_options').where('bundle_sku_id', '=', bundleId).execute();
  await tx.deleteFrom('bundle_groups').where('bundle_sku_id', '=', bundleId).execute();
}

export async function insertGroup(tx: Tx, tenantId: string, bundleId: string, g: { code: string; name: string; required: boolean; minOptions: number; maxOptions: number | null; position: number }) {
  return tx.insertInto('bundle_groups').values({
    tenant_id: tenantId, bundle_sku_id: bundleId, code: g.code, name: g.name, required: g.required, min_options: g.minOptions, max_options: g.maxOptions, position: g.position,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function insertOption(tx: Tx, tenantId: string, bundleId: string, groupId: string, o: { skuId: string; isDefault: boolean; defaultQty: string; minQty: string; maxQty: string | null; position: number }) {
  return tx.insertInto('bundle_options').values({
    tenant_id: tenantId, bundle_sku_id: bundleId, group_id: groupId, sku_id: o.skuId, is_default: o.isDefault,
    default_qty: o.defaultQty, min_qty: o.minQty, max_qty: o.maxQty, position: o.position,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function insertRule(tx: Tx, tenantId: string, bundleId: string, r: { kind: 'requires' | 'excludes' | 'max_ratio'; optionId: string; targetOptionId: string; factor: string | null; position: number }) {
  await tx.insertInto('bundle_rules').values({
    tenant_id: tenantId, bundle_sku_id: bundleId, kind: r.kind, option_id: r.optionId, target_option_id: r.targetOptionId, factor: r.factor, position: r.position,
  }).execute();
}

/**
 * Bundles that contain `skuId` at any depth (itself included): a bundle may not take one of these as an option, or it
 * would contain itself. Recursive, bounded by the depth limit plus one.
 */
export async function bundlesContaining(tx: Tx, skuId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    with recursive up(id, depth) as (
      select ${skuId}::uuid, 0
      union
      select o.bundle_sku_id, up.depth + 1 from bundle_options o join up on o.sku_id = up.id where up.depth < 6
    ) select distinct id from up`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** The bundles that have this SKU as a direct option. */
export async function parentsOf(tx: Tx, skuId: string): Promise<string[]> {
  return (await tx.selectFrom('bundle_options').select('bundle_sku_id').distinct().where('sku_id', '=', skuId).execute()).map((r) => r.bundle_sku_id);
}
