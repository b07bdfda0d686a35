// Aging buckets and business-date arithmetic, without a database.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, AgingBucketsParam, daysBetween, endOfMonth, startOfMonth } from '@l2c/shared';
import { bucketOf, bucketsOf, dueRanges } from '../src/domains/collections/buckets.js';
import { trendPoints } from '../src/domains/collections/metrics.service.js';

describe('aging buckets', () => {
  it('default: current, 1–30, 31–60, 61–90, 91–180, over 180', () => {
    expect(bucketsOf().map((b) => [b.key, b.minDays, b.maxDays])).toEqual([
      ['current', null, 0], ['1-30', 1, 30], ['31-60', 31, 60], ['61-90', 61, 90], ['91-180', 91, 180], ['181+', 181, null],
    ]);
    const b = bucketsOf();
    expect([-5, 0, 1, 30, 31, 180, 181, 4000].map((d) => bucketOf(b, d).key)).toEqual(['current', 'current', '1-30', '1-30', '31-60', '91-180', '181+', '181+']);
  });

  it('boundaries come from the query string; 0 is always the first', () => {
    expect(AgingBucketsParam.parse('15,45')).toEqual([0, 15, 45]);
    expect(AgingBucketsParam.parse('0,7')).toEqual([0, 7]);
    expect(AgingBucketsParam.safeParse('30,30').success).toBe(false);
    expect(AgingBucketsParam.safeParse('a,b').success).toBe(false);
    expect(bucketsOf([0, 15, 45]).map((b) => b.key)).toEqual(['current', '1-15', '16-45', '46+']);
  });

  it('maps buckets to due-date ranges as of a day', () => {
    expect(dueRanges(bucketsOf([0, 30]), '2026-03-01')).toEqual([
      { from: '2026-03-01', to: null }, { from: '2026-01-30', to: '2026-02-28' }, { from: null, to: '2026-01-29' },
    ]);
  });

  it('does date arithmetic on business dates, across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-11-30', '2026-06-30')).toBe(212);
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(addMonths(startOfMonth('2026-01-15'), -1)).toBe('2025-12-01');
    expect(trendPoints('2026-11-23', 3)).toEqual(['2026-09-30', '2026-10-31', '2026-11-23']);
  });
});
