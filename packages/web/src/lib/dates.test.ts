import { describe, expect, it } from 'vitest';
import { todayIn } from '@l2c/shared';
import { fromYmd, today, todayYmd, toYmd } from './dates';

describe('web business dates', () => {
  it('today is the business day of the tenant\'s zone, not the viewer\'s', () => {
    expect(todayYmd()).toBe(todayIn('Asia/Shanghai'));
    expect(todayYmd('America/Los_Angeles')).toBe(todayIn('America/Los_Angeles'));
    expect(toYmd(today())).toBe(todayYmd());
  });
  it('round-trips picker values and refuses what is not a calendar date', () => {
    expect(toYmd(fromYmd('2028-02-29'))).toBe('2028-02-29');
    expect(fromYmd('2026-02-30')).toBeNull();
    expect(fromYmd('')).toBeNull();
    expect(toYmd(null)).toBeUndefined();
  });
});
