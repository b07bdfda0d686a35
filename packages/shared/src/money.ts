// Money is an exact decimal, never a binary float. Every amount in L2C passes through this module.
// Amounts travel as strings ("1234.50") and are computed with decimal.js; rounding is explicit (half-up, 四舍五入).
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type DecimalValue = InstanceType<typeof D>;

/** Minor-unit scale of the currencies L2C books. */
export const CURRENCY_SCALE: Record<string, number> = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 };
export const DEFAULT_CURRENCY = 'CNY';

export function scaleOf(currency: string): number {
  return CURRENCY_SCALE[currency] ?? 2;
}

/** A decimal string with at most `scale` fraction digits, optional minus sign. */
export const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,6})?$/;

export function dec(value: string | number | DecimalValue): DecimalValue {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new TypeError('money: refusing a non-integer JS number; pass a decimal string');
  }
  return new D(value);
}

/** Round half-up to the currency's scale and render as a fixed string ("12.30"). */
export function roundMoney(value: string | DecimalValue, currency = DEFAULT_CURRENCY): string {
  return dec(value).toDecimalPlaces(scaleOf(currency), Decimal.ROUND_HALF_UP).toFixed(scaleOf(currency));
}

export function addMoney(values: Array<string | DecimalValue>, currency = DEFAULT_CURRENCY): string {
  return roundMoney(values.reduce<DecimalValue>((sum, v) => sum.plus(dec(v)), dec(0)), currency);
}

export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  return dec(a).comparedTo(dec(b)) as -1 | 0 | 1;
}

/**
 * Split `total` into parts proportional to `weights`, each rounded to the currency scale, so that the parts add
 * back to the total exactly. This is L2C's one rule for the cent remainder (docs/ARCHITECTURE.md, "Money"): every
 * part gets its exact share rounded down to the minor unit, and the units left over go one each to the parts with
 * the largest dropped fractions (largest-remainder method), ties to the earliest part. Equal weights all tie, so
 * the first parts get the extra cents: 100,000.00 in three → 33,333.34 + 33,333.33 + 33,333.33.
 */
export function splitMoney(total: string, weights: string[], currency = DEFAULT_CURRENCY): string[] {
  return splitScaled(total, weights, scaleOf(currency));
}

/**
 * `total` in `n` equal parts by the cent rule of splitMoney: total / n rounded down to the minor unit, and the units
 * left over one each to the first parts. The parts add to the total exactly and differ by at most one minor unit.
 */
export function splitEqually(total: string, n: number, currency = DEFAULT_CURRENCY): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('splitEqually: n must be a positive integer');
  return splitMoney(total, Array.from({ length: n }, () => '1'), currency);
}

/** splitMoney at any number of decimals (splitMoney is this at the currency's scale). */
export function splitScaled(total: string, weights: string[], scale: number): string[] {
  if (weights.length === 0) throw new RangeError('splitMoney: no weights');
  const unit = dec(1).dividedBy(dec(10).pow(scale));
  const weightSum = weights.reduce((s, w) => s.plus(dec(w)), dec(0));
  if (weightSum.isZero()) throw new RangeError('splitMoney: weights sum to zero');
  const exact = weights.map((w) => dec(total).times(dec(w)).dividedBy(weightSum));
  const floored = exact.map((e) => e.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  let remainder = dec(total).minus(floored.reduce((s, f) => s.plus(f), dec(0)));
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(floored[i]!).abs() }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const step = remainder.isNegative() ? unit.negated() : unit;
  for (let k = 0; !remainder.isZero(); k = (k + 1) % order.length) {
    const idx = order[k]!.i;
    floored[idx] = floored[idx]!.plus(step);
    remainder = remainder.minus(step);
  }
  return floored.map((f) => f.toFixed(scale));
}

/** Format for people: zh-CN "¥1,234.50", en "CN¥1,234.50". Formatting goes through strings, never floats. */
export function formatMoney(amount: string, currency = DEFAULT_CURRENCY, locale = 'zh-CN'): string {
  const fixed = roundMoney(amount, currency);
  const negative = fixed.startsWith('-');
  const [intPart, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = currency === 'CNY' ? (locale.startsWith('zh') ? '¥' : 'CN¥') : `${currency} `;
  return `${negative ? '-' : ''}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
}
