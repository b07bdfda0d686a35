import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, dec, formatMoney, roundMoney, splitMoney } from './money.js';

describe('money', () => {
  it('rounds half-up (四舍五入) to the currency scale', () => {
    expect(roundMoney('2.345')).toBe('2.35');
    expect(roundMoney('2.344')).toBe('2.34');
    expect(roundMoney('-2.345')).toBe('-2.35');
    expect(roundMoney('100', 'JPY')).toBe('100');
    expect(roundMoney('0.5', 'JPY')).toBe('1');
  });
  it('adds without binary float error', () => {
    expect(addMoney(['0.10', '0.20'])).toBe('0.30');
    expect(addMoney(Array(10).fill('0.10'))).toBe('1.00');
  });
  it('refuses fractional JS numbers', () => {
    expect(() => dec(0.1)).toThrow(/decimal string/);
  });
  it('splits 100.00 three ways to the cent', () => {
    expect(splitMoney('100.00', ['1', '1', '1'])).toEqual(['33.34', '33.33', '33.33']);
    expect(splitMoney('10000.00', ['30', '60', '10'])).toEqual(['3000.00', '6000.00', '1000.00']);
    expect(splitMoney('0.05', ['1', '1'])).toEqual(['0.03', '0.02']);
  });
  it('any split adds back to the whole, each part within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (cents, weights) => {
          const exactTotal = `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
          const parts = splitMoney(exactTotal, weights.map(String));
          expect(addMoney(parts)).toBe(roundMoney(exactTotal));
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const share = dec(exactTotal).times(weights[i]!).dividedBy(sum);
            expect(dec(p).minus(share).abs().lessThanOrEqualTo('0.01')).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('formats for zh-CN and en', () => {
    expect(formatMoney('1234567.5')).toBe('¥1,234,567.50');
    expect(formatMoney('-0.5', 'CNY', 'en')).toBe('-CN¥0.50');
  });
});
