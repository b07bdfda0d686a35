// Pricing against the database: load the rules one quote can use (the entries of its SKUs, the promotions valid on the
// date, surcharges and floors of its SKUs and categories, the customer's rebate terms and balance), hand them to the
// pure engine once, and — for a quote version — reserve the promotion budgets the result spends, under the budget
// rows' lock (docs/pricing.md "What the database side must keep").
import {
  dec, indexRules, priceQuote, type PricedProduct, type PricingInput, type PricingResult, type PricingRules, type Promotion,
  type QuoteLineInput, type DataScope, type RuleIndex,
} from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { getSkusTx, type CatalogSku } from '../catalog/index.js';
import { accountBalance } from '../payments/index.js';
import { pricingError } from './pricing.errors.js';
import * as q from './pricing.sql.js';
import { rulesFor } from './rules.cache.js';

/** A line to price: a catalog SKU, or a one-off free line with the rep's own price, cost and tax rate. */
export interface LineToPrice {
  lineId: string;
  skuId: string | null;
  quantity: string;
  attributes?: Record<string, string> | undefined;
  discountRate?: string | undefined;
  free?: { unitPrice: string; unitCost: string | null; taxRate: string | null } | undefined;
}

export interface PriceRequest {
  customerId: string;
  /** The pricing date, YYYY-MM-DD. */
  date: string;
  currency: string;
  pricesIncludeTax: boolean;
  lines: LineToPrice[];
  orderDiscountRate?: string | undefined;
  /** null: as much rebate as allowed; '0': none. */
  rebateRequested?: string | null | undefined;
}

export interface Priced {
  result: PricingResult;
  skus: Map<string, CatalogSku>;
  ruleCounts: { entries: number; promotions: number };
}

const FREE_CATEGORY = 'free-line';

function productOf(sku: CatalogSku): PricedProduct {
  return { id: sku.id, categoryId: sku.productLine?.id ?? 'none', cost: sku.cost ?? '0', standardPrice: sku.listPrice, taxRate: sku.taxRate };
}

/**
 * Everything the engine needs for these lines: the tenant's rule set and its index from the cache (rules.cache.ts,
 * checked against a one-statement signature), the catalog facts of the quote's SKUs and gifts, the buyer, the rebate
 * terms and balance, and the period quantities — a handful of statements whatever the number of rules.
 */
export async function loadPricingTx(tx: Tx, actor: Actor & { scope: DataScope }, req: PriceRequest): Promise<{ input: PricingInput; rules: PricingRules; index: RuleIndex; skus: Map<string, CatalogSku> }> {
  const buyer = await q.buyerOf(tx, req.customerId, actor.userId ?? '00000000-0000-0000-0000-000000000000', actor.scope);
  if (!buyer) throw pricingError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer in your scope' }] });
  const cached = await rulesFor(tx, actor.tenantId);
  let { rules, index } = cached;
  const skuIds = new Set(req.lines.filter((l) => l.skuId).map((l) => l.skuId!));
  for (const pr of rules.promotions) if (pr.rule.kind === 'gift') skuIds.add(pr.rule.giftProductId);
  const skus = new Map((await getSkusTx(tx, [...skuIds])).map((s) => [s.id, s]));
  req.lines.forEach((l, i) => {
    if (l.skuId && !skus.has(l.skuId)) throw pricingError('sku_not_found', undefined, { errors: [{ path: `lines.${i}.skuId`, message: 'no such product in the catalog' }] });
  });
  // A gift whose product left the catalog cannot be given: price without its promotion (an index of its own, rare).
  if (rules.promotions.some((pr) => pr.rule.kind === 'gift' && !skus.has(pr.rule.giftProductId))) {
    rules = { ...rules, promotions: rules.promotions.filter((pr) => pr.rule.kind !== 'gift' || skus.has(pr.rule.giftProductId)) };
    index = indexRules(rules);
  }
  const [policy, balance, period] = [await q.rebatePolicyFor(tx, buyer.grade), await accountBalance(tx, buyer.id, 'rebate'), await periodQuantities(tx, buyer.id, rules.promotions, req.date)];
  const products: PricedProduct[] = [...skus.values()].map(productOf);
  const lines: QuoteLineInput[] = req.lines.map((l) => {
    let productId = l.skuId;
    if (!productId) {
      productId = `free:${l.lineId}`;
      products.push({ id: productId, categoryId: FREE_CATEGORY, cost: l.free?.unitCost ?? '0', standardPrice: l.free?.unitPrice ?? '0', taxRate: l.free?.taxRate ?? undefined });
    }
    return { lineId: l.lineId, productId, quantity: l.quantity, attributes: l.attributes, discountRate: l.discountRate };
  });
  const input: PricingInput = {
    currency: req.currency as PricingInput['currency'], date: req.date, buyer: { customerId: buyer.id, grade: buyer.grade, region: buyer.region },
    lines, products, pricesIncludeTax: req.pricesIncludeTax, defaultTaxRate: '0.13', budgets: {}, periodQuantities: period,
    orderDiscountRate: req.orderDiscountRate,
    rebate: policy && dec(balance).gt(0) ? { balance, maxOrderRatio: dec(policy.max_order_ratio).toString(), accrualRate: dec(policy.accrual_rate).toString(), requested: req.rebateRequested ?? null } : null,
  };
  return { input, rules, index, skus };
}

/** The quantity the buyer already bought of each cumulative promotion's product in its period (accepted quotes), one statement. */
async function periodQuantities(tx: Tx, customerId: string, promotions: Promotion[], date: string): Promise<Record<string, string>> {
  const wanted = promotions.flatMap((pr) => (pr.rule.kind === 'cumulative' && pr.rule.target.productId !== undefined ? [{ id: pr.id, skuId: pr.rule.target.productId, from: pr.validFrom ?? null }] : []));
  if (wanted.length === 0) return {};
  const got = await q.acceptedQuantities(tx, customerId, wanted, date);
  return Object.fromEntries(wanted.map((w) => [w.id, got.get(w.id) ?? '0']));
}

/**
 * The budgets a quote's pricing may spend: those of the promotions that can touch its lines — a promotion on one of
 * its SKUs or categories, a combo naming one of its SKUs, a whole-order 满减. What the engine looks at is a subset, so
 * locking these (in id order) before the one pricing covers every budget the result can name.
 */
function budgetsFor(promotions: Promotion[], skuIds: Set<string>, categories: Set<string>): string[] {
  const touches = (pr: Promotion) => {
    const r = pr.rule;
    if (r.kind === 'combo') return r.items.some((i) => skuIds.has(i.productId));
    if (r.kind === 'threshold') return r.categoryId === undefined || categories.has(r.categoryId);
    return r.target.productId !== undefined ? skuIds.has(r.target.productId) : categories.has(r.target.categoryId!);
  };
  return [...new Set(promotions.filter((pr) => pr.budgetId && touches(pr)).map((pr) => pr.budgetId!))];
}

/** Price without reserving (the sandbox, a preview): budgets at what is left now, read without a lock. */
export async function priceTx(tx: Tx, actor: Actor & { scope: DataScope }, req: PriceRequest): Promise<Priced> {
  const { input, rules, index, skus } = await loadPricingTx(tx, actor, req);
  const lineSkus = new Set(input.lines.map((l) => l.productId));
  const categories = new Set(input.products.filter((p) => lineSkus.has(p.id)).map((p) => p.categoryId));
  input.budgets = Object.fromEntries(await q.budgetsRemaining(tx, budgetsFor(rules.promotions, lineSkus, categories)));
  return { result: priceQuote(input, rules, { index }), skus, ruleCounts: { entries: rules.entries.length, promotions: rules.promotions.length } };
}

/**
 * Price a quote version and reserve what its promotions spend, in the caller's transaction (the quote row is locked
 * by the caller). The quote's open reservations are released first (the version they were for is replaced); then the
 * budgets the promotions looked at are locked in id order and read under the lock, the quote is priced with those
 * figures, and one reservation fact per budget lowers what is left — so two quotes priced at the same moment
 * serialise on the budget row and the second sees what the first left.
 */
export async function priceAndReserveTx(tx: Tx, actor: Actor & { scope: DataScope }, req: PriceRequest, quoteId: string): Promise<Priced & { reserve(versionId: string): Promise<void> }> {
  const { input, rules, index, skus } = await loadPricingTx(tx, actor, req);
  const open = await q.openReservations(tx, quoteId);
  const lineSkus = new Set(input.lines.map((l) => l.productId));
  const categories = new Set(input.products.filter((p) => lineSkus.has(p.id)).map((p) => p.categoryId));
  const locked = await q.lockBudgets(tx, [...new Set([...open.map((o) => o.budget_id), ...budgetsFor(rules.promotions, lineSkus, categories)])]);
  for (const o of open) {
    await q.insertBudgetFact(tx, { tenantId: actor.tenantId, budgetId: o.budget_id, quoteId, versionId: o.quote_version_id, kind: 'release', amount: o.amount, userId: actor.userId });
    await q.moveRemaining(tx, o.budget_id, o.amount);
    locked.set(o.budget_id, dec(locked.get(o.budget_id) ?? '0').plus(o.amount).toFixed(2));
  }
  input.budgets = Object.fromEntries(locked);
  const result = priceQuote(input, rules, { index });
  // The reservation facts name the new version, which the caller writes after it has the result (and its hash).
  const reserve = async (versionId: string) => {
    for (const use of result.budgetUse) {
      if (dec(use.amount).lte(0)) continue;
      const left = locked.get(use.budgetId);
      if (left === undefined || dec(use.amount).gt(left)) throw pricingError('budget_exhausted'); // the engine never spends more than it was given
      await q.insertBudgetFact(tx, { tenantId: actor.tenantId, budgetId: use.budgetId, quoteId, versionId, kind: 'reserve', amount: use.amount, userId: actor.userId });
      await q.moveRemaining(tx, use.budgetId, `-${use.amount}`);
    }
  };
  return { result, skus, ruleCounts: { entries: rules.entries.length, promotions: rules.promotions.length }, reserve };
}

/** Give back a quote's open reservations (rejected, expired): reversing facts, the budgets locked in id order. */
export async function releaseReservationsTx(tx: Tx, actor: Actor, quoteId: string): Promise<number> {
  const open = await q.openReservations(tx, quoteId);
  await q.lockBudgets(tx, [...new Set(open.map((o) => o.budget_id))]);
  for (const o of open) {
    await q.insertBudgetFact(tx, { tenantId: actor.tenantId, budgetId: o.budget_id, quoteId, versionId: o.quote_version_id, kind: 'release', amount: o.amount, userId: actor.userId });
    await q.moveRemaining(tx, o.budget_id, o.amount);
  }
  return open.length;
}

/**
 * The accepted version's reservations become consumption (the budget's remaining amount was lowered when they were
 * made). Idempotent: one consume fact per version and budget; a second call finds nothing open.
 */
export async function consumeReservationsTx(tx: Tx, actor: Actor, quoteId: string, versionId: string): Promise<string[]> {
  const open = (await q.openReservations(tx, quoteId)).filter((o) => o.quote_version_id === versionId);
  await q.lockBudgets(tx, [...new Set(open.map((o) => o.budget_id))]);
  const done: string[] = [];
  for (const o of open) {
    if (await q.insertBudgetFact(tx, { tenantId: actor.tenantId, budgetId: o.budget_id, quoteId, versionId, kind: 'consume', amount: o.amount, userId: actor.userId })) done.push(o.budget_id);
  }
  return done;
}
