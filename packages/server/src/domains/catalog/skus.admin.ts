// SKU reads and writes over HTTP: lists (sellable ones for everyone, all for product managers), one SKU, a single
// SKU made by hand, and changes of name, price, cost, status or bundle flag — each price, cost and status change in
// the audit trail, field by field.
import type { z } from 'zod';
import { isExcluded, variantKey, type Attribute, type Exclusion, type SkuInput, type SkuListQuery, type SkuUpdate } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { assertCanManage, canManage, seesCost } from './access.js';
import { catalogError } from './catalog.errors.js';
import { getSkusTx, toSku, toSkuView } from './skus.service.js';
import * as s from './skus.sql.js';
import * as p from './spus.sql.js';

export async function listSkus(db: Db, auth: AuthContext, query: z.infer<typeof SkuListQuery>) {
  const after = decodeCursor(query.cursor, ['text']) as [string] | null;
  return inTenant(db, auth, async (tx) => {
    const manager = await canManage(tx, auth);
    // Everyone reads what is sellable; product managers also see inactive items (and may filter by status).
    const rows = await s.listSkus(tx, {
      ...query, bundles: query.bundles === undefined ? undefined : query.bundles === 'true', sellableOnly: !manager,
    }, after?.[0] ?? null, query.limit);
    const page = rows.slice(0, query.limit);
    const showCost = await seesCost(tx, auth);
    return { items: page.map((r) => toSkuView(toSku(r), showCost)), nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.code]) : null };
  });
}

export async function getSku(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const [sku] = await getSkusTx(tx, [id]);
    if (!sku) throw catalogError('not_found');
    if (sku.status !== 'active' && !(await canManage(tx, auth))) throw catalogError('not_found');
    return toSkuView(sku, await seesCost(tx, auth));
  });
}

export async function createSku(db: Db, auth: AuthContext, input: z.infer<typeof SkuInput>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const spu = await p.spuById(tx, input.spuId);
    if (!spu) throw catalogError('not_found', 'No such product (spuId)', { errors: [{ path: 'spuId', message: 'no such product' }] });
    const attributes = spu.attributes as unknown as Attribute[];
    for (const [k, v] of Object.entries(input.attributeValues)) {
      if (!attributes.find((a) => a.code === k)?.values.some((x) => x.code === v)) {
        throw commonError('invalid', `${k}=${v} is not an attribute value of ${spu.code}`, { errors: [{ path: `attributeValues.${k}`, message: 'not an attribute value of this product' }] });
      }
    }
    if (isExcluded(input.attributeValues, spu.exclusions as unknown as Exclusion[])) {
      throw commonError('invalid', 'This combination is excluded for the product', { errors: [{ path: 'attributeValues', message: 'an excluded combination' }] });
    }
    const { id } = await s.insertSku(tx, auth.tenantId, {
      spuId: input.spuId, code: input.code, name: input.name, attributeValues: input.attributeValues, variantKey: Object.keys(input.attributeValues).length ? variantKey(input.attributeValues) : `#${input.code}`,
      currency: 'CNY', listPrice: input.listPrice, cost: input.cost, isBundle: input.isBundle, status: input.status,
    });
    const [sku] = await getSkusTx(tx, [id]);
    await recordAudit(tx, auth, { action: 'catalog.sku.create', entityType: 'sku', entityId: id, after: { code: sku!.code, listPrice: sku!.listPrice, cost: sku!.cost, status: sku!.status } });
    return sku!;
  });
}

export async function updateSku(db: Db, auth: AuthContext, id: string, input: z.infer<typeof SkuUpdate>) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await s.skuById(tx, id, true);
    if (!row) throw catalogError('not_found');
    if (row.version !== input.version) throw commonError('version_conflict');
    const { version: _v, ...set } = input;
    await s.updateSku(tx, id, set);
    const next = (await s.skuById(tx, id))!;
    const audited = (x: typeof row) => ({ name: x.name, listPrice: x.list_price, cost: x.cost, status: x.status, isBundle: x.is_bundle });
    await recordAudit(tx, auth, { action: 'catalog.sku.update', entityType: 'sku', entityId: id, before: audited(row), after: audited(next) });
    const after = toSku(next);
    return after;
  });
}
