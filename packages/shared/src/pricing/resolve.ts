// The base price of a line: which price-book entry holds for this buyer on this date, what its rule makes of the
// quantity (fixed, range or slab tiers, cost-plus, another book − x %), then attribute surcharges. One explicit order
// picks the entry — the most specific scope first, then the highest priority, then the newest — and a tie on all
// three is a conflict that is reported and blocks the line: the engine never guesses between two prices.
import { dec, type DecimalValue } from '../money.js';
import type { PricingBuyer, PriceBookEntry, PricedProduct, PriceRule, QuoteLineInput, PriceScope, PriceTier } from './types.js';
import type { Lookup } from './lookup.js';

/** How specific a scope is: a customer beats a dealer beats a channel beats a grade beats a region beats "anyone". */
const WEIGHT: Record<keyof PriceScope, number> = { customerId: 16, dealerId: 8, channel: 4, grade: 2, region: 1 };
const SCOPE_WORDS: Record<keyof PriceScope, string> = { customerId: 'customer', dealerId: 'dealer', channel: 'channel', grade: 'grade', region: 'region' };

export function specificity(scope: PriceScope | undefined): number {
  let s = 0;
  if (scope) for (const k of Object.keys(WEIGHT) as Array<keyof PriceScope>) if (scope[k] !== undefined) s += WEIGHT[k];
  return s;
}

export function scopeWords(scope: PriceScope | undefined): string {
  const words = scope ? (Object.keys(WEIGHT) as Array<keyof PriceScope>).filter((k) => scope[k] !== undefined).map((k) => `${SCOPE_WORDS[k]} ${scope[k]}`) : [];
  return words.length ? words.join(', ') : 'everyone';
}

export function scopeMatches(scope: PriceScope | undefined, buyer: PricingBuyer): boolean {
  if (!scope) return true;
  return (scope.customerId === undefined || scope.customerId === buyer.customerId)
    && (scope.dealerId === undefined || scope.dealerId === buyer.dealerId)
    && (scope.channel === undefined || scope.channel === buyer.channel)
    && (scope.grade === undefined || scope.grade === buyer.grade)
    && (scope.region === undefined || scope.region === buyer.region);
}

export function inValidity(date: string, from?: string | null, to?: string | null): boolean {
  return (!from || from <= date) && (!to || date <= to);
}

/** Best first: specificity, priority, newest; the id only orders the output, it never decides a price. */
function better(a: PriceBookEntry, b: PriceBookEntry): number {
  return specificity(b.scope) - specificity(a.scope) || b.priority - a.priority
    || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function ties(a: PriceBookEntry, b: PriceBookEntry) {
  return specificity(a.scope) === specificity(b.scope) && a.priority === b.priority && a.createdAt === b.createdAt;
}

export type EntryPick = { entry: PriceBookEntry } | { conflict: PriceBookEntry[] } | null;

/** The entry that holds for a product (optionally within one book): null when none applies. */
export function pickEntry(lookup: Lookup, productId: string, buyer: PricingBuyer, date: string, bookId?: string): EntryPick {
  const candidates = lookup.entriesFor(productId)
    .filter((e) => (bookId === undefined || e.bookId === bookId) && scopeMatches(e.scope, buyer) && inValidity(date, e.validFrom, e.validTo))
    .sort(better);
  if (candidates.length === 0) return null;
  const tied = candidates.filter((c) => ties(c, candidates[0]!));
  return tied.length > 1 ? { conflict: tied } : { entry: candidates[0]! };
}

/** Quantity × price under tiers. range: the tier the quantity falls in (up to and including upTo); slab: band by band. */
export function tieredAmount(mode: 'range' | 'slab', tiers: PriceTier[], quantity: DecimalValue): { amount: DecimalValue; note: string } {
  const sorted = [...tiers].sort((a, b) => (a.upTo === null ? 1 : b.upTo === null ? -1 : dec(a.upTo).comparedTo(dec(b.upTo))));
  if (mode === 'range') {
    const tier = sorted.find((t) => t.upTo === null || quantity.lte(dec(t.upTo))) ?? sorted[sorted.length - 1]!;
    return { amount: quantity.times(dec(tier.unitPrice)), note: `range tier ${tier.upTo === null ? 'open-ended' : `up to ${tier.upTo}`}: ${quantity} × ${tier.unitPrice}` };
  }
  let amount = dec(0);
  let below = dec(0);
  const parts: string[] = [];
  for (const t of sorted) {
    if (quantity.lte(below)) break;
    const top = t.upTo === null ? quantity : minDec(quantity, dec(t.upTo));
    const band = top.minus(below);
    if (band.gt(0)) {
      amount = amount.plus(band.times(dec(t.unitPrice)));
      parts.push(`${band} × ${t.unitPrice}`);
    }
    below = top;
  }
  // Quantities past the last closed tier stay at its price: a book that forgot the open tier still prices.
  if (quantity.gt(below) && sorted.length > 0) {
    const last = sorted[sorted.length - 1]!;
    amount = amount.plus(quantity.minus(below).times(dec(last.unitPrice)));
    parts.push(`${quantity.minus(below)} × ${last.unitPrice}`);
  }
  return { amount, note: `slab tiers: ${parts.join(' + ')}` };
}
function minDec(a: DecimalValue, b: DecimalValue) { return a.lte(b) ? a : b; }

export interface Base { amount: DecimalValue; ruleId: string; note: string }

function applyRule(rule: PriceRule, ctx: { lookup: Lookup; product: PricedProduct; buyer: PricingBuyer; date: string; quantity: DecimalValue; depth: number }): { amount: DecimalValue; note: string } | { conflict: PriceBookEntry[] } | null {
  switch (rule.kind) {
    case 'fixed': return { amount: ctx.quantity.times(dec(rule.unitPrice)), note: `${ctx.quantity} × ${rule.unitPrice}` };
    case 'tiers': return tieredAmount(rule.mode, rule.tiers, ctx.quantity);
    case 'cost_plus': return { amount: ctx.quantity.times(dec(ctx.product.cost)).times(dec(rule.factor)), note: `cost ${ctx.product.cost} × ${rule.factor} × ${ctx.quantity}` };
    case 'book_relative': {
      // A chain of books referring to each other ends after a few steps; a loop is a conflict, not a hang.
      if (ctx.depth >= 4) return null;
      const pick = pickEntry(ctx.lookup, ctx.product.id, ctx.buyer, ctx.date, rule.bookId);
      if (pick === null) return { amount: ctx.quantity.times(dec(ctx.product.standardPrice)).times(dec(rule.factor)), note: `book ${rule.bookId} has no entry: standard ${ctx.product.standardPrice} × ${rule.factor} × ${ctx.quantity}` };
      if ('conflict' in pick) return pick;
      const inner = applyRule(pick.entry.price, { ...ctx, depth: ctx.depth + 1 });
      if (inner === null || 'conflict' in inner) return inner;
      return { amount: inner.amount.times(dec(rule.factor)), note: `(book ${rule.bookId} entry ${pick.entry.id}: ${inner.note}) × ${rule.factor}` };
    }
  }
}

/** The line's amount before surcharges and promotions, or the entries that conflict. */
export function basePrice(lookup: Lookup, line: QuoteLineInput, product: PricedProduct, buyer: PricingBuyer, date: string): Base | { conflict: PriceBookEntry[] } {
  const quantity = dec(line.quantity);
  const pick = pickEntry(lookup, product.id, buyer, date);
  if (pick === null) return { amount: quantity.times(dec(product.standardPrice)), ruleId: 'standard', note: `standard price: ${quantity} × ${product.standardPrice}` };
  if ('conflict' in pick) return pick;
  const e = pick.entry;
  const r = applyRule(e.price, { lookup, product, buyer, date, quantity, depth: 0 });
  if (r === null) return { conflict: [e] };
  if ('conflict' in r) return r;
  return { amount: r.amount, ruleId: e.id, note: `price book ${e.bookId} entry ${e.id} (${scopeWords(e.scope)}, priority ${e.priority}): ${r.note}` };
}
