// SKU queries only: a SKU with what it inherits from its SPU (kind, product line, base unit, tax), for lists, pickers
// and the other domains (quotes, contracts) through getSkusTx.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

function selectSku(tx: Tx) {
  return tx.selectFrom('skus as s')
    .innerJoin('spus as p', 'p.id', 's.spu_id')
    .innerJoin('catalog_units as u', 'u.id', 'p.base_unit_id')
    .leftJoin('product_lines as l', 'l.id', 'p.product_line_id')
    .select([
      's.id', 's.code', 's.name', 's.spu_id', 'p.code as spu_code', 'p.name as spu_name', 's.attribute_values', 's.variant_key',
      'p.kind', 'p.product_line_id', 'l.code as product_line_code', 'l.name as product_line_name',
      'p.base_unit_id as unit_id', 'u.code as unit_code', 'u.name as unit_name',
      's.currency', 's.list_price', 's.cost', 'p.tax_rate', 'p.tax_code', 's.is_bundle', 's.status', 'p.status as spu_status',
      'p.sell_grades', 'p.sell_channels', 'p.sell_regions', 's.version', 's.updated_at',
    ]);
}

export type SkuRow = Awaited<ReturnType<typeof skusByIds>>[number];

export async function skusByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  // one array parameter, not an `in` list of n: the same statement text for any n, so it is prepared once per session
  return selectSku(tx).where('s.id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

export async function skuById(tx: Tx, id: string, forUpdate = false) {
  let q = selectSku(tx).where('s.id', '=', id);
  if (forUpdate) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export interface SkuFilter {
  q?: string | undefined; spuId?: string | undefined; productLineId?: string | undefined; kind?: string | undefined;
  status?: string | undefined; bundles?: boolean | undefined;
  /** sellable to a customer of this grade / channel / region (null arrays on the SPU = everyone) */
  grade?: string | undefined; channel?: string | undefined; region?: string | undefined;
  sellableOnly?: boolean | undefined;
}

/** A page of SKUs by code; `sellableOnly` keeps active SKUs of active SPUs that the scope lets through. */
export async function listSkus(tx: Tx, f: SkuFilter, afterCode: string | null, limit: number) {
  let q = selectSku(tx);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('s.code', 'ilike', like), eb('s.name', 'ilike', like), eb('p.name', 'ilike', like)]));
  }
  if (f.spuId) q = q.where('s.spu_id', '=', f.spuId);
  if (f.productLineId) q = q.where('p.product_line_id', '=', f.productLineId);
  if (f.kind) q = q.where('p.kind', '=', f.kind as 'goods');
  if (f.status) q = q.where('s.status', '=', f.status as 'active');
  if (f.bundles !== undefined) q = q.where('s.is_bundle', '=', f.bundles);
  if (f.sellableOnly) q = q.where('s.status', '=', 'active').where('p.status', '=', 'active');
  for (const cond of scopeConditions(f)) q = q.where(cond);
  if (afterCode !== null) q = q.where('s.code', '>', afterCode);
  return q.orderBy('s.code').limit(limit + 1).execute();
}

function scopeConditions(f: SkuFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (f.grade) out.push(sql<boolean>`(p.sell_grades is null or ${f.grade}::text = any(p.sell_grades))`);
  if (f.channel) out.push(sql<boolean>`(p.sell_channels is null or ${f.channel}::text = any(p.sell_channels))`);
  if (f.region) out.push(sql<boolean>`(p.sell_regions is null or ${f.region}::text = any(p.sell_regions))`);
  return out;
}

export async function insertSku(tx: Tx, tenantId: string, s: {
  spuId: string; code: string; name: string; attributeValues: Record<string, string>; variantKey: string; currency: string;
  listPrice: string; cost: string | null; isBundle: boolean; status: 'active' | 'inactive';
}) {
  return tx.insertInto('skus').values({
    tenant_id: tenantId, spu_id: s.spuId, code: s.code, name: s.name, attribute_values: JSON.stringify(s.attributeValues),
    variant_key: s.variantKey, currency: s.currency, list_price: s.listPrice, cost: s.cost, is_bundle: s.isBundle, status: s.status,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function updateSku(tx: Tx, id: string, set: { name?: string; listPrice?: string; cost?: string | null; status?: 'active' | 'inactive'; isBundle?: boolean }) {
  await tx.updateTable('skus').set({
    ...(set.name !== undefined ? { name: set.name } : {}),
    ...(set.listPrice !== undefined ? { list_price: set.listPrice } : {}),
    ...(set.cost !== undefined ? { cost: set.cost } : {}),
    ...(set.status !== undefined ? { status: set.status } : {}),
    ...(set.isBundle !== undefined ? { is_bundle: set.isBundle } : {}),
    version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function skuIdsOfSpu(tx: Tx, spuId: string) {
  return tx.selectFrom('skus').select(['id', 'variant_key', 'code', 'status']).where('spu_id', '=', spuId).execute();
}

/** The raw row of a SKU by code, locked: the import updates it. */
export async function skuByCode(tx: Tx, code: string) {
  return tx.selectFrom('skus').select(['id', 'name', 'list_price', 'cost', 'status', 'version']).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function spuIdByCode(tx: Tx, code: string): Promise<string | null> {
  return (await tx.selectFrom('spus').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
}

export async function skuIdsByCode(tx: Tx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  return (await tx.selectFrom('skus').select('id').where('code', 'in', [...codes]).execute()).map((r) => r.id);
}
