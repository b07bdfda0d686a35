// The pricing engine's input and output. Everything here is plain data: the caller (the quote service, the "try a
// price" sandbox, a bench) reads it from wherever it lives and hands it over; the engine never reads a database, a
// clock or a random source, so the same input always prices the same (see docs/pricing.md).
// Amounts are decimal strings in the quote's currency (money.ts); quantities and rates are decimal strings too.
import type { Currency } from '../money.js';

/** Who is buying: the facts price books and promotions are scoped by. */
export interface PricingBuyer {
  customerId: string;
  grade?: string | null | undefined;
  /** Sales channel (直销 / 经销 / 电商 …). */
  channel?: string | null | undefined;
  /** The dealer (经销商) the order goes through, when it goes through one. */
  dealerId?: string | null | undefined;
  region?: string | null | undefined;
}

/** A product as the engine needs it: its category (for category-wide rules), cost, standard price and tax rate. */
export interface PricedProduct {
  id: string;
  categoryId: string;
  /** Unit cost, for cost-plus formulas and the margin floor. */
  cost: string;
  /** The list price (标准价) used when no price book has an entry for the buyer. */
  standardPrice: string;
  /** VAT rate of the product ('0.13' …); the default is context.defaultTaxRate. */
  taxRate?: string | undefined;
}

export interface QuoteLineInput {
  /** Stable line id (the quote line's id): results and traces name lines by it, never by position. */
  lineId: string;
  productId: string;
  quantity: string;
  /** Chosen attribute values ({ colour: 'red', voltage: '380V' }) for surcharges. */
  attributes?: Record<string, string> | undefined;
  /** The rep's own discount on this line ('0.05' = 5 % off), after promotions and before the rebate offset. */
  discountRate?: string | undefined;
}

/** Who an entry or a promotion is for; a field left out means "anyone". */
export interface PriceScope {
  customerId?: string | undefined;
  dealerId?: string | undefined;
  channel?: string | undefined;
  grade?: string | undefined;
  region?: string | undefined;
}

/** A tier: quantities up to and including `upTo` (null: no upper end) at `unitPrice`. */
export interface PriceTier { upTo: string | null; unitPrice: string }

export type PriceRule =
  | { kind: 'fixed'; unitPrice: string }
  /** range: the whole quantity at the price of the tier it falls in; slab: each band of the quantity at its own price. */
  | { kind: 'tiers'; mode: 'range' | 'slab'; tiers: PriceTier[] }
  /** Cost × factor (成本加成: factor '1.3'). */
  | { kind: 'cost_plus'; factor: string }
  /** Another price book's price for the same buyer × factor ('0.95' = that book − 5 %). */
  | { kind: 'book_relative'; bookId: string; factor: string };

export interface PriceBookEntry {
  id: string;
  bookId: string;
  productId: string;
  scope: PriceScope;
  /** Higher wins among entries equally specific. */
  priority: number;
  /** Inclusive dates, YYYY-MM-DD; null: open. */
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  /** When the entry was written (ISO timestamp): the newest wins among entries equally specific and of equal priority. */
  createdAt: string;
  price: PriceRule;
}

/** A per-unit surcharge (加价) for an attribute value, on one product or a whole category. */
export interface Surcharge {
  id: string;
  productId?: string | undefined;
  categoryId?: string | undefined;
  attribute: string;
  value: string;
  amountPerUnit: string;
}

/** What an item-level promotion applies to: one product or a whole category. */
export type PromotionTarget = { productId: string; categoryId?: undefined } | { categoryId: string; productId?: undefined };

export type PromotionRule =
  /** 单品促销: a percent (`percentOff` '0.1' = 10 % off) or an amount per unit off, from `minQuantity` on a line. */
  | { kind: 'item'; target: PromotionTarget; minQuantity?: string | undefined; percentOff?: string | undefined; amountOffPerUnit?: string | undefined }
  /** 组合促销: each complete set of the items (product × quantity) gets `amountOffPerSet` off, shared over the set's lines. */
  | { kind: 'combo'; items: Array<{ productId: string; quantity: string }>; amountOffPerSet: string }
  /** 满减: when the order (or the category's lines) reaches `minAmount`, `amountOff` off; `repeat`: for every full minAmount. */
  | { kind: 'threshold'; categoryId?: string | undefined; minAmount: string; amountOff: string; repeat?: boolean | undefined }
  /** 累计促销: when the period's prior quantity plus this order's reaches `minQuantity`, `percentOff` on this order's lines. */
  | { kind: 'cumulative'; target: PromotionTarget; minQuantity: string; percentOff: string }
  /** 赠品: every `buyQuantity` of the target bought brings `giftQuantity` of the gift product free. */
  | { kind: 'gift'; target: PromotionTarget; buyQuantity: string; giftProductId: string; giftQuantity: string };

export type StackingMode = 'exclusive' | 'stackable' | 'best_of';

export interface Promotion {
  id: string;
  name: string;
  /** The stacking group (叠加组) and how its promotions combine; every promotion of a group names the same mode. */
  group: string;
  stacking: StackingMode;
  priority: number;
  scope?: PriceScope | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  /** The budget it spends (discounts given, gifts at cost); null: unlimited. */
  budgetId?: string | null | undefined;
  rule: PromotionRule;
}

/** The lowest margin ((net − cost) / net) allowed without approval, for a product or a whole category. */
export interface MarginFloor { productId?: string | undefined; categoryId?: string | undefined; minMargin: string }

export interface RebateTerms {
  /** The customer's rebate account balance (返利余额) available to offset this order. */
  balance: string;
  /** 当单比例: at most this fraction of the order (after promotions) may be paid with rebate ('0.1' = 10 %). */
  maxOrderRatio: string;
  /** How much the rep asks to use (null: as much as allowed). */
  requested?: string | null | undefined;
  /** Rebate the order earns (返利计提): this fraction of what the customer pays after the offset. */
  accrualRate?: string | undefined;
}

export interface PricingRules {
  entries: PriceBookEntry[];
  surcharges: Surcharge[];
  promotions: Promotion[];
  marginFloors: MarginFloor[];
}

export interface PricingInput {
  currency: Currency;
  /** The pricing date (YYYY-MM-DD): validity of entries and promotions. Passed in, never read from a clock. */
  date: string;
  buyer: PricingBuyer;
  lines: QuoteLineInput[];
  products: PricedProduct[];
  /** Whether prices include VAT (含税价, the usual quoting in China) — passed to tax.ts lineAmounts. */
  pricesIncludeTax: boolean;
  defaultTaxRate: string;
  /** Remaining amount per promotion budget, as the caller read it. */
  budgets?: Record<string, string> | undefined;
  /** Per cumulative promotion id: the quantity the buyer already bought in its period (the caller sums it). */
  periodQuantities?: Record<string, string> | undefined;
  rebate?: RebateTerms | null | undefined;
  /** The rep's discount on the whole order ('0.03' = 3 % off), after line discounts, shared over the lines by amount. */
  orderDiscountRate?: string | undefined;
}

/** One step of a line's price, in the order it happened. */
export interface TraceStep {
  step: 'base' | 'surcharge' | 'promotion' | 'discount' | 'rebate' | 'gift' | 'blocked';
  /** The rule that did it: an entry, surcharge or promotion id, 'standard' or 'rebate'. */
  ruleId: string;
  /** What a pricing manager reads: "price book B2 entry E7 (customer-specific, priority 5): 10 × 98.00". */
  note: string;
  /** The line's net amount before and after this step. */
  before: string;
  after: string;
}

export interface PricedLine {
  lineId: string;
  productId: string;
  quantity: string;
  /** Unit price after the base price and surcharges, before promotions (rounded to 4 decimals for display). */
  unitPrice: string;
  /** Quantity × unit price, to the cent. */
  listAmount: string;
  /** Promotions on this line (to the cent). */
  discountAmount: string;
  /** The share of the rebate offset on this line. */
  rebateAmount: string;
  /** listAmount − discountAmount − rebateAmount. */
  netAmount: string;
  amountExclTax: string;
  taxAmount: string;
  amountInclTax: string;
  cost: string;
  /** (net − cost) / net to 4 decimals; null when net is 0. */
  margin: string | null;
  /** A gift (赠品) added by a promotion: net 0. */
  gift: boolean;
  /** The line could not be priced (a price-book conflict): its amounts are 0 and the quote cannot go out. */
  blocked: boolean;
  trace: TraceStep[];
}

export interface PriceConflict {
  lineId: string;
  productId: string;
  /** The entries that tie on specificity, priority and date written: someone has to fix the price books. */
  entryIds: string[];
  note: string;
}

export interface BudgetUse { budgetId: string; amount: string; promotionIds: string[] }

export interface PromotionOutcome {
  promotionId: string;
  applied: boolean;
  /** Total it took off (or gifts at cost). */
  amount: string;
  note: string;
}

export interface MarginBreach {
  lineId: string;
  productId: string;
  margin: string | null;
  floor: string;
  netAmount: string;
  cost: string;
}

export interface PricingResult {
  currency: Currency;
  lines: PricedLine[];
  totals: {
    listAmount: string;
    discountAmount: string;
    rebateAmount: string;
    netAmount: string;
    amountExclTax: string;
    taxAmount: string;
    amountInclTax: string;
    cost: string;
  };
  conflicts: PriceConflict[];
  promotions: PromotionOutcome[];
  budgetUse: BudgetUse[];
  rebate: { available: string; limit: string; used: string; accrued: string } | null;
  approval: { required: boolean; breaches: MarginBreach[] };
  /** False when a line is blocked: the quote cannot be sent until the conflicts are fixed. */
  ok: boolean;
}
