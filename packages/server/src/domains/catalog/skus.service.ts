// SKUs as the rest of L2C sees them: with their SPU's kind, product line, unit and tax. getSkusTx is what quotes and
// contracts call inside their own transaction.
import type { Tx } from '../../platform/db.js';
import * as s from './skus.sql.js';

export type ProductKind = 'goods' | 'virtual' | 'service' | 'project';

export interface CatalogSku {
  id: string;
  code: string;
  name: string;
  spu: { id: string; code: string; name: string };
  attributeValues: Record<string, string>;
  kind: ProductKind;
  productLine: { id: string; code: string; name: string } | null;
  unit: { id: string; code: string; name: string };
  currency: string;
  listPrice: string;
  /** unit cost; null when nobody has entered it */
  cost: string | null;
  taxRate: string;
  /** 税收分类编码, 19 digits */
  taxCode: string | null;
  isBundle: boolean;
  /** the SKU's own status; inactive when its SPU is inactive */
  status: 'active' | 'inactive';
  sellable: { grades: string[] | null; channels: string[] | null; regions: string[] | null };
  version: number;
  updatedAt: string;
}

/** numeric(5,4) 0.1300 → "0.13", as contracts and invoices write tax rates. */
function rate(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') || '0' : v;
}

export function toSku(r: s.SkuRow): CatalogSku {
  return {
    id: r.id, code: r.code, name: r.name, spu: { id: r.spu_id, code: r.spu_code, name: r.spu_name },
    attributeValues: (r.attribute_values ?? {}) as Record<string, string>,
    kind: r.kind, productLine: r.product_line_id ? { id: r.product_line_id, code: r.product_line_code!, name: r.product_line_name! } : null,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name }, currency: r.currency, listPrice: r.list_price,
    cost: r.cost === null ? null : r.cost.includes('.') ? r.cost.replace(/\.?0+$/, '') : r.cost, taxRate: rate(r.tax_rate), taxCode: r.tax_code, isBundle: r.is_bundle,
    status: r.status === 'active' && r.spu_status === 'active' ? 'active' : 'inactive',
    sellable: { grades: r.sell_grades, channels: r.sell_channels, regions: r.sell_regions },
    version: r.version, updatedAt: r.updated_at,
  };
}

/**
 * The SKUs with these ids (of the caller's tenant: row-level security), in the order asked; unknown ids are left out,
 * so a caller compares lengths to find them.
 */
export async function getSkusTx(tx: Tx, ids: readonly string[]): Promise<CatalogSku[]> {
  const unique = [...new Set(ids)];
  const rows = await s.skusByIds(tx, unique);
  const byId = new Map(rows.map((r) => [r.id, toSku(r)]));
  return unique.map((id) => byId.get(id)).filter((x): x is CatalogSku => x !== undefined);
}

/** Is the SKU sellable to a customer of this grade, channel and region (unknown facts of the customer do not refuse)? */
export function isSellableTo(sku: CatalogSku, who: { grade?: string | null | undefined; channel?: string | null | undefined; region?: string | null | undefined }): boolean {
  if (sku.status !== 'active') return false;
  const ok = (list: string[] | null, v: string | null | undefined) => list === null || !v || list.includes(v);
  return ok(sku.sellable.grades, who.grade) && ok(sku.sellable.channels, who.channel) && ok(sku.sellable.regions, who.region);
}

/** What a caller is shown: the cost only to those who may see it (seesCost in access.ts). */
export function toSkuView(sku: CatalogSku, showCost: boolean): CatalogSku {
  return showCost ? sku : { ...sku, cost: null };
}

/** SKUs by code (the demo, imports and integrations name products by code), in the order asked; unknown codes left out. */
export async function findSkusByCodeTx(tx: Tx, codes: readonly string[]): Promise<CatalogSku[]> {
  const ids = await s.skuIdsByCode(tx, codes);
  const byCode = new Map((await getSkusTx(tx, ids)).map((k) => [k.code, k]));
  return codes.map((c) => byCode.get(c)).filter((x): x is CatalogSku => x !== undefined);
}
