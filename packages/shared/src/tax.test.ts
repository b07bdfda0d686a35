import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, dec } from './money.js';
import { documentAmounts, lineAmounts, maxDiscountRate, normalizeTaxRate, planTotal, resolvePlan, splitTax, TAX_RATES } from './tax.js';

describe('line tax math', () => {
  it('3 × ¥1,130.00 with 13% tax included and 5% off → ¥2,850.00 + ¥370.50 tax = ¥3,220.50', () => {
    // 3 × 1130 = 3390; 5% off → 3220.50 with tax; 3220.50 / 1.13 = 2850.00 without; tax is the difference.
    expect(lineAmounts({ quantity: '3', unitPrice: '1130.00', taxRate: '0.13', discountRate: '0.05' }, true, 'CNY'))
      .toEqual({ amountExclTax: '2850.00', taxAmount: '370.50', amountInclTax: '3220.50' });
  });

  it('prices without tax: 7 × ¥99.99 at 13% → ¥699.93 + ¥90.99 = ¥790.92', () => {
    // 699.93 × 0.13 = 90.9909 → 90.99
    expect(lineAmounts({ quantity: '7', unitPrice: '99.99', taxRate: '0.13' }, false, 'CNY'))
      .toEqual({ amountExclTax: '699.93', taxAmount: '90.99', amountInclTax: '790.92' });
  });

  it('rounds half-up at the cent: ¥100.00 incl. 6% → ¥94.34 + ¥5.66', () => {
    // 100 / 1.06 = 94.339622… → 94.34; tax 5.66
    expect(lineAmounts({ quantity: '1', unitPrice: '100', taxRate: '0.06' }, true, 'CNY'))
      .toEqual({ amountExclTax: '94.34', taxAmount: '5.66', amountInclTax: '100.00' });
    // 0.5 cent rounds up: 2.5 × 0.01 = 0.025 → 0.03 without tax; 9% of 0.03 = 0.0027 → 0.00
    expect(lineAmounts({ quantity: '2.5', unitPrice: '0.01', taxRate: '0.09' }, false, 'CNY'))
      .toEqual({ amountExclTax: '0.03', taxAmount: '0.00', amountInclTax: '0.03' });
  });

  it('zero-rated lines carry no tax; 9% on services of ¥10,900.00 incl. → ¥10,000.00 + ¥900.00', () => {
    expect(lineAmounts({ quantity: '4', unitPrice: '250.125', taxRate: '0' }, true, 'CNY'))
      .toEqual({ amountExclTax: '1000.50', taxAmount: '0.00', amountInclTax: '1000.50' });
    expect(lineAmounts({ quantity: '1', unitPrice: '10900', taxRate: '0.09' }, true, 'CNY'))
      .toEqual({ amountExclTax: '10000.00', taxAmount: '900.00', amountInclTax: '10900.00' });
  });

  it('refuses a tax rate outside 13/9/6/0 and a discount of 100%', () => {
    expect(() => lineAmounts({ quantity: '1', unitPrice: '1', taxRate: '0.17' }, true, 'CNY')).toThrow(/tax rate/);
    expect(() => lineAmounts({ quantity: '1', unitPrice: '1', taxRate: '0.13', discountRate: '1' }, true, 'CNY')).toThrow(/discount/);
    expect(normalizeTaxRate('0.130')).toBe('0.13');
    expect(normalizeTaxRate('0.00')).toBe('0');
    expect(normalizeTaxRate('13')).toBeNull();
  });

  it('document totals are sums of the rounded lines', () => {
    const { lines, totals } = documentAmounts([
      { quantity: '3', unitPrice: '1130.00', taxRate: '0.13', discountRate: '0.05' },
      { quantity: '1', unitPrice: '100', taxRate: '0.06' },
    ], true, 'CNY');
    expect(lines[1]!.amountExclTax).toBe('94.34');
    expect(totals).toEqual({ amountExclTax: '2944.34', taxAmount: '376.16', amountInclTax: '3320.50' });
    expect(maxDiscountRate(lines)).toBe('0.05');
  });
});

describe('payment plans', () => {
  it('30/60/10 of ¥100,000.01 adds back to the cent', () => {
    const parts = resolvePlan('100000.01', [{ percent: '30' }, { percent: '60' }, { percent: '10' }], 'CNY');
    expect(parts).toEqual(['30000.00', '60000.01', '10000.00']);
    expect(planTotal(parts, 'CNY')).toBe('100000.01');
  });

  it('thirds of ¥3,220.50 → 1,073.50 each; of ¥1,000.00 → 333.34 + 333.33 + 333.33', () => {
    expect(resolvePlan('3220.50', [{ percent: '33.3333' }, { percent: '33.3333' }, { percent: '33.3334' }], 'CNY')).toEqual(['1073.50', '1073.50', '1073.50']);
    expect(resolvePlan('1000.00', [{ amount: '500.00' }, { percent: '25' }, { percent: '25' }], 'CNY')).toEqual(['500.00', '250.00', '250.00']);
  });

  it('percents below 100% leave the rest to fixed amounts; the sum is the caller\'s check', () => {
    const parts = resolvePlan('1000.00', [{ percent: '30' }, { amount: '700.00' }], 'CNY');
    expect(parts).toEqual(['300.00', '700.00']);
    expect(planTotal(resolvePlan('1000.00', [{ percent: '30' }, { amount: '600.00' }], 'CNY'), 'CNY')).toBe('900.00');
    expect(() => resolvePlan('1000.00', [{ percent: '70' }, { percent: '40' }], 'CNY')).toThrow(/more than 100/);
  });

  it('tax is split over instalments in proportion to their amounts and adds back', () => {
    expect(splitTax('370.50', ['966.15', '1932.30', '322.05'], 'CNY')).toEqual(['111.15', '222.30', '37.05']);
    expect(addMoney(splitTax('0.05', ['1.00', '1.00', '1.00'], 'CNY'), 'CNY')).toBe('0.05');
  });
});

const arbLine = fc.record({
  quantity: fc.integer({ min: 1, max: 100_000 }).map((n) => (n / 100).toFixed(2)),
  unitPrice: fc.integer({ min: 0, max: 100_000_000 }).map((n) => (n / 1000).toFixed(3)),
  taxRate: fc.constantFrom(...TAX_RATES),
  discountRate: fc.integer({ min: 0, max: 9999 }).map((n) => (n / 10000).toFixed(4)),
});

describe('properties', () => {
  it('for any lines, total with tax = total without tax + tax, per line and in total', () => {
    fc.assert(fc.property(fc.array(arbLine, { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, incl) => {
      const { lines: out, totals } = documentAmounts(lines, incl, 'CNY');
      for (const l of out) expect(dec(l.amountExclTax).plus(dec(l.taxAmount)).eq(dec(l.amountInclTax))).toBe(true);
      expect(dec(totals.amountExclTax).plus(dec(totals.taxAmount)).toFixed(2)).toBe(totals.amountInclTax);
      expect(addMoney(out.map((l) => l.amountInclTax), 'CNY')).toBe(totals.amountInclTax);
    }), { numRuns: 300 });
  });

  it('for any total and percents adding to 100, the instalments (and their tax) add back to the total', () => {
    const arbPercents = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 }).map((ws) => {
      const sum = ws.reduce((a, b) => a + b, 0);
      // integer basis points that add to exactly 10000 = 100%
      const bp = ws.map((w) => Math.floor((w * 10_000) / sum));
      bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
      return bp.filter((b) => b > 0).map((b) => (b / 100).toFixed(2));
    });
    fc.assert(fc.property(fc.array(arbLine, { minLength: 1, maxLength: 8 }), arbPercents, (lines, percents) => {
      const { totals } = documentAmounts(lines, true, 'CNY');
      const parts = resolvePlan(totals.amountInclTax, percents.map((percent) => ({ percent })), 'CNY');
      expect(planTotal(parts, 'CNY')).toBe(totals.amountInclTax);
      expect(addMoney(splitTax(totals.taxAmount, parts, 'CNY'), 'CNY')).toBe(totals.taxAmount);
      for (const [i, p] of parts.entries()) {
        const exact = dec(totals.amountInclTax).times(dec(percents[i]!)).dividedBy(100);
        expect(dec(p).minus(exact).abs().lte(dec('0.01'))).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
