import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney, BOOK_CURRENCY, fillInOrder, CURRENCIES, CURRENCY_SCALE, dec, decimalPattern, formatMoney, money, moneyPattern, REQUEST_CURRENCIES, roundMoney, scaleOf, splitEqually, splitMoney, splitScaled, splitWithDecimals,
} from './money.js';
import { MoneyOrZeroSchema, MoneySchema, MoneyValueSchema } from './contracts/common.js';

describe('money', () => {
  it('rounds half-up (四舍五入) to the currency scale', () => {
    expect(roundMoney('2.345', 'CNY')).toBe('2.35');
    expect(roundMoney('2.344', 'CNY')).toBe('2.34');
    expect(roundMoney('-2.345', 'CNY')).toBe('-2.35');
    expect(roundMoney('100', 'JPY')).toBe('100');
    expect(roundMoney('0.5', 'JPY')).toBe('1');
  });
  it('adds without binary float error', () => {
    expect(addMoney(['0.10', '0.20'], 'CNY')).toBe('0.30');
    expect(addMoney(Array(10).fill('0.10'), 'CNY')).toBe('1.00');
  });
  it('refuses fractional JS numbers', () => {
    expect(() => dec(0.1)).toThrow(/decimal string/);
  });
  it('splits 100.00 three ways to the cent', () => {
    expect(splitMoney('100.00', ['1', '1', '1'], 'CNY')).toEqual(['33.34', '33.33', '33.33']);
    expect(splitMoney('10000.00', ['30', '60', '10'], 'CNY')).toEqual(['3000.00', '6000.00', '1000.00']);
    expect(splitMoney('0.05', ['1', '1'], 'CNY')).toEqual(['0.03', '0.02']);
  });
  it('any split adds back to the whole, each part within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (cents, weights) => {
          const exactTotal = `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
          const parts = splitMoney(exactTotal, weights.map(String), 'CNY');
          expect(addMoney(parts, 'CNY')).toBe(roundMoney(exactTotal, 'CNY'));
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
  it('a tie goes to the first line on both paths, whatever the size of the parts (CI found 6,628,712,334,928 over 10:1:1)', () => {
    expect(splitWithDecimals('6628712334928', ['10', '1', '1'], 0)).toEqual(['5523926945774', '552392694577', '552392694577']);
    expect(splitScaled('6628712334928', ['10', '1', '1'], 0)).toEqual(['5523926945774', '552392694577', '552392694577']);
    expect(splitWithDecimals('100', ['10', '1', '1'], 0)).toEqual(['84', '8', '8']);
    expect(splitWithDecimals('-100', ['10', '1', '1'], 0)).toEqual(['-84', '-8', '-8']);
  });
  it('the integer cent rule gives what the decimal one gives: weights with decimals, zeros, three or no decimals', () => {
    const decimals = (scale: number) => fc.bigInt({ min: 0n, max: 10n ** 14n }).map((v) => scale === 0 ? v.toString() : `${v / 10n ** BigInt(scale)}.${(v % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }).chain((scale) => fc.tuple(fc.constant(scale), decimals(scale))),
        fc.array(fc.oneof(decimals(0), decimals(2), decimals(4), fc.constantFrom('0', '1', '0.5')), { minLength: 1, maxLength: 40 }),
        ([scale, total], weights) => {
          if (weights.every((w) => dec(w).isZero())) weights = [...weights, '1'];
          expect(splitScaled(total, weights, scale)).toEqual(splitWithDecimals(total, weights, scale));
        },
      ),
      { numRuns: 2000 },
    );
    // a quote's net amounts as weights: the shape the pricing engine spreads a 满减 over
    expect(splitScaled('500.00', ['1200.00', '0.00', '350.50', '99.99'], 2)).toEqual(splitWithDecimals('500.00', ['1200.00', '0.00', '350.50', '99.99'], 2));
    expect(splitScaled('500.00', ['1200.00', '0.00', '350.50', '99.99'], 2)).toEqual(['363.53', '0.00', '106.18', '30.29']);
  });
  it('formats for zh-CN and en', () => {
    expect(formatMoney('1234567.5', 'CNY')).toBe('¥1,234,567.50');
    expect(formatMoney('-0.5', 'CNY', 'en')).toBe('-CN¥0.50');
  });
});

describe('money has its currency', () => {
  it('rounds to the scale of the currency it is in, from one table', () => {
    expect(CURRENCY_SCALE).toEqual({ CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 });
    expect(roundMoney('1234.565', 'CNY')).toBe('1234.57');
    expect(roundMoney('1234.565', 'USD')).toBe('1234.57');
    expect(roundMoney('1234.5', 'JPY')).toBe('1235');
    expect(roundMoney('1234.49', 'JPY')).toBe('1234');
    expect(addMoney(['0.4', '0.4'], 'JPY')).toBe('1');
    expect(splitEqually('100', 3, 'JPY')).toEqual(['34', '33', '33']);
    expect(splitEqually('100', 3, 'CNY')).toEqual(['33.34', '33.33', '33.33']);
    expect(money('5.005', 'HKD')).toEqual({ amount: '5.01', currency: 'HKD' });
    expect(formatMoney('1234', 'JPY', 'en')).toBe('JPY 1,234');
    expect(BOOK_CURRENCY).toBe('CNY');
    // The request amount fields (MoneySchema) are at 2 decimals: every currency a request can name must be too.
    for (const c of REQUEST_CURRENCIES) expect(scaleOf(c), c).toBe(2);
  });

  it('refuses a currency it has no scale for instead of guessing two decimals', () => {
    expect(() => scaleOf('XYZ')).toThrow(RangeError);
    expect(() => roundMoney('1.00', 'cny')).toThrow(/no scale/);
    expect(() => roundMoney('1.00', '')).toThrow(/no scale/);
  });

  it('cannot be rounded without naming the currency', () => {
    // @ts-expect-error roundMoney has no default currency: the compiler refuses a call without one.
    expect(() => roundMoney('1.005')).toThrow(RangeError);
    // @ts-expect-error nor does addMoney
    expect(() => addMoney(['1'])).toThrow(RangeError);
    // @ts-expect-error nor does splitMoney
    expect(() => splitMoney('1', ['1'])).toThrow(RangeError);
  });

  it('has one decimal pattern, at the currency\'s decimals', () => {
    const cny = moneyPattern('CNY');
    for (const ok of ['0', '1', '1234.5', '1234.50', '999999999999999.99']) expect(cny.test(ok), ok).toBe(true);
    for (const bad of ['', '1.', '.5', '1.234', '-1', '+1', '1e3', '1,000.00', ' 1', '0x10', '1234567890123456', '1.5.0'])
      expect(cny.test(bad), bad).toBe(false);
    expect(moneyPattern('CNY', { signed: true }).test('-100.00')).toBe(true);
    expect(moneyPattern('JPY').test('1200')).toBe(true);
    expect(moneyPattern('JPY').test('1200.5')).toBe(false);
    expect(decimalPattern(3, 0).test('100')).toBe(true);
    expect(decimalPattern(3, 0).test('1000')).toBe(false);
    // The request schemas use the same pattern: every string one accepts, the pattern accepts, and back.
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', 'e', ' '), maxLength: 20 }), (s) => {
      expect(MoneyOrZeroSchema.safeParse(s).success).toBe(moneyPattern('CNY').test(s.trim()));
    }), { numRuns: 500 });
    expect(MoneySchema.safeParse('1.234').success).toBe(false);
  });

  it('Money pairs an amount with its currency and checks the amount against that currency', () => {
    expect(CURRENCIES).toContain('JPY');
    expect(MoneyValueSchema.parse({ amount: '1200', currency: 'JPY' })).toEqual({ amount: '1200', currency: 'JPY' });
    const jpy = MoneyValueSchema.safeParse({ amount: '1200.50', currency: 'JPY' });
    expect(jpy.success).toBe(false);
    expect(jpy.error?.issues[0]?.path).toEqual(['amount']);
    expect(MoneyValueSchema.safeParse({ amount: '1200.50', currency: 'CNY' }).success).toBe(true);
    expect(MoneyValueSchema.safeParse({ amount: '1', currency: 'XYZ' }).success).toBe(false);
  });
});

describe('fillInOrder', () => {
  it('pays 1,500.00 over invoices of 1,000.00, 0.00 and 800.00 in order: 1,000.00 then 500.00, nothing left', () => {
    const open = [{ id: 'a', open: '1000.00' }, { id: 'z', open: '0.00' }, { id: 'b', open: '800.00' }, { id: 'c', open: '50.00' }];
    const { takes, rest } = fillInOrder('1500.00', open, (r) => r.open);
    expect(takes.map((t) => [t.item.id, t.take.toFixed(2)])).toEqual([['a', '1000.00'], ['b', '500.00']]);
    expect(rest.toFixed(2)).toBe('0.00');
  });
  it('leaves the rest when the invoices are paid in full', () => {
    const { takes, rest } = fillInOrder('2000.00', [{ open: '300.10' }, { open: '99.95' }], (r) => r.open);
    expect(takes.map((t) => t.take.toFixed(2))).toEqual(['300.10', '99.95']);
    expect(rest.toFixed(2)).toBe('1599.95');
  });
});
