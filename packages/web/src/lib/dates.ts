// Business dates (YYYY-MM-DD) between antd's dayjs pickers and the API. The calendar arithmetic and "today" are
// @l2c/shared's dates.ts, the server's module: a picker's Dayjs is only the widget's value, never computed with.
import { DEFAULT_TIME_ZONE, isValidDate, todayIn } from '@l2c/shared';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Today as YYYY-MM-DD in the business time zone (the tenant's, Asia/Shanghai unless it set another), not the
 * viewer's: a user abroad at 01:00 Shanghai time books on the Shanghai day, as the server does.
 */
export function todayYmd(timeZone: string = DEFAULT_TIME_ZONE): string {
  return todayIn(timeZone);
}

/** Today as a picker value (the business day, see todayYmd). */
export function today(timeZone: string = DEFAULT_TIME_ZONE): Dayjs {
  return dayjs(todayYmd(timeZone));
}

export function toYmd(d: Dayjs | null | undefined): string | undefined {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : undefined;
}

/** A picker value for a business date; null for none or a string that is not a calendar date. */
export function fromYmd(s: string | null | undefined): Dayjs | null {
  return s && isValidDate(s) ? dayjs(s) : null;
}
