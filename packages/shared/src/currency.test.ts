import { describe, expect, it } from 'vitest';
import { formatMoney } from './currency.js';
import { dec, roundMoney } from './money.js';

// The decimal.js-free formatter must agree with roundMoney (decimal.js, half-up) on every amount.
function reference(amount: string, currency: string, locale: string): string {
  const fixed = roundMoney(amount, currency);
  const negative = fixed.startsWith('-') && !dec(fixed).isZero();
  const [i, f] = fixed.replace(/^-/, '').split('.');
  const symbol = currency === 'CNY' ? (locale.startsWith('zh') ? '¥' : 'CN¥') : `${currency} `;
  return `${negative ? '-' : ''}${symbol}${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

describe('formatMoney without decimal.js', () => {
  it('groups, rounds half-up and names the currency by locale', () => {
    expect(formatMoney('170280.00', 'CNY', 'zh-CN')).toBe('¥170,280.00');
    expect(formatMoney('170280', 'CNY', 'en')).toBe('CN¥170,280.00');
    expect(formatMoney('-1234.565', 'USD', 'en')).toBe('-USD 1,234.57');
    expect(formatMoney('999.995', 'CNY')).toBe('¥1,000.00');
    expect(formatMoney('1234.5', 'JPY')).toBe('JPY 1,235');
    expect(formatMoney('-0.001', 'CNY')).toBe('¥0.00');
    expect(() => formatMoney('12', 'XXX')).toThrow(RangeError);
  });
  it('agrees with roundMoney on random amounts', () => {
    for (let n = 0; n < 2000; n++) {
      const int = String(Math.floor(Math.random() * 10 ** Math.floor(Math.random() * 13)));
      const frac = String(Math.floor(Math.random() * 10 ** 4)).padStart(Math.floor(Math.random() * 5), '0');
      const amount = `${Math.random() < 0.3 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
      for (const c of ['CNY', 'JPY']) expect(formatMoney(amount, c, 'zh-CN'), amount).toBe(reference(amount, c, 'zh-CN'));
    }
  });
});
