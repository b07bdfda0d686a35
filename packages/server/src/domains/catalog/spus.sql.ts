// SPU queries only: the product with its product line, base unit, unit factors and number of SKUs.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

function selectSpu(tx: Tx) {
  return tx.selectFrom('spus as p')
    .innerJoin('catalog_units as u', 'u.id', 'p.base_unit_id')
    .leftJoin('product_lines as l', 'l.id', 'p.product_line_id')
    .select([
      'p.id', 'p.code', 'p.name', 'p.kind', 'p.product_line_id', 'l.code as product_line_code', 'l.name as product_line_name',
      'p.base_unit_id', 'u.code as unit_code', 'u.name as unit_name', 'p.tax_rate', 'p.tax_code', 'p.description', 'p.attributes',
      'p.exclusions', 'p.sell_grades', 'p.sell_channels', 'p.sell_regions', 'p.status', 'p.version', 'p.created_at', 'p.updated_at',
    ])
    .select(sql<number>`(select count(*)::int from skus s where s.spu_id = p.id)`.as('sku_count'));
}
export type SpuRow = Awaited<ReturnType<typeof spuById>> & object;

export async function spuById(tx: Tx, id: string, forUpdate = false) {
  let q = selectSpu(tx).where('p.id', '=', id);
  if (forUpdate) q = q.forUpdate('p');
  return q.executeTakeFirst();
}

export async function listSpus(tx: Tx, f: { q?: string | undefined; productLineId?: string | undefined; kind?: string | undefined; status?: string | undefined }, afterCode: string | null, limit: number) {
  let q = selectSpu(tx);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('p.code', 'ilike', like), eb('p.name', 'ilike', like)]));
  }
  if (f.productLineId) q = q.where('p.product_line_id', '=', f.productLineId);
  if (f.kind) q = q.where('p.kind', '=', f.kind as 'goods');
  if (f.status) q = q.where('p.status', '=', f.status as 'active');
  if (afterCode !== null) q = q.where('p.code', '>', afterCode);
  return q.orderBy('p.code').limit(limit + 1).execute();
}

export async function unitsOf(tx: Tx, spuIds: string[]) {
  if (spuIds.length === 0) return [];
  return tx.selectFrom('spu_units as x').innerJoin('catalog_units as u', 'u.id', 'x.unit_id')
    .select(['x.spu_id', 'x.unit_id', 'u.code', 'u.name', 'x.factor']).where('x.spu_id', 'in', spuIds).orderBy('x.factor').execute();
}

export interface SpuWrite {
  name: string; kind: 'goods' | 'virtual' | 'service' | 'project'; productLineId: string | null; baseUnitId: string; taxRate: string;
  taxCode: string | null; description: string | null; attributes: unknown[]; exclusions: unknown[];
  sellGrades: string[] | null; sellChannels: string[] | null; sellRegions: string[] | null; status: 'active' | 'inactive';
}

function columns(w: SpuWrite) {
  return {
    name: w.name, kind: w.kind, product_line_id: w.productLineId, base_unit_id: w.baseUnitId, tax_rate: w.taxRate, tax_code: w.taxCode,
    description: w.description, attributes: JSON.stringify(w.attributes), exclusions: JSON.stringify(w.exclusions),
    sell_grades: w.sellGrades, sell_channels: w.sellChannels, sell_regions: w.sellRegions, status: w.status,
  };
}

export async function insertSpu(tx: Tx, tenantId: string, code: string, createdBy: string, w: SpuWrite) {
  return tx.insertInto('spus').values({ tenant_id: tenantId, code, created_by: createdBy, ...columns(w) }).returning('id').executeTakeFirstOrThrow();
}

export async function updateSpu(tx: Tx, id: string, w: SpuWrite) {
  await tx.updateTable('spus').set({ ...columns(w), version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function replaceUnits(tx: Tx, tenantId: string, spuId: string, units: Array<{ unitId: string; factor: string }>) {
  await tx.deleteFrom('spu_units').where('spu_id', '=', spuId).execute();
  if (units.length === 0) return;
  await tx.insertInto('spu_units').values(units.map((u) => ({ tenant_id: tenantId, spu_id: spuId, unit_id: u.unitId, factor: u.factor }))).execute();
}
