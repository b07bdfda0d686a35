// Business dates: a day on the calendar, written 'YYYY-MM-DD' (a receivable's due date, a payment's received-on day,
// an aging report's as-of). They are never JS Dates at local midnight: a Date is a moment, and the same moment is two
// different days in Shanghai and in London. The arithmetic here is integer arithmetic on the proleptic Gregorian
// calendar (days since 1970-01-01), so it does not depend on the machine's time zone or daylight saving. The only
// place a moment becomes a day is `dateIn(at, timeZone)`: the day it is in the tenant's time zone.
//
// Server and web both use this module; docs/ARCHITECTURE.md ("Business dates") says when to use which function.

export type BusinessDate = string;

/** Every tenant's zone until it sets its own (tenants.timezone defaults to it). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The dates L2C accepts: 1900 to 2999. 2026-02-30 and 0000-00-00 are refused, and a date plus the longest term L2C
 * allows (10 years) still has a four-digit year.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2999-12-31';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parts(date: string): [number, number, number] | null {
  const m = SHAPE.exec(date);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

function partsOf(date: string): [number, number, number] {
  const p = parts(date);
  if (!p) throw new RangeError(`dates: not a calendar date as YYYY-MM-DD: ${JSON.stringify(date)}`);
  return p;
}

function format(y: number, m: number, d: number): BusinessDate {
  if (y < 0 || y > 9999) throw new RangeError(`dates: year ${y} is outside 0000–9999`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Days since 1970-01-01 and back (H. Hinnant's days_from_civil / civil_from_days), exact for every Gregorian date.
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** A real calendar date written YYYY-MM-DD (2024-02-29 yes, 2026-02-29 and 2026-13-01 no), any year. */
export function isValidDate(value: unknown): value is BusinessDate {
  return typeof value === 'string' && parts(value) !== null;
}

/** A date L2C accepts from a client: a real calendar date between DATE_MIN and DATE_MAX. */
export function isBusinessDate(value: unknown): value is BusinessDate {
  return isValidDate(value) && value >= DATE_MIN && value <= DATE_MAX;
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  if (!Number.isInteger(days)) throw new RangeError('dates.addDays: days must be an integer');
  return format(...fromDays(toDays(...partsOf(date)) + days));
}

/**
 * `date` plus `months`, clamped to the end of the target month: 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1
 * month = 2024-02-29, 2024-02-29 + 12 months = 2025-02-28. (So addMonths is not reversible at month ends.)
 */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  if (!Number.isInteger(months)) throw new RangeError('dates.addMonths: months must be an integer');
  const [y, m, d] = partsOf(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12), tm = index - ty * 12 + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole days from `from` to `to`: daysBetween('2026-01-31', '2026-03-01') = 29; negative when `to` is earlier. */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return toDays(...partsOf(to)) - toDays(...partsOf(from));
}

/** The first day of `date`'s month. */
export function startOfMonth(date: BusinessDate): BusinessDate {
  const [y, m] = partsOf(date);
  return format(y, m, 1);
}

/** The last day of `date`'s month (2024-02-10 → 2024-02-29). */
export function endOfMonth(date: BusinessDate): BusinessDate {
  const [y, m] = partsOf(date);
  return format(y, m, daysInMonth(y, m));
}

/** -1, 0 or 1 as `a` is before, the same day as or after `b` (YYYY-MM-DD also sorts as text; this checks both). */
export function compareDates(a: BusinessDate, b: BusinessDate): -1 | 0 | 1 {
  const d = toDays(...partsOf(a)) - toDays(...partsOf(b));
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatDay(at: number, timeZone: string): BusinessDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

// The day of the last minute asked, per zone. Every request asks for today (its tenant's business date), and ICU's
// formatToParts costs 20–50 µs each time. Within one minute a zone's day changes at most once (at midnight, or at an
// offset change), so when the minute's first and last millisecond fall on the same day every moment between does too;
// otherwise (a minute with a change in it) nothing is kept and each moment is formatted.
const MINUTE = 60_000;
const lastMinute = new Map<string, { start: number; day: BusinessDate }>();

/** The calendar day the moment `at` falls on in `timeZone` (an IANA name such as the tenant's 'Asia/Shanghai'). */
export function dateIn(at: Date, timeZone: string = DEFAULT_TIME_ZONE): BusinessDate {
  const ms = at.getTime();
  const start = ms - (((ms % MINUTE) + MINUTE) % MINUTE);
  const kept = lastMinute.get(timeZone);
  if (kept && kept.start === start) return kept.day;
  const day = formatDay(ms, timeZone);
  if (Number.isFinite(start) && formatDay(start, timeZone) === day && formatDay(start + MINUTE - 1, timeZone) === day) {
    lastMinute.set(timeZone, { start, day });
  }
  return day;
}

/** Today in `timeZone`: the business date of now for a tenant in that zone. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): BusinessDate {
  return dateIn(now, timeZone);
}
