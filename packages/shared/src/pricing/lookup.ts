// Where the engine finds the rules for a line. The indexed lookup files every rule once under what it applies to
// (product, category, or the whole order) so pricing a quote touches only the rules that can apply to its lines:
// lines × (entries of that product) + promotions × (their lines), never lines × rules × lines. The naive lookup
// scans everything for every question; the benchmark runs both and asserts they price identically.
import { dec } from '../money.js';
import type { PriceBookEntry, PricedProduct, Promotion, PricingRules, QuoteLineInput, Surcharge, MarginFloor, PromotionTarget } from './types.js';

export interface Lookup {
  entriesFor(productId: string): PriceBookEntry[];
  surchargesFor(product: PricedProduct): Surcharge[];
  /** Promotions that may apply to this quote (each still checks its own dates, scope and quantities). */
  promotionsFor(lines: QuoteLineInput[], products: Map<string, PricedProduct>): Promotion[];
  /** Indexes (positions in `lines`) of the lines a target covers. */
  linesFor(target: PromotionTarget | { categoryId?: string | undefined; productId?: undefined }): number[];
  marginFloorFor(product: PricedProduct): MarginFloor | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function promotionKeys(p: Promotion): string[] {
  const r = p.rule;
  switch (r.kind) {
    case 'item': case 'cumulative': case 'gift':
      return [r.target.productId !== undefined ? `p:${r.target.productId}` : `c:${r.target.categoryId}`];
    case 'combo':
      return r.items.map((i) => `p:${i.productId}`);
    case 'threshold':
      return [r.categoryId !== undefined ? `c:${r.categoryId}` : '*'];
  }
}

function matchesTarget(t: PromotionTarget | { categoryId?: string | undefined; productId?: undefined }, line: QuoteLineInput, products: Map<string, PricedProduct>): boolean {
  if (t.productId !== undefined) return line.productId === t.productId;
  if (t.categoryId !== undefined) return products.get(line.productId)?.categoryId === t.categoryId;
  return true;
}

/** Every rule filed under what it applies to; built once per rule set (a price-book change), reused for every quote. */
export function indexRules(rules: PricingRules) {
  const entries = new Map<string, PriceBookEntry[]>();
  for (const e of rules.entries) push(entries, e.productId, e);
  const surcharges = new Map<string, Surcharge[]>();
  for (const s of rules.surcharges) push(surcharges, s.productId !== undefined ? `p:${s.productId}` : `c:${s.categoryId}`, s);
  const promotions = new Map<string, Promotion[]>();
  for (const p of rules.promotions) for (const k of new Set(promotionKeys(p))) push(promotions, k, p);
  const floors = new Map<string, MarginFloor>();
  for (const f of rules.marginFloors) {
    const key = f.productId !== undefined ? `p:${f.productId}` : `c:${f.categoryId}`;
    const had = floors.get(key);
    // Two floors for the same product: the higher one holds (the stricter rule is never silently dropped).
    if (!had || dec(f.minMargin).gt(dec(had.minMargin))) floors.set(key, f);
  }
  return { entries, surcharges, promotions, floors };
}
export type RuleIndex = ReturnType<typeof indexRules>;

export function indexedLookup(index: RuleIndex, lines: QuoteLineInput[], products: Map<string, PricedProduct>): Lookup {
  const byProduct = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  lines.forEach((l, i) => {
    push(byProduct, l.productId, i);
    const c = products.get(l.productId)?.categoryId;
    if (c !== undefined) push(byCategory, c, i);
  });
  const all = lines.map((_, i) => i);
  return {
    entriesFor: (productId) => index.entries.get(productId) ?? [],
    surchargesFor: (p) => [...(index.surcharges.get(`p:${p.id}`) ?? []), ...(index.surcharges.get(`c:${p.categoryId}`) ?? [])],
    promotionsFor: () => {
      const found = new Set<Promotion>(index.promotions.get('*') ?? []);
      for (const k of byProduct.keys()) for (const p of index.promotions.get(`p:${k}`) ?? []) found.add(p);
      for (const k of byCategory.keys()) for (const p of index.promotions.get(`c:${k}`) ?? []) found.add(p);
      return [...found];
    },
    linesFor: (t) => (t.productId !== undefined ? byProduct.get(t.productId) ?? [] : t.categoryId !== undefined ? byCategory.get(t.categoryId) ?? [] : all),
    marginFloorFor: (p) => index.floors.get(`p:${p.id}`) ?? index.floors.get(`c:${p.categoryId}`) ?? null,
  };
}

/** Every rule against every line, every time: the baseline the benchmark compares with. */
export function naiveLookup(rules: PricingRules, lines: QuoteLineInput[], products: Map<string, PricedProduct>): Lookup {
  return {
    entriesFor: (productId) => rules.entries.filter((e) => e.productId === productId),
    surchargesFor: (p) => [
      ...rules.surcharges.filter((s) => s.productId === p.id),
      ...rules.surcharges.filter((s) => s.productId === undefined && s.categoryId === p.categoryId),
    ],
    promotionsFor: () => rules.promotions.filter((p) => {
      const r = p.rule;
      if (r.kind === 'combo') return lines.some((l) => r.items.some((i) => i.productId === l.productId));
      const t = r.kind === 'threshold' ? { categoryId: r.categoryId } : r.target;
      return lines.some((l) => matchesTarget(t, l, products));
    }),
    linesFor: (t) => lines.flatMap((l, i) => (matchesTarget(t, l, products) ? [i] : [])),
    marginFloorFor: (p) => {
      const pick = (fs: MarginFloor[]) => fs.reduce<MarginFloor | null>((m, f) => (!m || dec(f.minMargin).gt(dec(m.minMargin)) ? f : m), null);
      return pick(rules.marginFloors.filter((f) => f.productId === p.id)) ?? pick(rules.marginFloors.filter((f) => f.productId === undefined && f.categoryId === p.categoryId));
    },
  };
}
