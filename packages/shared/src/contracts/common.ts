// Field primitives of every request schema, one place per rule. Each one answers bad input with a zod issue (a 400
// naming the field) and never throws, whatever the input: the server must not reach the database with a value it
// cannot store (NUL, lone surrogates), compare (an impossible date) or compute with (a non-number).
import { z } from 'zod';
import { BOOK_CURRENCY, CURRENCIES, dec, decimalPattern, MONEY_DIGITS, moneyPattern, scaleOf } from '../money.js';
import { DATE_MAX, DATE_MIN, isBusinessDate } from '../dates.js';

/** NUL cannot be stored in PostgreSQL text or jsonb; a lone UTF-16 surrogate cannot be encoded as UTF-8. */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const BAD_TEXT_MESSAGE = 'must not contain NUL (\\u0000) or an unpaired surrogate';
export function isCleanText(value: string): boolean {
  return !BAD_TEXT.test(value);
}

/** The base of every string a client sends: chain `.trim().min().max()` on it as on `z.string()`. */
export const Text = z.string().refine(isCleanText, { message: BAD_TEXT_MESSAGE, abort: true });
/** Optional free text: blank, null or missing is null. */
export const optionalText = (max: number) => Text.trim().max(max).nullish().transform((v) => (v ? v : null));

/** An id: a UUID in any letter case, normalised to lower case (ids are compared as strings after parsing). */
export const IdSchema = Text.trim().toLowerCase().uuid('expected an id (a UUID)');

/**
 * Business dates are real calendar days from 1900 to 2999 (../dates.ts, the one calendar check): 2026-02-30 and
 * 0000-00-00 are 400s, not database errors. z.iso.date keeps `format: date` in the OpenAPI document.
 */
const yearInRange = (value: string) => isBusinessDate(value.slice(0, 10));
export const BusinessDateSchema = z.iso.date({ message: 'expected a real calendar date as YYYY-MM-DD', abort: true })
  .refine(isBusinessDate, `expected a date between ${DATE_MIN} and ${DATE_MAX}`);
/** A moment with its offset, ISO 8601 (2026-12-06T09:30:00+08:00), in the same year range. */
export const InstantSchema = z.iso.datetime({ offset: true, message: 'expected a date and time with offset, ISO 8601', abort: true })
  .refine(yearInRange, `expected a moment between ${DATE_MIN} and ${DATE_MAX}`);

/** How a decimal field reads: digits before and after the point, sign rule and bounds (exclusive or inclusive). */
export interface DecimalRule {
  digits: number;
  scale: number;
  /** positive: > 0; nonNegative: ≥ 0; nonZero: signed, ≠ 0; signed: any. */
  sign: 'positive' | 'nonNegative' | 'nonZero' | 'signed';
  /** Inclusive upper bound. */
  max?: string;
  /** Inclusive lower bound. */
  min?: string;
  /** What the client is told on a malformed value, e.g. 'expected an amount like "1234.50" (at most 2 decimals)'. */
  message: string;
}

/** The decimal as decimal.js reads it, or null: checks never throw, whatever reaches them. */
export function decimalOrNull(value: unknown) {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  try { return dec(value); } catch { return null; }
}

/**
 * A decimal string (never a JSON number, never `1e3`, `+1`, `.5` or `0x10`). The pattern check aborts, so the bounds
 * check only sees well-formed values — and guards itself anyway.
 */
export function decimalString(rule: DecimalRule) {
  const pattern = decimalPattern(rule.digits, rule.scale, rule.sign === 'nonZero' || rule.sign === 'signed');
  return Text.trim().regex(pattern, { message: rule.message, abort: true }).superRefine((value, ctx) => {
    const d = decimalOrNull(value);
    if (!d) return void ctx.addIssue({ code: 'custom', message: rule.message });
    if (rule.sign === 'positive' && !d.gt(0)) ctx.addIssue({ code: 'custom', message: 'must be greater than zero' });
    if (rule.sign === 'nonZero' && d.isZero()) ctx.addIssue({ code: 'custom', message: 'must not be zero (zero is meaningless here)' });
    if (rule.min !== undefined && d.lt(rule.min)) ctx.addIssue({ code: 'custom', message: `must be at least ${rule.min}` });
    if (rule.max !== undefined && d.gt(rule.max)) ctx.addIssue({ code: 'custom', message: `must be at most ${rule.max}` });
  });
}

/**
 * Money as an exact decimal string: at most 15 digits before the point and 2 after, so a third decimal is a 400.
 * These are the amount fields of requests whose currency is one of CurrencySchema's (CNY, USD, EUR, HKD), all at
 * scale 2 (CURRENCY_SCALE in ../money.ts); a request naming a currency with fewer decimals (JPY) checks its amount
 * against that currency with MoneyValueSchema or moneyPattern.
 */
const BOOKED_SCALE = scaleOf(BOOK_CURRENCY); // every one of REQUEST_CURRENCIES has it (money.test.ts checks)
/** The largest amount L2C books: 15 digits and 2 decimals, within the numeric(18,2) columns with room for sums. */
export const MAX_MONEY = '999999999999999.99';
export const MoneySchema = decimalString({ digits: MONEY_DIGITS, scale: BOOKED_SCALE, sign: 'positive', message: 'expected a positive amount like "1234.50" (at most 2 decimals)' })
  .meta({ id: 'Money', description: 'An amount of money: an exact decimal string, positive, at most 15 digits and 2 decimals ("1234.50"); never a JSON number. Its currency is the record\'s `currency` field.', examples: ['1234.50'] });
export const MoneyOrZeroSchema = decimalString({ digits: MONEY_DIGITS, scale: BOOKED_SCALE, sign: 'nonNegative', message: 'expected an amount like "1234.50" (at most 2 decimals)' });
/** A ledger correction: positive or negative, never zero. */
export const SignedMoneySchema = decimalString({ digits: MONEY_DIGITS, scale: BOOKED_SCALE, sign: 'nonZero', message: 'expected an amount like "100.00" or "-100.00" (at most 2 decimals)' });

/**
 * Money with its currency, `{ amount: "1234.50", currency: "CNY" }`: the amount has at most the currency's decimals
 * (JPY "1200" yes, "1200.5" no), and the issue names `amount`. Its type is `Money` (../money.ts).
 */
export const MoneyValueSchema = z.object({ amount: Text.trim(), currency: z.enum(CURRENCIES) }).superRefine((m, ctx) => {
  if (!moneyPattern(m.currency, { signed: true }).test(m.amount)) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: `expected an amount in ${m.currency} with at most ${scaleOf(m.currency)} decimals` });
  }
});

/** Opaque to the client; the server checks what it decodes to (platform/cursor.ts), and names `cursor` when it is not its own. */
export const CursorSchema = Text.max(500).meta({ description: 'Opaque: the `nextCursor` of the previous page, unchanged.' });
export const ListQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional(),
  q: Text.trim().max(100).optional(),
});

/** A cursor page (keyset pagination). Register the page of a resource as a named component where it is declared:
 * `pageOf(CustomerSchema).meta({ id: 'CustomerPage' })`. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; `null` on the last page.' }),
  });
}

export const UserRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/**
 * A query parameter holding one value of an enum or several, comma-separated (`open,partially_paid`), parsed to a
 * de-duplicated array. A bad member is a 400 naming the parameter and the allowed values.
 */
export function enumListParam<T extends string>(values: readonly [T, ...T[]]) {
  const allowed = new Set<string>(values);
  return Text.trim().max(200)
    .refine((s) => s.split(',').every((v) => allowed.has(v)), { message: `expected ${values.join(', ')} (comma-separated for several)` })
    .transform((s) => [...new Set(s.split(','))] as T[]);
}
