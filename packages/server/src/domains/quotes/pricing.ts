// From a quote's lines to the engine's lines and back to a priced snapshot. A configured bundle is one quote line and
// several priced lines: the bundle SKU itself (its own price, often 0) and each chosen component (quantity per bundle
// × the line's quantity), all with the line's discount. Engine line ids are positions (L3, L3.1 …), never row ids, so
// the same content hashes the same after the lines are written again.
import { dec, MAX_MONEY, type PricingResult, type QuoteLineBody, type Selection } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { getSkusTx, validateConfigurationTx, type CatalogSku } from '../catalog/index.js';
import type { LineToPrice } from '../pricing/index.js';
import { quoteError } from './quotes.errors.js';
import type { LineWrite } from './quotes.sql.js';

export interface Expanded {
  rows: LineWrite[];
  toPrice: LineToPrice[];
  /** engine line id → what it is: the quote line's position, its SKU and how it reads. */
  meta: Map<string, { position: number; skuId: string | null; code: string | null; name: string; unit: string | null; taxRate: string; component: boolean }>;
}

const DEFAULT_TAX = '0.13';

export async function expandLines(tx: Tx, lines: QuoteLineBody[]): Promise<Expanded> {
  const skus = new Map((await getSkusTx(tx, lines.filter((l) => l.skuId).map((l) => l.skuId!))).map((s) => [s.id, s]));
  const rows: LineWrite[] = [];
  const toPrice: LineToPrice[] = [];
  const meta: Expanded['meta'] = new Map();
  for (const [i, l] of lines.entries()) {
    const position = i + 1;
    const lineId = `L${position}`;
    if (!l.skuId) {
      rows.push({ position, group: l.group, skuId: null, productCode: null, description: l.description!, unit: l.unit, quantity: l.quantity, attributes: {}, configuration: null, discountRate: l.discountRate, freeLine: true, unitPrice: l.unitPrice, unitCost: l.unitCost, taxRate: l.taxRate });
      toPrice.push({ lineId, skuId: null, quantity: l.quantity, discountRate: l.discountRate, free: { unitPrice: l.unitPrice!, unitCost: l.unitCost, taxRate: l.taxRate } });
      meta.set(lineId, { position, skuId: null, code: null, name: l.description!, unit: l.unit, taxRate: l.taxRate ?? DEFAULT_TAX, component: false });
      continue;
    }
    const sku = skus.get(l.skuId);
    if (!sku) throw quoteError('invalid_configuration', 'A line names a product that is not in the catalog', { errors: [{ path: `lines.${i}.skuId`, message: 'no such product in the catalog' }] });
    if (sku.status !== 'active') throw quoteError('invalid_configuration', 'A line names a product that is not sold any more', { errors: [{ path: `lines.${i}.skuId`, message: `${sku.code} is inactive` }] });
    rows.push({
      position, group: l.group, skuId: sku.id, productCode: sku.code, description: l.description ?? sku.name, unit: sku.unit.name, quantity: l.quantity,
      attributes: l.attributes ?? {}, configuration: l.configuration, discountRate: l.discountRate, freeLine: false, unitPrice: null, unitCost: null, taxRate: sku.taxRate,
    });
    toPrice.push({ lineId, skuId: sku.id, quantity: l.quantity, attributes: { ...sku.attributeValues, ...(l.attributes ?? {}) }, discountRate: l.discountRate });
    meta.set(lineId, skuMeta(position, sku, l.description ?? sku.name, false));
    if (sku.isBundle) {
      const selection = (l.configuration ?? { options: [] }) as unknown as Selection;
      const checked = await validateConfigurationTx(tx, sku.id, selection);
      if (!checked.ok) {
        throw quoteError('invalid_configuration', checked.errors.map((e) => e.message).join('; '), { errors: checked.errors.map((e) => ({ path: `lines.${i}.configuration`, message: e.message })) });
      }
      const parts = new Map((await getSkusTx(tx, checked.lines.map((c) => c.skuId))).map((s) => [s.id, s]));
      checked.lines.forEach((c, k) => {
        const part = parts.get(c.skuId)!;
        const id = `${lineId}.${k + 1}`;
        toPrice.push({ lineId: id, skuId: part.id, quantity: dec(c.quantity).times(dec(l.quantity)).toString(), attributes: part.attributeValues, discountRate: l.discountRate });
        meta.set(id, skuMeta(position, part, `${sku.name} / ${part.name}`, true));
      });
    }
  }
  return { rows, toPrice, meta };
}

function skuMeta(position: number, sku: CatalogSku, name: string, component: boolean) {
  return { position, skuId: sku.id, code: sku.code, name, unit: sku.unit.name, taxRate: sku.taxRate, component };
}

export interface SnapshotLine {
  lineId: string; position: number; skuId: string | null; code: string | null; name: string; unit: string | null; quantity: string; gift: boolean; component: boolean;
  unitPrice: string; listAmount: string; discountAmount: string; rebateAmount: string; netAmount: string; netUnitPrice: string;
  amountExclTax: string; taxAmount: string; amountInclTax: string; taxRate: string;
}

/** The priced lines as the quote keeps them (what the hash covers, what the contract and the PDF carry). */
export function snapshotLines(result: PricingResult, meta: Expanded['meta'], gifts: Map<string, CatalogSku>): SnapshotLine[] {
  return result.lines.map((l) => {
    const m = meta.get(l.lineId);
    const giftSku = l.gift ? gifts.get(l.productId) : undefined;
    const q = dec(l.quantity);
    return {
      lineId: l.lineId, position: m?.position ?? 0, skuId: m?.skuId ?? giftSku?.id ?? null, code: m?.code ?? giftSku?.code ?? null,
      name: m?.name ?? giftSku?.name ?? l.productId, unit: m?.unit ?? giftSku?.unit.name ?? null, quantity: l.quantity, gift: l.gift, component: m?.component ?? false,
      unitPrice: l.unitPrice, listAmount: l.listAmount, discountAmount: l.discountAmount, rebateAmount: l.rebateAmount, netAmount: l.netAmount,
      netUnitPrice: q.gt(0) ? dec(l.netAmount).dividedBy(q).toFixed(2) : '0.00',
      amountExclTax: l.amountExclTax, taxAmount: l.taxAmount, amountInclTax: l.amountInclTax, taxRate: m?.taxRate ?? giftSku?.taxRate ?? DEFAULT_TAX,
    };
  });
}

/** The largest rep discount on any line, with the order discount on top: 1 − (1 − line)(1 − order). */
export function maxDiscount(lines: QuoteLineBody[], orderRate: string): string {
  const order = dec(orderRate);
  const worst = lines.reduce((m, l) => (dec(l.discountRate).gt(m) ? dec(l.discountRate) : m), dec(0));
  return dec(1).minus(dec(1).minus(worst).times(dec(1).minus(order))).toDecimalPlaces(6).toString();
}

const AMOUNTS = ['listAmount', 'netAmount', 'amountExclTax', 'taxAmount', 'amountInclTax', 'cost'] as const;
/** The first amount beyond what the books hold, as "name value", or null. */
const beyondBooks = (amounts: Record<(typeof AMOUNTS)[number], string>) => {
  const key = AMOUNTS.find((k) => dec(amounts[k]).abs().gt(MAX_MONEY));
  return key ? `${key} ${amounts[key]}` : null;
};

/**
 * The priced amounts fit the books (MAX_MONEY, the amount columns' 15 digits before the point): a quantity and a unit
 * price (or cost) each fit their schema, but their product may not — checked here, after pricing, because a catalog
 * line's price is known only then. Beyond it, a 400 naming the quote line's quantity (or the lines, for their sum),
 * before anything of the version is written; the database's overflow named no field.
 */
export function checkBookable(result: PricingResult, meta: Expanded['meta']): void {
  for (const l of result.lines) {
    const over = beyondBooks(l);
    if (!over) continue;
    const position = meta.get(l.lineId)?.position;
    const message = `the line's ${over} is beyond what can be booked (${MAX_MONEY})`;
    throw quoteError('amount_too_large', `line ${position ?? '?'}: ${message}`, { errors: [{ path: position ? `lines.${position - 1}.quantity` : 'lines', message }] });
  }
  const over = beyondBooks(result.totals);
  if (over) {
    const message = `the lines add up to ${over}, beyond what can be booked (${MAX_MONEY})`;
    throw quoteError('amount_too_large', message, { errors: [{ path: 'lines', message }] });
  }
}
