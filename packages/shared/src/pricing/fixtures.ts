// Test and bench support (not exported from the package): a small catalog and builders for rules, so scenarios read
// like a pricing manager's sheet.
import type { PriceBookEntry, PricedProduct, PricingInput, PricingRules, Promotion, QuoteLineInput } from './types.js';

export const DAY = '2026-12-06';

export const PRODUCTS: PricedProduct[] = [
  { id: 'PUMP-100', categoryId: 'pumps', cost: '60.00', standardPrice: '100.00' },
  { id: 'PUMP-50', categoryId: 'pumps', cost: '30.00', standardPrice: '50.00' },
  { id: 'VALVE-20', categoryId: 'valves', cost: '8.00', standardPrice: '20.00' },
  { id: 'GIFT-MUG', categoryId: 'gifts', cost: '5.00', standardPrice: '15.00' },
];

export function rules(r: Partial<PricingRules> = {}): PricingRules {
  return { entries: r.entries ?? [], surcharges: r.surcharges ?? [], promotions: r.promotions ?? [], marginFloors: r.marginFloors ?? [] };
}

export function input(lines: Array<[string, string] | QuoteLineInput>, extra: Partial<PricingInput> = {}): PricingInput {
  return {
    currency: 'CNY', date: DAY, pricesIncludeTax: true, defaultTaxRate: '0.13', products: PRODUCTS,
    buyer: { customerId: 'C-HT', grade: 'A', channel: 'dealer', dealerId: 'D-SH', region: 'east' },
    lines: lines.map((l, i) => (Array.isArray(l) ? { lineId: `L${i + 1}`, productId: l[0], quantity: l[1] } : l)),
    ...extra,
  };
}

let n = 0;
export function entry(productId: string, unitPriceOrRule: string | PriceBookEntry['price'], e: Partial<PriceBookEntry> = {}): PriceBookEntry {
  n += 1;
  return {
    id: e.id ?? `E${n}`, bookId: e.bookId ?? 'LIST', productId, scope: e.scope ?? {}, priority: e.priority ?? 0,
    validFrom: e.validFrom ?? null, validTo: e.validTo ?? null, createdAt: e.createdAt ?? '2026-01-01T00:00:00Z',
    price: typeof unitPriceOrRule === 'string' ? { kind: 'fixed', unitPrice: unitPriceOrRule } : unitPriceOrRule,
  };
}

export function promo(id: string, rule: Promotion['rule'], p: Partial<Promotion> = {}): Promotion {
  return { id, name: p.name ?? id, group: p.group ?? 'default', stacking: p.stacking ?? 'stackable', priority: p.priority ?? 0, rule, ...p };
}
