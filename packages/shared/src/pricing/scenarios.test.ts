// Pricing scenarios as a pricing manager writes them: a price sheet, a quote, and the yuan figures that must come out.
import { describe, expect, it } from 'vitest';
import { priceQuote } from './engine.js';
import { entry, input, promo, rules } from './fixtures.js';

const tiers = (mode: 'range' | 'slab') => ({ kind: 'tiers' as const, mode, tiers: [{ upTo: '10', unitPrice: '100.00' }, { upTo: '50', unitPrice: '90.00' }, { upTo: null, unitPrice: '80.00' }] });

describe('base price', () => {
  it('no price book entry: the standard price, and the trace says so', () => {
    const r = priceQuote(input([['PUMP-100', '3']]), rules());
    expect(r.lines[0]!.listAmount).toBe('300.00');
    expect(r.lines[0]!.trace.map((t) => [t.step, t.ruleId])).toEqual([['base', 'standard']]);
    expect(r.totals.netAmount).toBe('300.00');
  });

  it('the customer\'s own entry beats the grade entry beats the general one, whatever their priorities', () => {
    const r = priceQuote(input([['PUMP-100', '1']]), rules({ entries: [
      entry('PUMP-100', '95.00', { id: 'general', priority: 100 }),
      entry('PUMP-100', '92.00', { id: 'grade-A', scope: { grade: 'A' }, priority: 50 }),
      entry('PUMP-100', '90.00', { id: 'customer', scope: { customerId: 'C-HT' } }),
      entry('PUMP-100', '70.00', { id: 'other-customer', scope: { customerId: 'C-XX' }, priority: 999 }),
    ] }));
    expect(r.lines[0]!.listAmount).toBe('90.00');
    expect(r.lines[0]!.trace[0]!.ruleId).toBe('customer');
  });

  it('a dealer\'s entry beats the channel\'s; an entry for another region never applies', () => {
    const r = priceQuote(input([['PUMP-100', '1'], ['PUMP-50', '1']]), rules({ entries: [
      entry('PUMP-100', '94.00', { id: 'channel', scope: { channel: 'dealer' }, priority: 9 }),
      entry('PUMP-100', '93.00', { id: 'dealer', scope: { dealerId: 'D-SH' } }),
      entry('PUMP-100', '92.50', { id: 'dealer-grade', scope: { dealerId: 'D-SH', grade: 'A' } }),
      entry('PUMP-50', '40.00', { id: 'west', scope: { region: 'west' }, priority: 9 }),
      entry('PUMP-50', '49.00', { id: 'east', scope: { region: 'east' } }),
    ] }));
    expect(r.lines.map((l) => [l.listAmount, l.trace[0]!.ruleId])).toEqual([['92.50', 'dealer-grade'], ['49.00', 'east']]);
  });

  it('equally specific: higher priority, then the newest entry; expired entries never count', () => {
    const r = priceQuote(input([['PUMP-100', '1'], ['PUMP-50', '1']]), rules({ entries: [
      entry('PUMP-100', '95.00', { id: 'p1', priority: 1 }),
      entry('PUMP-100', '97.00', { id: 'p5', priority: 5 }),
      entry('PUMP-50', '48.00', { id: 'old', createdAt: '2026-01-01T00:00:00Z' }),
      entry('PUMP-50', '46.00', { id: 'new', createdAt: '2026-06-01T00:00:00Z' }),
      entry('PUMP-50', '10.00', { id: 'expired', scope: { customerId: 'C-HT' }, validTo: '2026-12-05' }),
      entry('PUMP-50', '11.00', { id: 'future', scope: { customerId: 'C-HT' }, validFrom: '2026-12-07' }),
    ] }));
    expect(r.lines.map((l) => l.listAmount)).toEqual(['97.00', '46.00']);
  });

  it('two entries that tie on everything: a conflict is reported with both, the line is blocked, nothing is guessed', () => {
    const r = priceQuote(input([['PUMP-100', '2'], ['PUMP-50', '1']]), rules({ entries: [
      entry('PUMP-100', '91.00', { id: 'sheet-a', scope: { customerId: 'C-HT' } }),
      entry('PUMP-100', '89.00', { id: 'sheet-b', scope: { customerId: 'C-HT' } }),
    ] }));
    expect(r.ok).toBe(false);
    expect(r.conflicts).toEqual([expect.objectContaining({ lineId: 'L1', productId: 'PUMP-100', entryIds: ['sheet-a', 'sheet-b'] })]);
    expect(r.lines[0]).toMatchObject({ blocked: true, listAmount: '0.00', netAmount: '0.00' });
    expect(r.lines[1]!.netAmount).toBe('50.00');
  });

  it('formula prices: cost × 1.3, and the list book − 5 %', () => {
    const r = priceQuote(input([['PUMP-100', '3'], ['PUMP-50', '3']]), rules({ entries: [
      entry('PUMP-100', { kind: 'cost_plus', factor: '1.3' }, { bookId: 'DEALER', scope: { channel: 'dealer' } }),
      entry('PUMP-50', '52.00', { bookId: 'LIST' }),
      entry('PUMP-50', { kind: 'book_relative', bookId: 'LIST', factor: '0.95' }, { bookId: 'DEALER', scope: { channel: 'dealer' } }),
    ] }));
    expect(r.lines.map((l) => l.listAmount)).toEqual(['234.00', '148.20']); // 60 × 1.3 × 3; 52 × 0.95 × 3
    expect(r.lines[1]!.unitPrice).toBe('49.4000');
  });

  it('attribute surcharges: 380V adds 12.50 a unit, a colour nobody chose adds nothing', () => {
    const r = priceQuote(input([{ lineId: 'L1', productId: 'PUMP-100', quantity: '4', attributes: { voltage: '380V' } }]), rules({ surcharges: [
      { id: 'S-380', productId: 'PUMP-100', attribute: 'voltage', value: '380V', amountPerUnit: '12.50' },
      { id: 'S-red', categoryId: 'pumps', attribute: 'colour', value: 'red', amountPerUnit: '5.00' },
    ] }));
    expect(r.lines[0]!.listAmount).toBe('450.00');
    expect(r.lines[0]!.trace.map((t) => t.step)).toEqual(['base', 'surcharge']);
  });
});

describe('tiers', () => {
  // Tiers: up to 10 at 100, up to 50 at 90, more at 80 ("up to" includes the boundary).
  it.each([['9', '900.00'], ['10', '1000.00'], ['11', '990.00'], ['50', '4500.00'], ['51', '4080.00']])('range: %s units → %s (the whole quantity at its tier)', (q, amount) => {
    const r = priceQuote(input([['PUMP-100', q]]), rules({ entries: [entry('PUMP-100', tiers('range'))] }));
    expect(r.lines[0]!.listAmount).toBe(amount);
  });
  it.each([['9', '900.00'], ['10', '1000.00'], ['11', '1090.00'], ['50', '4600.00'], ['51', '4680.00']])('slab: %s units → %s (each band at its own price)', (q, amount) => {
    const r = priceQuote(input([['PUMP-100', q]]), rules({ entries: [entry('PUMP-100', tiers('slab'))] }));
    expect(r.lines[0]!.listAmount).toBe(amount);
  });
});

describe('the rep\'s discounts (手工折扣)', () => {
  it('a line discount after the promotions, then the order discount shared by amount, then the rebate on what is left', () => {
    const r = priceQuote(input([
      { lineId: 'L1', productId: 'PUMP-100', quantity: '10', discountRate: '0.05' },
      { lineId: 'L2', productId: 'VALVE-20', quantity: '5' },
    ], { orderDiscountRate: '0.03', rebate: { balance: '1000.00', maxOrderRatio: '0.1' } }), rules({ promotions: [promo('P-10PCT', { kind: 'item', target: { productId: 'PUMP-100' }, percentOff: '0.1' })] }));
    const [pump, valve] = r.lines;
    // pump 1000 → promotion −100 → 900 → line discount 5 % −45 → 855; valve 100
    // order 3 % of 955 = 28.65, shared 25.65 + 3.00 → 829.35 + 97.00 = 926.35; rebate 10 % = 92.63 (rounded down)
    expect(pump!.trace.map((t) => [t.step, t.ruleId, t.after])).toEqual([
      ['base', 'standard', '1000.00'], ['promotion', 'P-10PCT', '900.00'], ['discount', 'line-discount', '855.00'], ['discount', 'order-discount', '829.35'], ['rebate', 'rebate', pump!.netAmount],
    ]);
    expect([pump!.discountAmount, valve!.discountAmount]).toEqual(['170.65', '3.00']);
    expect(r.rebate).toMatchObject({ limit: '92.63', used: '92.63' });
    expect(r.totals.netAmount).toBe('833.72');
  });
});
