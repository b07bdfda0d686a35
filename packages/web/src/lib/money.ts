// Money in forms: amounts stay exact decimal strings from the input box to the API. Checks and sums go through the
// shared decimal helpers, never through JS numbers.
import { addMoney, compareMoney, dec, moneyPattern, roundMoney } from '@l2c/shared';

/**
 * What a money input accepts (commas and spaces are stripped first): the server's rule for request amounts, the shared
 * pattern at 2 decimals, the scale of every currency a request can name (CurrencySchema: CNY, USD, EUR, HKD).
 */
export const AMOUNT_PATTERN = moneyPattern('CNY');

export function normalizeAmount(v: string | null | undefined): string {
  return (v ?? '').replace(/[,\s，¥￥]/g, '').trim();
}

/** A positive amount with at most 2 decimals. */
export function isAmount(v: string | null | undefined): boolean {
  const s = normalizeAmount(v);
  return AMOUNT_PATTERN.test(s) && compareMoney(s, '0') > 0;
}

/** The sum of the valid amounts among `values`, in `currency` (the record's). */
export function sumAmounts(values: Array<string | null | undefined>, currency: string): string {
  return addMoney(values.map((v) => (isAmount(v) ? normalizeAmount(v) : '0')), currency);
}

export function minus(a: string, b: string, currency: string): string {
  return roundMoney(dec(a).minus(dec(b)), currency);
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

