// Properties that hold for any price sheet and any quote: no negative amounts, totals are the sums of the lines,
// every amount is whole cents and adds up, the same input prices the same (trace included), the order rules arrive
// in changes nothing, and the indexed lookup prices exactly like every rule against every line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, dec } from '../money.js';
import { priceQuote } from './engine.js';
import type { PriceBookEntry, PricedProduct, PricingInput, PricingRules, Promotion, PromotionTarget } from './types.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => (c / 100).toFixed(2)); // integer cents → "12.34": no float arithmetic on amounts
const rate = (maxPct: number) => fc.integer({ min: 0, max: maxPct }).map((p) => dec(p).dividedBy(100).toString());
const PRODUCT_IDS = ['A', 'B', 'C', 'D', 'E'];
const CATEGORIES = ['x', 'y'];
const products: PricedProduct[] = PRODUCT_IDS.map((id, i) => ({ id, categoryId: CATEGORIES[i % 2]!, cost: `${10 + i * 7}.50`, standardPrice: `${20 + i * 11}.99` }));
const productId = fc.constantFrom(...PRODUCT_IDS);
const target: fc.Arbitrary<PromotionTarget> = fc.oneof(productId.map((p) => ({ productId: p })), fc.constantFrom(...CATEGORIES).map((c) => ({ categoryId: c })));
const scope = fc.record({ customerId: fc.constantFrom('C1', 'C2'), grade: fc.constantFrom('A', 'B'), region: fc.constantFrom('east', 'west') }, { requiredKeys: [] });

const entryArb = fc.record({
  bookId: fc.constantFrom('LIST', 'DEALER'), productId, scope, priority: fc.integer({ min: 0, max: 2 }),
  createdAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'),
  validTo: fc.constantFrom(null, '2026-12-31', '2026-01-31'),
  price: fc.oneof(
    cents(1, 50_000).map((unitPrice) => ({ kind: 'fixed' as const, unitPrice })),
    fc.tuple(fc.constantFrom('range' as const, 'slab' as const), cents(1, 50_000), cents(1, 50_000), fc.integer({ min: 1, max: 20 })).map(([mode, a, b, up]) => ({ kind: 'tiers' as const, mode, tiers: [{ upTo: String(up), unitPrice: a }, { upTo: null, unitPrice: b }] })),
    rate(200).map((p) => ({ kind: 'cost_plus' as const, factor: dec(p).plus(1).toString() })),
    rate(30).map((p) => ({ kind: 'book_relative' as const, bookId: 'LIST', factor: dec(1).minus(p).toString() })),
  ),
});
const ruleArb: fc.Arbitrary<Promotion['rule']> = fc.oneof(
  fc.record({ kind: fc.constant('item' as const), target, percentOff: rate(60) }),
  fc.record({ kind: fc.constant('item' as const), target, amountOffPerUnit: cents(1, 5_000), minQuantity: fc.constantFrom('1', '5') }),
  fc.record({ kind: fc.constant('combo' as const), items: fc.uniqueArray(fc.record({ productId, quantity: fc.constantFrom('1', '2') }), { minLength: 2, maxLength: 3, selector: (i) => i.productId }), amountOffPerSet: cents(1, 20_000) }),
  fc.record({ kind: fc.constant('threshold' as const), minAmount: cents(100, 200_000), amountOff: cents(1, 50_000), repeat: fc.boolean() }),
  fc.record({ kind: fc.constant('cumulative' as const), target, minQuantity: fc.constantFrom('5', '50'), percentOff: rate(20) }),
  fc.record({ kind: fc.constant('gift' as const), target, buyQuantity: fc.constantFrom('2', '10'), giftProductId: productId, giftQuantity: fc.constantFrom('1', '3') }),
);
const GROUPS = { g1: 'stackable', g2: 'best_of', g3: 'exclusive', g4: 'stackable' } as const;
const promoArb = fc.record({ rule: ruleArb, group: fc.constantFrom(...(Object.keys(GROUPS) as Array<keyof typeof GROUPS>)), priority: fc.integer({ min: 0, max: 3 }), budgetId: fc.constantFrom(null, 'B1', 'B2') });

const caseArb = fc.record({
  entries: fc.array(entryArb, { maxLength: 25 }),
  promos: fc.array(promoArb, { maxLength: 10 }),
  surcharges: fc.array(fc.record({ productId, value: fc.constantFrom('red', 'blue'), amountPerUnit: cents(1, 3_000) }), { maxLength: 4 }),
  floors: fc.array(fc.record({ productId, minMargin: rate(50) }), { maxLength: 3 }),
  lines: fc.array(fc.record({ productId, quantity: fc.oneof(fc.integer({ min: 1, max: 60 }).map(String), cents(1, 9_999)), colour: fc.constantFrom('red', 'blue', 'none') }), { minLength: 1, maxLength: 8 }),
  customerId: fc.constantFrom('C1', 'C2'),
  rebate: fc.option(fc.record({ balance: cents(0, 100_000), maxOrderRatio: rate(30), accrualRate: rate(5) }), { nil: null }),
  budgets: fc.record({ B1: cents(0, 5_000_000), B2: cents(0, 50_000) }),
  prior: cents(0, 6_000),
  includeTax: fc.boolean(),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { input: PricingInput; rules: PricingRules } {
  const entries: PriceBookEntry[] = c.entries.map((e, i) => ({ id: `E${String(i).padStart(2, '0')}`, ...e, validFrom: null }));
  const promotions: Promotion[] = c.promos.map((p, i) => ({ id: `P${String(i).padStart(2, '0')}`, name: `promo ${i}`, stacking: GROUPS[p.group], ...p }));
  return {
    rules: {
      entries, promotions,
      surcharges: c.surcharges.map((s, i) => ({ id: `S${i}`, productId: s.productId, attribute: 'colour', value: s.value, amountPerUnit: s.amountPerUnit })),
      marginFloors: c.floors,
    },
    input: {
      currency: 'CNY', date: '2026-12-06', pricesIncludeTax: c.includeTax, defaultTaxRate: '0.13', products,
      buyer: { customerId: c.customerId, grade: 'A', region: 'east' },
      lines: c.lines.map((l, i) => ({ lineId: `L${i}`, productId: l.productId, quantity: l.quantity, attributes: (l.colour === 'none' ? {} : { colour: l.colour }) as Record<string, string> })),
      budgets: c.budgets, periodQuantities: Object.fromEntries(promotions.map((p) => [p.id, c.prior])), rebate: c.rebate,
    },
  };
}

const CENTS = /^\d+\.\d{2}$/;
const RUNS = { numRuns: 300 };

describe('pricing properties', () => {
  it('no negative amount; every amount is whole cents; list − discount − rebate = net; excl + tax = incl', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = priceQuote(build(c).input, build(c).rules);
      for (const l of r.lines) {
        for (const k of ['listAmount', 'discountAmount', 'rebateAmount', 'netAmount', 'amountExclTax', 'taxAmount', 'amountInclTax', 'cost'] as const) expect(l[k]).toMatch(CENTS);
        expect(dec(l.listAmount).minus(l.discountAmount).minus(l.rebateAmount).eq(l.netAmount)).toBe(true);
        expect(dec(l.amountExclTax).plus(l.taxAmount).eq(l.amountInclTax)).toBe(true);
        expect(dec(l.unitPrice).gte(0)).toBe(true);
      }
      if (r.rebate) expect(dec(r.rebate.used).lte(r.rebate.limit) && dec(r.rebate.used).lte(r.rebate.available)).toBe(true);
    }), RUNS);
  });

  it('totals are the sums of the lines, and no budget is spent past what was left', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const { input, rules } = build(c);
      const r = priceQuote(input, rules);
      for (const k of Object.keys(r.totals) as Array<keyof typeof r.totals>) expect(r.totals[k]).toBe(addMoney(r.lines.map((l) => l[k]), 'CNY'));
      for (const u of r.budgetUse) expect(dec(u.amount).lte(input.budgets![u.budgetId]!)).toBe(true);
    }), RUNS);
  });

  it('the same input prices the same, trace included', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const { input, rules } = build(c);
      expect(priceQuote(structuredClone(input), structuredClone(rules))).toEqual(priceQuote(input, rules));
    }), RUNS);
  });

  it('the order the rules arrive in changes nothing, and the index prices exactly like every rule against every line', () => {
    fc.assert(fc.property(caseArb, fc.integer(), (c, seed) => {
      const { input, rules } = build(c);
      const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 })).sort((a, b) => a.k - b.k).map((e) => e.x);
      const reordered = { entries: shuffle(rules.entries), promotions: shuffle(rules.promotions), surcharges: shuffle(rules.surcharges), marginFloors: shuffle(rules.marginFloors) };
      const expected = priceQuote(input, rules);
      expect(priceQuote(input, reordered)).toEqual(expected);
      expect(priceQuote(input, reordered, { naive: true })).toEqual(expected);
    }), RUNS);
  });
});
