// Money is an exact decimal, never a binary float. Every amount in L2C passes through this module.
// Amounts travel as strings ("1234.50") and are computed with decimal.js; rounding is explicit (half-up, 四舍五入).
import { Decimal } from 'decimal.js';
import { BOOK_CURRENCY, CURRENCIES, CURRENCY_SCALE, formatMoney, isCurrency, REQUEST_CURRENCIES, scaleOf, type Currency } from './currency.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type DecimalValue = InstanceType<typeof D>;

// The table of currencies, the book currency and formatting live in currency.ts (no decimal.js there, for the web app's
// first screen); re-exported here so money is one import.
export { BOOK_CURRENCY, CURRENCIES, CURRENCY_SCALE, formatMoney, isCurrency, REQUEST_CURRENCIES, scaleOf, type Currency };

/** Digits before the point of any amount L2C books (numeric(18,2) columns, with room for sums). */
export const MONEY_DIGITS = 15;

/**
 * The one decimal pattern: up to `digits` digits, then at most `scale` decimals (none when scale is 0), a leading
 * minus only when `signed`. No exponent, no plus sign, no leading point, no grouping: "1234.50", "-0.5", "100".
 */
export function decimalPattern(digits: number, scale: number, signed = false): RegExp {
  return new RegExp(`^${signed ? '-?' : ''}\\d{1,${digits}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`);
}

/** An amount written in `currency`: 15 digits, the currency's decimals (CNY "1234.50", JPY "1234"). */
export function moneyPattern(currency: string, opts: { signed?: boolean } = {}): RegExp {
  return decimalPattern(MONEY_DIGITS, scaleOf(currency), opts.signed ?? false);
}

/** An amount with its currency; `amount` is an exact decimal string at most at the currency's scale. */
export interface Money { amount: string; currency: Currency }

/** Money from an amount rounded to its currency's scale. */
export function money(amount: string | DecimalValue, currency: Currency): Money {
  return { amount: roundMoney(amount, currency), currency };
}

export function dec(value: string | number | DecimalValue): DecimalValue {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new TypeError('money: refusing a non-integer JS number; pass a decimal string');
  }
  return new D(value);
}

/**
 * Fill an amount over items in the order given, each up to what is open on it — how a payment pays invoices (oldest
 * due first, or the order the caller chose). Items with nothing open are passed over; `rest` is what is left unpaid.
 */
export function fillInOrder<T>(amount: string | DecimalValue, items: Iterable<T>, openOf: (item: T) => string | DecimalValue): { takes: Array<{ item: T; take: DecimalValue }>; rest: DecimalValue } {
  let rest = dec(amount);
  const takes: Array<{ item: T; take: DecimalValue }> = [];
  for (const item of items) {
    if (rest.lte(0)) break;
    const open = dec(openOf(item));
    if (open.lte(0)) continue;
    const take = open.lt(rest) ? open : rest;
    takes.push({ item, take });
    rest = rest.minus(take);
  }
  return { takes, rest };
}

/** Round half-up to the currency's scale (the currency is required: there is no default to forget) and render as a fixed string ("12.30"). */
export function roundMoney(value: string | DecimalValue, currency: string): string {
  const scale = scaleOf(currency);
  return dec(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale);
}

export function addMoney(values: Array<string | DecimalValue>, currency: string): string {
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
export function splitMoney(total: string, weights: string[], currency: string): string[] {
  return splitScaled(total, weights, scaleOf(currency));
}

/**
 * `total` in `n` equal parts by the cent rule of splitMoney: total / n rounded down to the minor unit, and the units
 * left over one each to the first parts. The parts add to the total exactly and differ by at most one minor unit.
 */
export function splitEqually(total: string, n: number, currency: string): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('splitEqually: n must be a positive integer');
  return splitMoney(total, Array.from({ length: n }, () => '1'), currency);
}

/** splitMoney at any number of decimals (splitMoney is this at the currency's scale). */
export function splitScaled(total: string, weights: string[], scale: number): string[] {
  if (weights.length === 0) throw new RangeError('splitMoney: no weights');
  return splitInMinorUnits(total, weights, scale) ?? splitWithDecimals(total, weights, scale);
}

const PLAIN = /^\d+(?:\.(\d+))?$/;

/** `v` (a plain decimal with at most `k` decimals) times 10^k, as an integer. */
function scaledInt(v: string, k: number): bigint {
  const [whole, frac = ''] = v.split('.');
  return BigInt(whole! + frac.padEnd(k, '0'));
}

/**
 * The cent rule in integers (minor units as BigInt): each part is ⌊total × weight / Σ weights⌋ exactly, and the units
 * left over go one each to the largest exact remainders, the first line first on a tie — what splitWithDecimals does,
 * without its 40-digit rounding of each quotient, at a fraction of the cost (the pricing engine spreads an order-wide
 * promotion over hundreds of lines this way, several times per quote). Non-negative plain decimals only, the total at
 * most at `scale` decimals; anything else (a negative total, an exponent) returns null for the decimal path.
 */
function splitInMinorUnits(total: string, weights: string[], scale: number): string[] | null {
  const t = PLAIN.exec(total);
  if (!t || (t[1]?.length ?? 0) > scale) return null;
  let k = 0;
  for (const w of weights) {
    const m = PLAIN.exec(w);
    if (!m) return null;
    k = Math.max(k, m[1]?.length ?? 0);
  }
  const units = scaledInt(total, scale);
  const ws = weights.map((w) => scaledInt(w, k));
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('splitMoney: weights sum to zero');
  const parts = ws.map((w) => (units * w) / sum);
  const rests = ws.map((w) => (units * w) % sum);
  let left = units - parts.reduce((a, b) => a + b, 0n); // fewer than weights.length: each rest is below one unit
  const order = rests.map((r, i) => i).sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : a - b));
  for (let j = 0; left > 0n; j++, left--) {
    const i = order[j]!;
    parts[i] = parts[i]! + 1n;
  }
  const unit = 10n ** BigInt(scale);
  return parts.map((p) => (scale === 0 ? p.toString() : `${p / unit}.${(p % unit).toString().padStart(scale, '0')}`));
}

/** The cent rule with decimal.js: any decimal strings (a negative total too). Exported for the test that holds the integer path to it. */
export function splitWithDecimals(total: string, weights: string[], scale: number): string[] {
  const unit = dec(1).dividedBy(dec(10).pow(scale));
  const weightSum = weights.reduce((s, w) => s.plus(dec(w)), dec(0));
  if (weightSum.isZero()) throw new RangeError('splitMoney: weights sum to zero');
  const exact = weights.map((w) => dec(total).times(dec(w)).dividedBy(weightSum));
  const floored = exact.map((e) => e.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  let remainder = dec(total).minus(floored.reduce((s, f) => s.plus(f), dec(0)));
  // The remainders compared exactly: total × weight − floor × Σ weights (products of finite decimals, exact at 40
  // digits) — not the rounded quotient's fraction, whose last digit depends on how many digits its whole part takes
  // (83.33… and 8.33… are the same tie; rounded at 40 digits the second looked larger), so a tie goes to the first line.
  const order = floored
    .map((f, i) => ({ i, frac: dec(total).times(dec(weights[i]!)).minus(f.times(weightSum)).abs() }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const step = remainder.isNegative() ? unit.negated() : unit;
  for (let k = 0; !remainder.isZero(); k = (k + 1) % order.length) {
    const idx = order[k]!.i;
    floored[idx] = floored[idx]!.plus(step);
    remainder = remainder.minus(step);
  }
  return floored.map((f) => f.toFixed(scale));
}

