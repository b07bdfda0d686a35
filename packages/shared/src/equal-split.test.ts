// N equal instalments and the one cent rule: the parts add to the total exactly, differ by at most one minor unit,
// and the extra units go to the first instalments — whether the plan is cut by amount (splitEqually) or by N equal
// percents (resolvePlan with equalPercent), for 2-decimal currencies and for JPY with none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, dec, splitEqually } from './money.js';
import { equalPercent, planTotal, resolvePlan } from './tax.js';

/** An amount from one minor unit to 10^9, as a string with the currency's decimals. */
const amount = (scale: number) => fc.bigInt({ min: 1n, max: 10n ** BigInt(9 + scale) }).map((units) => {
  const s = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
});

function checkEqual(parts: string[], total: string, currency: string, unit: string) {
  expect(addMoney(parts, currency)).toBe(addMoney([total], currency));
  const values = parts.map((p) => dec(p));
  const max = values.reduce((m, v) => (v.gt(m) ? v : m));
  const min = values.reduce((m, v) => (v.lt(m) ? v : m));
  expect(max.minus(min).lte(unit)).toBe(true);
  // the rule: never a later instalment above an earlier one
  for (let i = 1; i < values.length; i++) expect(values[i]!.lte(values[i - 1]!)).toBe(true);
}

describe('N equal instalments', () => {
  for (const [currency, scale, unit] of [['CNY', 2, '0.01'], ['JPY', 0, '1']] as const) {
    it(`${currency}: by amount and by equal percents, exact to the ${unit} with the extra units first`, () => {
      fc.assert(fc.property(amount(scale), fc.integer({ min: 1, max: 36 }), (total, n) => {
        const byAmount = splitEqually(total, n, currency);
        expect(byAmount).toHaveLength(n);
        checkEqual(byAmount, total, currency, unit);
        const byPercent = resolvePlan(total, Array.from({ length: n }, () => ({ percent: equalPercent(n) })), currency);
        expect(byPercent).toEqual(byAmount);
        expect(planTotal(byPercent, currency)).toBe(addMoney([total], currency));
      }), { numRuns: 500 });
    });
  }

  it('thirds of 100,000.00 are 33,333.34 + 33,333.33 + 33,333.33, by amount or by 3 × 33.333333 %', () => {
    expect(equalPercent(3)).toBe('33.333333');
    expect(splitEqually('100000.00', 3, 'CNY')).toEqual(['33333.34', '33333.33', '33333.33']);
    expect(resolvePlan('100000.00', [{ percent: '33.333333' }, { percent: '33.333333' }, { percent: '33.333333' }], 'CNY')).toEqual(['33333.34', '33333.33', '33333.33']);
    // sixths round up (16.666667 × 6 = 100.000002) and are still a whole plan, not "more than 100"
    expect(planTotal(resolvePlan('1000000000.00', Array.from({ length: 6 }, () => ({ percent: equalPercent(6) })), 'CNY'), 'CNY')).toBe('1000000000.00');
    expect(equalPercent(4)).toBe('25');
  });

  it('percents short of 100 by more than their rounding still leave the rest unplanned (the 4-decimal thirds of the issue)', () => {
    const parts = resolvePlan('100000.00', [{ percent: '33.3333' }, { percent: '33.3333' }, { percent: '33.3333' }], 'CNY');
    expect(planTotal(parts, 'CNY')).toBe('99999.90');
    expect(planTotal(resolvePlan('100000.00', [{ percent: '33' }, { percent: '33' }, { percent: '33' }], 'CNY'), 'CNY')).toBe('99000.00');
    expect(() => resolvePlan('100.00', [{ percent: '50' }, { percent: '50.00001' }], 'CNY')).toThrow(/more than 100/);
  });
});
