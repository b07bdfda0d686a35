// priceQuote: one call prices a whole quote — base prices, surcharges, promotions, gifts, the rebate offset, tax, and
// the margin check — and says at each line which rule did what. Pure: no database, clock or randomness; the caller
// reads rules, budgets, period quantities and the rebate balance and passes them in (docs/pricing.md).
// Rounding is explicit: every line amount, discount, share and tax is rounded to the cent when it is made, order-wide
// amounts are spread with money.ts's splitMoney (the parts add back to the whole), and totals are sums of lines.
import { addMoney, dec, scaleOf, splitMoney, type DecimalValue } from '../money.js';
import { fixed, roundDec } from './cents.js';
import { lineAmounts } from '../tax.js';
import { indexedLookup, indexRules, naiveLookup, type Lookup, type RuleIndex } from './lookup.js';
import { applyPromotions, type LineState } from './promotions.js';
import { basePrice } from './resolve.js';
import type { MarginBreach, PriceConflict, PricedLine, PricedProduct, PricingInput, PricingResult, PricingRules } from './types.js';

export interface PriceOptions {
  /** An index built once with indexRules (reuse it across quotes while the rules don't change). */
  index?: RuleIndex;
  /** Every rule against every line: the benchmark's baseline. */
  naive?: boolean;
}

export function priceQuote(input: PricingInput, rules: PricingRules, opts: PriceOptions = {}): PricingResult {
  const cur = input.currency;
  const scale = scaleOf(cur);
  const money = (v: DecimalValue | string) => fixed(typeof v === 'string' ? dec(v) : v, scale);
  const products = new Map(input.products.map((p) => [p.id, p]));
  const lookup: Lookup = opts.naive ? naiveLookup(rules, input.lines, products) : indexedLookup(opts.index ?? indexRules(rules), input.lines, products);
  const conflicts: PriceConflict[] = [];

  const lines: LineState[] = input.lines.map((line) => {
    const product = products.get(line.productId);
    if (!product) throw new RangeError(`pricing: line ${line.lineId} names product ${line.productId}, which was not given`);
    const quantity = dec(line.quantity);
    if (!quantity.isFinite() || quantity.lte(0)) throw new RangeError(`pricing: line ${line.lineId} has quantity ${line.quantity}; it must be above 0`);
    const state: LineState = { lineId: line.lineId, product, quantity, list: dec(0), discount: dec(0), rebate: dec(0), net: dec(0), blocked: false, gift: false, locked: false, giftCost: dec(0), unitPrice: '0.0000', trace: [] };
    const base = basePrice(lookup, line, product, input.buyer, input.date);
    if ('conflict' in base) {
      const ids = base.conflict.map((e) => e.id);
      const note = `price books disagree: entries ${ids.join(', ')} are equally specific, of equal priority and written at the same time`;
      conflicts.push({ lineId: line.lineId, productId: product.id, entryIds: ids, note });
      state.blocked = true;
      state.trace.push({ step: 'blocked', ruleId: ids.join(','), note, before: money('0'), after: money('0') });
      return state;
    }
    let amount = base.amount;
    state.trace.push({ step: 'base', ruleId: base.ruleId, note: base.note, before: money('0'), after: money(amount) });
    const attrs = line.attributes ?? {};
    const surcharges = lookup.surchargesFor(product).filter((s) => attrs[s.attribute] === s.value).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const s of surcharges) {
      const before = amount;
      amount = amount.plus(quantity.times(dec(s.amountPerUnit)));
      state.trace.push({ step: 'surcharge', ruleId: s.id, note: `${s.attribute} = ${s.value}: +${s.amountPerUnit} per unit × ${quantity}`, before: money(before), after: money(amount) });
    }
    if (amount.isNegative()) amount = dec(0); // a surcharge below zero never makes a negative price
    state.list = roundDec(amount, scale);
    state.net = state.list;
    state.unitPrice = amount.dividedBy(quantity).toFixed(4);
    return state;
  });

  const applied = applyPromotions(lookup.promotionsFor(input.lines, products), lines, {
    lookup, buyer: input.buyer, date: input.date, currency: cur, scale, products, periodQuantities: input.periodQuantities ?? {}, budgets: input.budgets ?? {},
  });

  // Gifts: a line each, at no charge; their cost counts against the margin of the lines that brought them.
  for (const g of applied.gifts) {
    const product = products.get(g.productId)!;
    const cost = roundDec(g.quantity.times(dec(product.cost)), scale);
    const shares = splitMoney(money(cost), g.triggers.map((i) => lines[i]!.quantity.toString()), cur);
    g.triggers.forEach((i, k) => { lines[i]!.giftCost = lines[i]!.giftCost.plus(dec(shares[k]!)); });
    lines.push({
      lineId: `gift:${g.promotion.id}`, product, quantity: g.quantity, list: dec(0), discount: dec(0), rebate: dec(0), net: dec(0), blocked: false, gift: true, locked: true, giftCost: dec(0), unitPrice: '0.0000',
      trace: [{ step: 'gift', ruleId: g.promotion.id, note: `${g.promotion.name}: ${g.quantity} × ${product.id} free (cost ${money(cost)}, counted on lines ${g.triggers.map((i) => lines[i]!.lineId).join(', ')})`, before: money('0'), after: money('0') }],
    });
  }

  // The rep's discounts (手工折扣): per line, then on the whole order — after promotions, so a 满减 saw the promoted
  // amounts, and before the rebate, whose 当单比例 applies to what the customer is asked to pay.
  const byLine = new Map(input.lines.map((l) => [l.lineId, l]));
  for (const l of lines) {
    const rate = byLine.get(l.lineId)?.discountRate;
    if (l.gift || l.blocked || !rate || dec(rate).lte(0) || l.net.lte(0)) continue;
    const off = minDec(roundDec(l.net.times(dec(rate)), scale), l.net);
    const before = l.net;
    l.discount = l.discount.plus(off);
    l.net = l.net.minus(off);
    l.trace.push({ step: 'discount', ruleId: 'line-discount', note: `line discount ${dec(rate).times(100)} %: −${money(off)}`, before: money(before), after: money(l.net) });
  }
  if (input.orderDiscountRate && dec(input.orderDiscountRate).gt(0)) {
    const payable = lines.filter((l) => !l.blocked && !l.gift && l.net.gt(0));
    const orderNet = payable.reduce((s, l) => s.plus(l.net), dec(0));
    const total = roundDec(orderNet.times(dec(input.orderDiscountRate)), scale);
    if (total.gt(0)) {
      const parts = splitMoney(money(total), payable.map((l) => l.net.toString()), cur);
      payable.forEach((l, k) => {
        const before = l.net;
        const off = dec(parts[k]!);
        l.discount = l.discount.plus(off);
        l.net = l.net.minus(off);
        l.trace.push({ step: 'discount', ruleId: 'order-discount', note: `order discount ${dec(input.orderDiscountRate!).times(100)} % of ${money(orderNet)} = ${money(total)}, shared by line amount: −${parts[k]}`, before: money(before), after: money(l.net) });
      });
    }
  }

  // Rebate offset (返利抵扣): at most maxOrderRatio of the order after promotions, at most the balance, rounded down.
  let rebate: PricingResult['rebate'] = null;
  if (input.rebate) {
    const payable = lines.filter((l) => !l.blocked && !l.gift && l.net.gt(0));
    const orderNet = payable.reduce((s, l) => s.plus(l.net), dec(0));
    const limit = orderNet.times(dec(input.rebate.maxOrderRatio)).toDecimalPlaces(scale, 1); // 1: ROUND_DOWN, the limit is never passed
    let used = minDec(minDec(dec(input.rebate.balance), limit), input.rebate.requested != null ? dec(input.rebate.requested) : limit);
    if (used.isNegative()) used = dec(0);
    if (used.gt(0) && payable.length > 0) {
      const parts = splitMoney(money(used), payable.map((l) => l.net.toString()), cur);
      payable.forEach((l, k) => {
        const before = l.net;
        l.rebate = dec(parts[k]!);
        l.net = l.net.minus(l.rebate);
        l.trace.push({ step: 'rebate', ruleId: 'rebate', note: `rebate offset ${money(used)} (limit ${dec(input.rebate!.maxOrderRatio).times(100)} % of ${money(orderNet)} = ${money(limit)}, balance ${money(input.rebate!.balance)}), shared by line amount: −${parts[k]}`, before: money(before), after: money(l.net) });
      });
    }
    const after = orderNet.minus(used);
    rebate = { available: money(input.rebate.balance), limit: money(limit), used: money(used), accrued: money(after.times(dec(input.rebate.accrualRate ?? '0'))) };
  }

  const breaches: MarginBreach[] = [];
  const priced: PricedLine[] = lines.map((l) => {
    const taxRate = l.product.taxRate ?? input.defaultTaxRate;
    const tax = lineAmounts({ quantity: '1', unitPrice: money(l.net), taxRate }, input.pricesIncludeTax, cur);
    const cost = l.blocked ? dec(0) : roundDec(l.quantity.times(dec(l.product.cost)), scale);
    const marginCost = cost.plus(l.giftCost);
    const margin = l.net.gt(0) ? l.net.minus(marginCost).dividedBy(l.net).toFixed(4) : null;
    const floor = l.gift || l.blocked ? null : lookupFloor(l.product);
    if (floor && (margin === null ? marginCost.gt(0) : dec(margin).lt(dec(floor.minMargin)))) {
      breaches.push({ lineId: l.lineId, productId: l.product.id, margin, floor: floor.minMargin, netAmount: money(l.net), cost: money(marginCost) });
    }
    return {
      lineId: l.lineId, productId: l.product.id, quantity: l.quantity.toString(), unitPrice: l.unitPrice, listAmount: money(l.list), discountAmount: money(l.discount), rebateAmount: money(l.rebate),
      netAmount: money(l.net), ...tax, cost: money(cost), margin, gift: l.gift, blocked: l.blocked, trace: l.trace,
    };
  });
  function lookupFloor(p: PricedProduct) { return lookup.marginFloorFor(p); }

  const sum = (k: 'listAmount' | 'discountAmount' | 'rebateAmount' | 'netAmount' | 'amountExclTax' | 'taxAmount' | 'amountInclTax' | 'cost') => addMoney(priced.map((l) => l[k]), cur);
  return {
    currency: cur,
    lines: priced,
    totals: { listAmount: sum('listAmount'), discountAmount: sum('discountAmount'), rebateAmount: sum('rebateAmount'), netAmount: sum('netAmount'), amountExclTax: sum('amountExclTax'), taxAmount: sum('taxAmount'), amountInclTax: sum('amountInclTax'), cost: sum('cost') },
    conflicts,
    promotions: applied.outcomes,
    budgetUse: [...applied.budgetUse.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([budgetId, u]) => ({ budgetId, amount: money(u.amount), promotionIds: u.promotionIds })),
    rebate,
    approval: { required: breaches.length > 0, breaches },
    ok: conflicts.length === 0,
  };
}
function minDec(a: DecimalValue, b: DecimalValue) { return a.lte(b) ? a : b; }
