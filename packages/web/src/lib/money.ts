// Money in forms: amounts stay exact decimal strings from the input box to the API. Checks and sums go through the
// shared decimal helpers, never through JS numbers.
import { addMoney, compareMoney, dec, roundMoney } from '@l2c/shared';

/** What a money input accepts: digits, at most 2 decimals (commas and spaces are stripped first). */
export const AMOUNT_PATTERN = /^\d{1,15}(\.\d{1,2})?$/;

export function normalizeAmount(v: string | null | undefined): string {
  return (v ?? '').replace(/[,\s，¥￥]/g, '').trim();
}

/** A positive amount with at most 2 decimals. */
export function isAmount(v: string | null | undefined): boolean {
  const s = normalizeAmount(v);
  return AMOUNT_PATTERN.test(s) && compareMoney(s, '0') > 0;
}

export function sumAmounts(values: Array<string | null | undefined>): string {
  return addMoney(values.map((v) => (isAmount(v) ? normalizeAmount(v) : '0')));
}

export function minus(a: string, b: string): string {
  return roundMoney(dec(a).minus(dec(b)));
}

export function gt(a: string, b: string): boolean {
  return compareMoney(a, b) > 0;
}

export function isZero(a: string): boolean {
  return compareMoney(a, '0') === 0;
}

export function isPositive(a: string): boolean {
  return compareMoney(a, '0') > 0;
}

export function isNegative(a: string): boolean {
  return compareMoney(a, '0') < 0;
}

/** The smaller of two amounts. */
export function minAmount(a: string, b: string): string {
  return compareMoney(a, b) <= 0 ? a : b;
}

