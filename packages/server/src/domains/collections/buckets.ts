// Aging buckets and business-date arithmetic. Dates are 'YYYY-MM-DD' strings; arithmetic goes through UTC midnight so
// no local time zone or daylight-saving shift can move a day.
import { addDays, DEFAULT_AGING_BUCKETS } from '@l2c/shared';

export interface Bucket {
  key: string;
  label: string;
  /** Days past due covered, inclusive; null = unbounded. minDays null is "not yet due" (days ≤ 0). */
  minDays: number | null;
  maxDays: number | null;
}

/** Boundaries [0, 30, 60] → current (≤ 0), 1–30, 31–60, over 60. The first boundary is always 0. */
export function bucketsOf(boundaries: readonly number[] = DEFAULT_AGING_BUCKETS): Bucket[] {
  const b = boundaries[0] === 0 ? [...boundaries] : [0, ...boundaries];
  const out: Bucket[] = [{ key: 'current', label: 'Current', minDays: null, maxDays: 0 }];
  for (let i = 1; i < b.length; i++) {
    const lo = b[i - 1]! + 1;
    out.push({ key: `${lo}-${b[i]}`, label: `${lo}–${b[i]} days`, minDays: lo, maxDays: b[i]! });
  }
  const last = b[b.length - 1]!;
  out.push({ key: `${last + 1}+`, label: `Over ${last} days`, minDays: last + 1, maxDays: null });
  return out;
}

export function bucketOf(buckets: Bucket[], daysOverdue: number): Bucket {
  return buckets.find((x) => (x.minDays === null || daysOverdue >= x.minDays) && (x.maxDays === null || daysOverdue <= x.maxDays))!;
}

/**
 * Due-date range of each bucket as of `asOf`: d days past due ⇔ due_date = asOf − d, so a bucket [min, max] of days is
 * due dates [asOf − max, asOf − min]. Comparing due dates with constants keeps the SQL a plain range filter.
 */
export function dueRanges(buckets: Bucket[], asOf: string): Array<{ from: string | null; to: string | null }> {
  return buckets.map((x) => ({
    from: x.maxDays === null ? null : addDays(asOf, -x.maxDays),
    to: x.minDays === null ? null : addDays(asOf, -x.minDays),
  }));
}
