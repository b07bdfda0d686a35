// Pricing engine bench (issue 11 item 7; run by `npm run bench`, or alone: `npx tsx bench/pricing.ts`). Prices a
// BENCH_PRICING_LINES-line quote (300) against BENCH_PRICING_ENTRIES price-book entries (20,000) and
// BENCH_PRICING_PROMOTIONS promotion rules (200), plus surcharges and margin floors:
//   (a) the engine as the quote service will call it — rules indexed once per rule-set change (indexRules), then
//       priceQuote per quote change — target < 50 ms for the whole quote; also the same with the index built inside
//       the call (a rule set that changed just before);
//   (b) in the same run, the naive evaluation: every entry, surcharge, floor and promotion checked against every line
//       (and each promotion scanning every line), which must price identically — asserted, result and trace.
// BENCH_PRICING_ORDER_WIDE (2) of the twenty 满减 rules cover the whole order, the others one category each.
// Pure in-process work, no database: the "bare" column of the summary is the naive evaluation. The data is made by a
// seeded generator, so every run prices the same quote.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { indexRules, priceQuote, type PriceBookEntry, type PricedProduct, type PricingInput, type PricingRules, type Promotion, type StackingMode } from '../packages/shared/src/pricing/index.js';
import { envInt, log, table, seededRandom } from './lib.js';
import { recordFigure } from './figures.js';

const LINES = envInt('BENCH_PRICING_LINES', 300);
const ENTRIES = envInt('BENCH_PRICING_ENTRIES', 20_000);
const PROMOTIONS = envInt('BENCH_PRICING_PROMOTIONS', 200);
const RUNS = envInt('BENCH_PRICING_RUNS', 50);
const NAIVE_RUNS = envInt('BENCH_PRICING_NAIVE_RUNS', 5);
const TARGET_MS = 50;
/** How many of the 满减 rules cover the whole order (each is spread over every line when it applies); the rest cover a category. */
const ORDER_WIDE = envInt('BENCH_PRICING_ORDER_WIDE', 2);
const PER_PRODUCT = 10;
const PRODUCTS = Math.max(1, Math.floor(ENTRIES / PER_PRODUCT));
const CATEGORIES = 50;

const rng = seededRandom;
const rand = rng(11);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
const yuan = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const pid = (i: number) => `SKU-${String(i).padStart(5, '0')}`;
const cat = (i: number) => `CAT-${String(i % CATEGORIES).padStart(2, '0')}`;

function makeRules(): { rules: PricingRules; products: PricedProduct[] } {
  const products: PricedProduct[] = [];
  const entries: PriceBookEntry[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const cost = int(1_000, 100_000);
    const std = Math.round(cost * 1.6);
    products.push({ id: pid(i), categoryId: cat(i), cost: yuan(cost), standardPrice: yuan(std) });
    // Ten entries a product: the list price, tiers, grades, channels, regions, this customer (now and expired), another
    // customer, a cost-plus and a dealer book 5 % under the list — each written at its own moment, so none tie.
    const scopes = [{}, {}, { grade: 'A' }, { grade: 'B' }, { channel: 'dealer' }, { region: 'east' }, { customerId: i % 7 === 0 ? 'C-0001' : 'C-0002' }, { customerId: 'C-0001' }, { region: 'west' }, { channel: 'dealer', grade: 'A' }];
    scopes.slice(0, Math.min(PER_PRODUCT, ENTRIES - i * PER_PRODUCT)).forEach((scope, k) => {
      const price: PriceBookEntry['price'] =
        k === 1 ? { kind: 'tiers', mode: i % 2 ? 'range' : 'slab', tiers: [{ upTo: '10', unitPrice: yuan(std) }, { upTo: '100', unitPrice: yuan(Math.round(std * 0.95)) }, { upTo: null, unitPrice: yuan(Math.round(std * 0.9)) }] }
        : k === 4 ? { kind: 'book_relative', bookId: 'LIST', factor: '0.95' }
        : k === 8 ? { kind: 'cost_plus', factor: '1.3' }
        : { kind: 'fixed', unitPrice: yuan(Math.round(std * (1 - k / 100))) };
      entries.push({
        id: `PB-${i}-${k}`, bookId: k === 4 ? 'DEALER' : 'LIST', productId: pid(i), scope, priority: k === 1 ? 1 : 0,
        validFrom: k === 7 ? '2026-01-01' : null, validTo: k === 7 && i % 3 === 0 ? '2026-06-30' : null,
        createdAt: new Date(Date.UTC(2026, 0, 1) + (i * PER_PRODUCT + k) * 1000).toISOString(), price,
      });
    });
  }
  const modes: StackingMode[] = ['stackable', 'best_of', 'exclusive', 'stackable'];
  const promotions: Promotion[] = [];
  for (let i = 0; i < PROMOTIONS; i++) {
    const target = i % 6 === 0 ? { categoryId: cat(int(0, CATEGORIES - 1)) } : { productId: pid(int(0, PRODUCTS - 1)) };
    const kind = i % 10;
    const rule: Promotion['rule'] =
      kind < 4 ? { kind: 'item', target, percentOff: `0.0${int(1, 9)}` }
      : kind === 4 ? { kind: 'item', target, amountOffPerUnit: yuan(int(100, 2_000)), minQuantity: '5' }
      : kind === 5 ? { kind: 'cumulative', target, minQuantity: '100', percentOff: '0.03' }
      : kind === 6 ? { kind: 'combo', items: [{ productId: pid(int(0, PRODUCTS - 1)), quantity: '1' }, { productId: pid(int(0, PRODUCTS - 1)), quantity: '2' }], amountOffPerSet: yuan(int(1_000, 10_000)) }
      : kind === 7 ? { kind: 'threshold', categoryId: [cat(int(0, CATEGORIES - 1))].find(() => (i - 7) / 10 >= ORDER_WIDE), minAmount: yuan(int(100_000, 1_000_000)), amountOff: yuan(int(5_000, 50_000)), repeat: i % 20 === 17 }
      : { kind: 'gift', target, buyQuantity: '10', giftProductId: pid(int(0, PRODUCTS - 1)), giftQuantity: '1' };
    // (The category of a 满减 is drawn even for a whole-order one, so the knob changes nothing else in the data.)
    const group = `G-${i % 12}`;
    promotions.push({ id: `PR-${String(i).padStart(3, '0')}`, name: `promotion ${i}`, group, stacking: modes[(i % 12) % 4]!, priority: i % 5, budgetId: i % 4 === 0 ? `BUD-${i % 5}` : null, rule });
  }
  const surcharges = Array.from({ length: 200 }, (_, i) => ({
    id: `SC-${i}`, ...(i % 4 ? { productId: pid(int(0, PRODUCTS - 1)) } : { categoryId: cat(i) }), attribute: i % 3 ? 'voltage' : 'colour', value: i % 3 ? '380V' : 'red', amountPerUnit: yuan(int(100, 5_000)),
  }));
  const marginFloors = [
    ...Array.from({ length: CATEGORIES }, (_, i) => ({ categoryId: cat(i), minMargin: '0.15' })),
    ...Array.from({ length: 200 }, () => ({ productId: pid(int(0, PRODUCTS - 1)), minMargin: '0.30' })),
  ];
  return { rules: { entries, promotions, surcharges, marginFloors }, products };
}

function makeQuote(products: PricedProduct[]): PricingInput {
  const lines = Array.from({ length: LINES }, (_, i) => ({
    lineId: `QL-${i}`, productId: products[int(0, products.length - 1)]!.id, quantity: String(pick([1, 2, 5, 10, 11, 20, 50, 100, 101, 200])),
    attributes: { voltage: pick(['220V', '380V']), colour: pick(['red', 'blue']) },
  }));
  return {
    currency: 'CNY', date: '2026-12-06', pricesIncludeTax: true, defaultTaxRate: '0.13', products,
    buyer: { customerId: 'C-0001', grade: 'A', channel: 'dealer', dealerId: 'D-01', region: 'east' },
    lines, budgets: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`BUD-${i}`, '20000.00'])),
    periodQuantities: Object.fromEntries(Array.from({ length: PROMOTIONS }, (_, i) => [`PR-${String(i).padStart(3, '0')}`, '60'])),
    rebate: { balance: '50000.00', maxOrderRatio: '0.05', accrualRate: '0.01' },
  };
}

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}
function median(xs: number[]) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; }
function p95(xs: number[]) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!; }

const { rules, products } = makeRules();
const input = makeQuote(products);
log(`pricing: ${LINES} lines, ${rules.entries.length} price-book entries, ${rules.promotions.length} promotions, ${rules.surcharges.length} surcharges, ${rules.marginFloors.length} margin floors`);

// Warm-up: let V8 compile the engine before anything is timed (both paths run the same code after their lookups).
for (let i = 0; i < 5; i++) priceQuote(input, rules, { index: indexRules(rules) });
priceQuote(input, rules, { naive: true });

const indexTimes: number[] = [];
let index = indexRules(rules);
for (let i = 0; i < 10; i++) { const [ms, ix] = time(() => indexRules(rules)); indexTimes.push(ms); index = ix; }
const warm: number[] = [];
let result = priceQuote(input, rules, { index });
for (let i = 0; i < RUNS; i++) { const [ms, r] = time(() => priceQuote(input, rules, { index })); warm.push(ms); result = r; }
const cold: number[] = [];
for (let i = 0; i < Math.max(5, Math.floor(RUNS / 5)); i++) cold.push(time(() => priceQuote(input, rules))[0]);
const naive: number[] = [];
let naiveResult = result;
for (let i = 0; i < NAIVE_RUNS; i++) { const [ms, r] = time(() => priceQuote(input, rules, { naive: true })); naive.push(ms); naiveResult = r; }

assert.deepStrictEqual(naiveResult, result, 'the naive evaluation must price exactly like the indexed one');
assert.deepStrictEqual(priceQuote(structuredClone(input), structuredClone(rules)), result, 'the same input must price the same');

const applied = result.promotions.filter((p) => p.applied).length;
const steps = result.lines.reduce((s, l) => s + l.trace.length, 0);
const byStep = new Map<string, number>();
for (const l of result.lines) for (const t of l.trace) byStep.set(t.step, (byStep.get(t.step) ?? 0) + 1);
console.log(`\nPricing engine — ${LINES} lines (${result.lines.length} with gifts), ${rules.entries.length} entries, ${rules.promotions.length} promotions; ${result.promotions.length} promotions relevant to the quote, ${applied} applied; ${steps} trace steps (${[...byStep].map(([k, v]) => `${k} ${v}`).join(', ')}); conflicts ${result.conflicts.length}; approval ${result.approval.required ? `needed (${result.approval.breaches.length} lines)` : 'not needed'}`);
console.log(`net ${result.totals.netAmount} CNY (list ${result.totals.listAmount}, promotions −${result.totals.discountAmount}, rebate −${result.totals.rebateAmount}); naive result identical: yes`);
console.log(table(['case', 'runs', 'p50 ms', 'p95 ms', 'vs naive (p50)'], [
  ['index the rules (once per rule change)', indexTimes.length, median(indexTimes), p95(indexTimes), '-'],
  ['price the quote, index built', warm.length, median(warm), p95(warm), (median(warm) / median(naive)).toFixed(3)],
  ['index + price (rules just changed)', cold.length, median(cold), p95(cold), (median(cold) / median(naive)).toFixed(3)],
  ['naive: every rule against every line', naive.length, median(naive), p95(naive), '1'],
]));

const figure = `${LINES}-line quote, ${rules.entries.length / 1000}k entries, ${rules.promotions.length} promotions (${ORDER_WIDE} whole-order 满减)`;
recordFigure({ bench: 'pricing', figure: `${figure} (p50; bare = naive)`, api: median(warm), sql: median(naive), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(warm) < TARGET_MS, database: 'in-process' });
recordFigure({ bench: 'pricing', figure: `${figure}, index built in the call (p50; bare = naive)`, api: median(cold), sql: median(naive), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(cold) < TARGET_MS, database: 'in-process' });
