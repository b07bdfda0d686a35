// Currencies and money for people, without decimal.js: the web app's first screen formats amounts with this module
// alone (decimal.js is 13 kB gzipped), and money.ts re-exports everything here, so callers import from either.
// Formatting is exact: the amount's decimal string is rounded half-up on its digits, never through a float.

/**
 * The one table of currencies L2C books and their minor-unit scale (fen/cents: 2; yen: 0). Rounding, the input
 * pattern and formatting all read the scale from here; a currency not listed has no scale and is refused.
 */
export const CURRENCY_SCALE = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 } as const;
export type Currency = keyof typeof CURRENCY_SCALE;
export const CURRENCIES = Object.keys(CURRENCY_SCALE) as [Currency, ...Currency[]];

/**
 * The currency of the books where a record carries none of its own (customer accounts, credit profiles and the
 * credit check, write-offs and bad-debt requests, which take their receivable's or payment's currency when they
 * have one at hand). Every tenant books CNY today: tenants has no currency column yet, and when it gets one this
 * constant is what call sites replace with the tenant's. Named at each call, never a default parameter.
 */
export const BOOK_CURRENCY = 'CNY' satisfies Currency;

/**
 * The currencies a request may name (CurrencySchema, contracts, payments, receivables, the collections reports): all
 * at scale 2, the scale of the request amount fields (MoneySchema). A currency with another scale (JPY) is added
 * here together with amount checks against it (MoneyValueSchema).
 */
export const REQUEST_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const satisfies readonly Currency[];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.hasOwn(CURRENCY_SCALE, value);
}

/** Minor digits of `currency`; a currency outside CURRENCY_SCALE is a RangeError (rounding it would be a guess). */
export function scaleOf(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`money: no scale for currency ${JSON.stringify(currency)}`);
  return CURRENCY_SCALE[currency];
}

const PLAIN_DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** A decimal string rounded half-up (away from zero) to `scale` digits on its digits: "1234.565" → "1234.57". */
function roundDigits(amount: string, scale: number): { negative: boolean; int: string; frac: string } | null {
  const m = PLAIN_DECIMAL.exec(amount.trim());
  if (!m || (!m[2] && !m[3])) return null;
  const frac = (m[3] ?? '').padEnd(scale + 1, '0');
  let digits = `${m[2] || '0'}${frac.slice(0, scale)}`;
  if (frac[scale]! >= '5') {
    // add one unit in the last kept place, carrying
    const out = digits.split('');
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if (out[i] === '9') out[i] = '0';
      else { out[i] = String(Number(out[i]) + 1); break; }
    }
    digits = (i < 0 ? '1' : '') + out.join('');
  }
  const int = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '') || '0';
  const f = scale > 0 ? digits.slice(digits.length - scale) : '';
  const zero = /^0*$/.test(int + f);
  return { negative: m[1] === '-' && !zero, int, frac: f };
}

/**
 * Money for people: the currency's symbol by locale (¥ in Chinese, CN¥ in English for CNY, the code otherwise),
 * thousands grouped, the currency's decimals — "¥170,280.00". Exact on the amount's digits.
 */
export function formatMoney(amount: string, currency: string, locale = 'zh-CN'): string {
  const r = roundDigits(amount, scaleOf(currency));
  if (!r) throw new RangeError(`money: not a decimal amount ${JSON.stringify(amount)}`);
  const grouped = r.int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = currency === 'CNY' ? (locale.startsWith('zh') ? '¥' : 'CN¥') : `${currency} `;
  return `${r.negative ? '-' : ''}${symbol}${grouped}${r.frac ? `.${r.frac}` : ''}`;
}
