// SPUs: products with their specification attributes, excluded combinations, units and sellable scope; and the
// variant generator, which makes the SKUs for the combinations that do not exist yet. Status and tax changes are
// audited (prices and costs are the SKUs', audited in skus.service.ts).
import type { z } from 'zod';
import { generateVariants, MAX_VARIANTS, variantCount, type Attribute, type Exclusion, type GenerateVariantsInput, type SpuInput, type SpuListQuery, type SpuUpdate } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit, recordAudits } from '../../platform/audit.js';
import { commonError, type FieldProblem } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { assertCanManage, seesCost } from './access.js';
import { catalogError } from './catalog.errors.js';
import { getSkusTx, toSkuView } from './skus.service.js';
import * as p from './spus.sql.js';
import * as s from './skus.sql.js';

type SpuRow = NonNullable<Awaited<ReturnType<typeof p.spuById>>>;
type UnitRow = Awaited<ReturnType<typeof p.unitsOf>>[number];

function rate(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') || '0' : v;
}
const trimDec = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);

function toSpu(r: SpuRow, units: UnitRow[]) {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind,
    productLine: r.product_line_id ? { id: r.product_line_id, code: r.product_line_code!, name: r.product_line_name! } : null,
    baseUnit: { id: r.base_unit_id, code: r.unit_code, name: r.unit_name }, taxRate: rate(r.tax_rate), taxCode: r.tax_code, description: r.description,
    attributes: r.attributes as unknown as Attribute[], exclusions: r.exclusions as unknown as Exclusion[],
    units: units.filter((u) => u.spu_id === r.id).map((u) => ({ unit: { id: u.unit_id, code: u.code, name: u.name }, factor: trimDec(u.factor) })),
    sellable: { grades: r.sell_grades, channels: r.sell_channels, regions: r.sell_regions },
    status: r.status, skuCount: r.sku_count, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Attribute and value codes unique, exclusions naming real attributes and values, units once and not the base. */
function checkShape(w: { attributes: Attribute[]; exclusions: Exclusion[]; units: Array<{ unitId: string }>; baseUnitId: string }): void {
  const problems: FieldProblem[] = [];
  const attrs = new Map<string, Set<string>>();
  w.attributes.forEach((a, i) => {
    if (attrs.has(a.code)) problems.push({ path: `attributes.${i}.code`, message: `attribute ${a.code} appears twice` });
    const values = new Set<string>();
    a.values.forEach((v, j) => {
      if (values.has(v.code)) problems.push({ path: `attributes.${i}.values.${j}.code`, message: `value ${v.code} appears twice` });
      values.add(v.code);
    });
    attrs.set(a.code, values);
  });
  w.exclusions.forEach((ex, i) => {
    if (Object.keys(ex).length === 0) problems.push({ path: `exclusions.${i}`, message: 'an exclusion names at least one attribute value' });
    for (const [k, v] of Object.entries(ex)) {
      if (!attrs.get(k)?.has(v)) problems.push({ path: `exclusions.${i}.${k}`, message: `${k}=${v} is not an attribute value of this product` });
    }
  });
  const seen = new Set<string>();
  w.units.forEach((u, i) => {
    if (u.unitId === w.baseUnitId) problems.push({ path: `units.${i}.unitId`, message: 'the base unit needs no conversion' });
    if (seen.has(u.unitId)) problems.push({ path: `units.${i}.unitId`, message: 'this unit appears twice' });
    seen.add(u.unitId);
  });
  if (variantCount(w.attributes) > MAX_VARIANTS) problems.push({ path: 'attributes', message: `more than ${MAX_VARIANTS} combinations` });
  if (problems.length > 0) throw commonError('invalid', problems[0]!.message, { errors: problems });
}

async function readSpu(tx: Tx, id: string) {
  const row = await p.spuById(tx, id);
  if (!row) throw catalogError('not_found');
  return toSpu(row, await p.unitsOf(tx, [id]));
}

export async function getSpu(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, (tx) => readSpu(tx, id));
}

export async function listSpus(db: Db, auth: AuthContext, query: z.infer<typeof SpuListQuery>) {
  const after = decodeCursor(query.cursor, ['text']) as [string] | null;
  return inTenant(db, auth, async (tx) => {
    const rows = await p.listSpus(tx, query, after?.[0] ?? null, query.limit);
    const page = rows.slice(0, query.limit);
    const units = await p.unitsOf(tx, page.map((r) => r.id));
    return { items: page.map((r) => toSpu(r, units)), nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.code]) : null };
  });
}

export async function createSpuTx(tx: Tx, auth: AuthContext, input: SpuInput) {
  checkShape(input);
  const { id } = await p.insertSpu(tx, auth.tenantId, input.code, auth.userId, {
    ...input, sellGrades: input.sellable.grades, sellChannels: input.sellable.channels, sellRegions: input.sellable.regions,
  });
  await p.replaceUnits(tx, auth.tenantId, id, input.units);
  const after = await readSpu(tx, id);
  await recordAudit(tx, auth, { action: 'catalog.spu.create', entityType: 'spu', entityId: id, after: { code: after.code, name: after.name, kind: after.kind, taxRate: after.taxRate, taxCode: after.taxCode, status: after.status } });
  return after;
}

export async function createSpu(db: Db, auth: AuthContext, input: SpuInput) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    return createSpuTx(tx, auth, input);
  });
}

export async function updateSpu(db: Db, auth: AuthContext, id: string, input: SpuUpdate) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await p.spuById(tx, id, true);
    if (!row) throw catalogError('not_found');
    if (row.version !== input.version) throw commonError('version_conflict');
    const before = toSpu(row, await p.unitsOf(tx, [id]));
    const next = {
      name: input.name ?? before.name, kind: input.kind ?? before.kind,
      productLineId: input.productLineId !== undefined ? input.productLineId : before.productLine?.id ?? null,
      baseUnitId: input.baseUnitId ?? before.baseUnit.id, taxRate: input.taxRate ?? before.taxRate,
      taxCode: input.taxCode !== undefined ? input.taxCode : before.taxCode,
      description: input.description !== undefined ? input.description : before.description,
      attributes: input.attributes ?? before.attributes, exclusions: input.exclusions ?? before.exclusions,
      units: input.units ?? before.units.map((u) => ({ unitId: u.unit.id, factor: u.factor })),
      sellable: input.sellable ?? before.sellable, status: input.status ?? before.status,
    };
    checkShape(next);
    await p.updateSpu(tx, id, { ...next, sellGrades: next.sellable.grades, sellChannels: next.sellable.channels, sellRegions: next.sellable.regions });
    if (input.units) await p.replaceUnits(tx, auth.tenantId, id, next.units);
    const after = await readSpu(tx, id);
    const audited = (x: typeof after) => ({ name: x.name, kind: x.kind, productLine: x.productLine?.code ?? null, taxRate: x.taxRate, taxCode: x.taxCode, status: x.status, sellable: x.sellable, units: x.units.map((u) => `${u.unit.code}=${u.factor}`) });
    await recordAudit(tx, auth, { action: 'catalog.spu.update', entityType: 'spu', entityId: id, before: audited(before), after: audited(after) });
    return after;
  });
}

/**
 * Make the SKUs of the combinations that have none yet (an existing SKU, even inactive, keeps its combination):
 * code SPU-VALUE-VALUE, name "SPU name value / value", at the given price and cost.
 */
export async function generateSkus(db: Db, auth: AuthContext, spuId: string, input: z.infer<typeof GenerateVariantsInput>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await p.spuById(tx, spuId, true);
    if (!row) throw catalogError('not_found');
    if (row.version !== input.version) throw commonError('version_conflict');
    const attributes = row.attributes as unknown as Attribute[];
    if (variantCount(attributes) > MAX_VARIANTS) throw catalogError('too_many_variants');
    const variants = generateVariants(attributes, row.exclusions as unknown as Exclusion[]);
    const existing = new Set((await s.skuIdsOfSpu(tx, spuId)).map((x) => x.variant_key));
    const created: string[] = [];
    for (const v of variants) {
      if (existing.has(v.key)) continue;
      const code = v.codeSuffix ? `${row.code}-${v.codeSuffix}` : row.code;
      const name = v.nameSuffix ? `${row.name} ${v.nameSuffix}` : row.name;
      const { id } = await s.insertSku(tx, auth.tenantId, {
        spuId, code, name, attributeValues: v.values, variantKey: v.key, currency: 'CNY', listPrice: input.listPrice, cost: input.cost, isBundle: false, status: 'active',
      });
      created.push(id);
    }
    const skus = await getSkusTx(tx, created);
    await recordAudits(tx, auth, skus.map((k) => ({ action: 'catalog.sku.create', entityType: 'sku', entityId: k.id, after: { code: k.code, listPrice: k.listPrice, cost: k.cost, status: k.status } })));
    const showCost = await seesCost(tx, auth);
    return { created: skus.map((k) => toSkuView(k, showCost)), existing: variants.length - created.length, excluded: variantCount(attributes) - variants.length };
  });
}
