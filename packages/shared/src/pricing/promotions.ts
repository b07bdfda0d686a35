// Promotions on lines already carrying their base price. Promotions are taken group by group — exclusive groups
// first, then best-of, then stackable, each by name — and within a group by kind (item, cumulative, combo, 满减, gift),
// then priority, then id, so the order rules arrive in never changes a price. Each promotion is first evaluated
// against the lines as they stand (an Effect: what it would take off where), then applied if its budget allows.
import { dec, scaleOf, splitMoney, type DecimalValue } from '../money.js';
import { fixed, roundDec } from './cents.js';
import type { PricingBuyer, Promotion, PromotionOutcome, PricedProduct, TraceStep } from './types.js';
import type { Lookup } from './lookup.js';
import { inValidity, scopeMatches } from './resolve.js';

export interface LineState {
  lineId: string;
  product: PricedProduct;
  quantity: DecimalValue;
  list: DecimalValue;
  discount: DecimalValue;
  rebate: DecimalValue;
  net: DecimalValue;
  blocked: boolean;
  gift: boolean;
  /** Taken by an exclusive promotion: no other promotion touches it. */
  locked: boolean;
  /** Cost of gifts this line brought, for its margin. */
  giftCost: DecimalValue;
  unitPrice: string;
  trace: TraceStep[];
}

interface Effect {
  /** Made only when the promotion is applied: spreading an order-wide amount over hundreds of lines is the costly
   *  part, and best-of candidates and budget checks need only the amount. */
  discounts: () => Array<[number, DecimalValue]>;
  gift: { productId: string; quantity: DecimalValue; triggers: number[] } | null;
  /** What it spends: the discounts, or the gift at cost. */
  amount: DecimalValue;
  note: string;
}

const STAGE = { item: 0, cumulative: 1, combo: 2, threshold: 3, gift: 4 } as const;
const GROUP_ORDER = { exclusive: 0, best_of: 1, stackable: 2 } as const;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PromotionContext {
  lookup: Lookup;
  buyer: PricingBuyer;
  date: string;
  currency: string;
  /** The currency's minor digits (money.ts scaleOf). */
  scale: number;
  products: Map<string, PricedProduct>;
  periodQuantities: Record<string, string>;
  budgets: Record<string, string>;
}

/** Spread `total` over lines in proportion to their net (money.ts's cent rule: the parts add back to the total). */
function spread(total: DecimalValue, idx: number[], lines: LineState[], currency: string): Array<[number, DecimalValue]> {
  const withNet = idx.filter((i) => lines[i]!.net.gt(0));
  if (withNet.length === 0 || total.lte(0)) return [];
  const parts = splitMoney(fixed(total, scaleOf(currency)), withNet.map((i) => lines[i]!.net.toString()), currency);
  return withNet.map((i, k) => [i, dec(parts[k]!)]);
}

function evaluate(p: Promotion, lines: LineState[], ctx: PromotionContext): Effect | { skip: string } {
  const r = p.rule;
  const open = (idx: number[]) => idx.filter((i) => !lines[i]!.blocked && !lines[i]!.gift && !lines[i]!.locked);
  const sumQty = (idx: number[]) => idx.reduce((s, i) => s.plus(lines[i]!.quantity), dec(0));
  const sumNet = (idx: number[]) => idx.reduce((s, i) => s.plus(lines[i]!.net), dec(0));
  const total = (d: Array<[number, DecimalValue]>) => d.reduce((s, [, v]) => s.plus(v), dec(0));
  switch (r.kind) {
    case 'item': {
      const idx = open(ctx.lookup.linesFor(r.target)).filter((i) => !r.minQuantity || lines[i]!.quantity.gte(dec(r.minQuantity)));
      if (idx.length === 0) return { skip: r.minQuantity ? `no line of ${r.minQuantity} or more` : 'no line it applies to' };
      const d = idx.map((i): [number, DecimalValue] => {
        const l = lines[i]!;
        const off = r.percentOff !== undefined ? l.net.times(dec(r.percentOff)) : l.quantity.times(dec(r.amountOffPerUnit ?? '0'));
        return [i, roundDec(off, ctx.scale).clampedTo(0, l.net)];
      });
      return { discounts: () => d, gift: null, amount: total(d), note: r.percentOff !== undefined ? `${dec(r.percentOff).times(100)} % off` : `${r.amountOffPerUnit} off per unit` };
    }
    case 'cumulative': {
      const idx = open(ctx.lookup.linesFor(r.target));
      const prior = dec(ctx.periodQuantities[p.id] ?? '0');
      const reached = prior.plus(sumQty(idx));
      if (idx.length === 0 || reached.lt(dec(r.minQuantity))) return { skip: `period quantity ${reached} below ${r.minQuantity}` };
      const d = idx.map((i): [number, DecimalValue] => [i, roundDec(lines[i]!.net.times(dec(r.percentOff)), ctx.scale).clampedTo(0, lines[i]!.net)]);
      return { discounts: () => d, gift: null, amount: total(d), note: `period quantity ${prior} + ${reached.minus(prior)} = ${reached} ≥ ${r.minQuantity}: ${dec(r.percentOff).times(100)} % off` };
    }
    case 'combo': {
      let sets: DecimalValue | null = null;
      const idx: number[] = [];
      for (const item of [...r.items].sort((a, b) => cmp(a.productId, b.productId))) {
        const its = open(ctx.lookup.linesFor({ productId: item.productId }));
        idx.push(...its);
        const n = sumQty(its).dividedBy(dec(item.quantity)).floor();
        sets = sets === null || n.lt(sets) ? n : sets;
      }
      if (sets === null || sets.lte(0)) return { skip: 'no complete set' };
      const at = [...new Set(idx)].sort((a, b) => a - b);
      const off = roundDec(minDec(sets.times(dec(r.amountOffPerSet)), sumNet(at)), ctx.scale);
      return { discounts: () => spread(off, at, lines, ctx.currency), gift: null, amount: off, note: `${sets} set(s) × ${r.amountOffPerSet} off, shared by line amount` };
    }
    case 'threshold': {
      const idx = open(ctx.lookup.linesFor({ categoryId: r.categoryId }));
      const base = sumNet(idx);
      if (base.lt(dec(r.minAmount))) return { skip: `${fixed(base, ctx.scale)} below ${r.minAmount}` };
      const times = r.repeat ? base.dividedBy(dec(r.minAmount)).floor() : dec(1);
      const off = roundDec(minDec(times.times(dec(r.amountOff)), base), ctx.scale);
      return { discounts: () => spread(off, idx, lines, ctx.currency), gift: null, amount: off, note: `满 ${r.minAmount} 减 ${r.amountOff}${r.repeat ? ` × ${times}` : ''} on ${fixed(base, ctx.scale)}, shared by line amount` };
    }
    case 'gift': {
      const idx = open(ctx.lookup.linesFor(r.target));
      const times = sumQty(idx).dividedBy(dec(r.buyQuantity)).floor();
      const product = ctx.products.get(r.giftProductId);
      if (times.lte(0)) return { skip: `fewer than ${r.buyQuantity} bought` };
      if (!product) return { skip: `gift product ${r.giftProductId} not in the catalog given` };
      const quantity = times.times(dec(r.giftQuantity));
      return { discounts: () => [], gift: { productId: product.id, quantity, triggers: idx }, amount: roundDec(quantity.times(dec(product.cost)), ctx.scale), note: `buy ${r.buyQuantity} get ${r.giftQuantity} ${product.id} free: ${quantity}` };
    }
  }
}
function minDec(a: DecimalValue, b: DecimalValue) { return a.lte(b) ? a : b; }

export interface Applied { outcomes: PromotionOutcome[]; budgetUse: Map<string, { amount: DecimalValue; promotionIds: string[] }>; gifts: Array<{ promotion: Promotion; productId: string; quantity: DecimalValue; triggers: number[] }> }

function sortPromotions(list: Promotion[]): Promotion[][] {
  const groups = new Map<string, Promotion[]>();
  for (const p of list) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const inGroup = (a: Promotion, b: Promotion) => STAGE[a.rule.kind] - STAGE[b.rule.kind] || b.priority - a.priority || cmp(a.id, b.id);
  const sorted = [...groups.values()].map((g) => g.sort(inGroup));
  return sorted.sort((a, b) => GROUP_ORDER[a[0]!.stacking] - GROUP_ORDER[b[0]!.stacking] || cmp(a[0]!.group, b[0]!.group));
}

/** Apply the quote's promotions to `lines` in place; gifts are returned for the engine to add as lines. */
export function applyPromotions(candidates: Promotion[], lines: LineState[], ctx: PromotionContext): Applied {
  const out: Applied = { outcomes: [], budgetUse: new Map(), gifts: [] };
  const remaining = new Map(Object.entries(ctx.budgets).map(([k, v]) => [k, dec(v)]));
  const money = (v: DecimalValue) => fixed(v, ctx.scale);
  // A budget the caller did not give a remaining amount for has nothing left: an unknown budget is never overspent.
  const left = (id: string) => remaining.get(id) ?? dec(0);
  const fits = (p: Promotion, e: Effect) => !p.budgetId || e.amount.lte(left(p.budgetId));
  const skip = (p: Promotion, note: string) => out.outcomes.push({ promotionId: p.id, applied: false, amount: money(dec(0)), note });
  const apply = (p: Promotion, e: Effect, mode: Promotion['stacking']) => {
    for (const [i, off] of e.discounts()) {
      const l = lines[i]!;
      const before = l.net;
      l.discount = l.discount.plus(off);
      l.net = l.net.minus(off);
      if (mode === 'exclusive') l.locked = true;
      l.trace.push({ step: 'promotion', ruleId: p.id, note: `${p.name} (${mode} group ${p.group}): ${e.note}: −${money(off)}`, before: money(before), after: money(l.net) });
    }
    if (e.gift) {
      out.gifts.push({ promotion: p, ...e.gift });
      if (mode === 'exclusive') for (const i of e.gift.triggers) lines[i]!.locked = true;
    }
    if (p.budgetId) {
      remaining.set(p.budgetId, left(p.budgetId).minus(e.amount));
      const use = out.budgetUse.get(p.budgetId) ?? { amount: dec(0), promotionIds: [] };
      use.amount = use.amount.plus(e.amount);
      use.promotionIds.push(p.id);
      out.budgetUse.set(p.budgetId, use);
    }
    out.outcomes.push({ promotionId: p.id, applied: true, amount: money(e.amount), note: e.note });
  };
  const live = candidates.filter((p) => {
    const ok = inValidity(ctx.date, p.validFrom, p.validTo) && scopeMatches(p.scope, ctx.buyer);
    return ok;
  });
  for (const group of sortPromotions(live)) {
    const mode = group[0]!.stacking;
    if (mode === 'stackable') {
      for (const p of group) {
        const e = evaluate(p, lines, ctx);
        if ('skip' in e) skip(p, e.skip);
        else if (!fits(p, e)) skip(p, `budget ${p.budgetId} exhausted: needs ${money(e.amount)}, ${money(left(p.budgetId!))} left`);
        else apply(p, e, mode);
      }
      continue;
    }
    // exclusive: the first that applies (by kind, priority, id); best_of: the one worth most to the customer.
    let chosen: { p: Promotion; e: Effect } | null = null;
    for (const p of group) {
      const e = evaluate(p, lines, ctx);
      if ('skip' in e) { skip(p, e.skip); continue; }
      if (!fits(p, e)) { skip(p, `budget ${p.budgetId} exhausted: needs ${money(e.amount)}, ${money(left(p.budgetId!))} left`); continue; }
      if (chosen === null || (mode === 'best_of' && e.amount.gt(chosen.e.amount))) {
        if (chosen) skip(chosen.p, `${mode} group ${p.group}: ${p.id} is worth more`);
        chosen = { p, e };
      } else skip(p, `${mode} group ${p.group}: ${chosen.p.id} ${mode === 'exclusive' ? 'comes first' : 'is worth as much or more'}`);
    }
    if (chosen) apply(chosen.p, chosen.e, mode);
  }
  return out;
}
