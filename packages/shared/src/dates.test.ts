import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, compareDates, dateIn, daysBetween, daysInMonth, endOfMonth, isBusinessDate, isValidDate, startOfMonth, todayIn,
} from './dates.js';

/** Any real calendar date from 1600 to 2999 (three century leap rules: 1600 and 2000 leap, 1700/1900/2100 not). */
const anyDate = fc.date({ min: new Date(Date.UTC(1600, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('business dates', () => {
  it('knows real calendar days', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate('0000-00-00')).toBe(false);
    expect(isValidDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isValidDate(20260101)).toBe(false);
    expect(isBusinessDate('1899-12-31')).toBe(false);
    expect(isBusinessDate('3000-01-01')).toBe(false);
    expect(isBusinessDate('2999-12-31')).toBe(true);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 30)).toBe('2026-04-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts days between and finds month ends', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2024-01-31', '2024-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(daysBetween('2000-01-01', '2100-01-01')).toBe(36525);
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
    expect(startOfMonth('2026-12-31')).toBe('2026-12-01');
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
  });

  it('puts a moment on the calendar of the tenant\'s zone, whatever the machine\'s zone', () => {
    const lateUtc = new Date('2026-12-31T17:30:00Z'); // 01:30 on 1 January in Shanghai
    expect(dateIn(lateUtc, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(dateIn(lateUtc, 'UTC')).toBe('2026-12-31');
    expect(dateIn(lateUtc, 'America/Los_Angeles')).toBe('2026-12-31');
    expect(todayIn(undefined, lateUtc)).toBe('2027-01-01');
    expect(todayIn('Europe/London', new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
  });

  it('keeps the day of a minute only where the whole minute is that day: midnight, offset changes, odd offsets', () => {
    const direct = (ms: number, zone: string) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(ms).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}`;
    };
    // around: Shanghai's midnight; São Paulo's clocks going back from midnight to 23:00 (2018-02-18) and forward from
    // midnight to 01:00 (2018-11-04); Kathmandu's +05:45; St John's −03:30; an 1890s local mean time offset in seconds
    const cases: Array<[string, string]> = [
      ['Asia/Shanghai', '2026-12-31T16:00:00Z'], ['America/Sao_Paulo', '2018-02-18T02:00:00Z'], ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
      ['Asia/Kathmandu', '2026-03-01T18:15:00Z'], ['America/St_Johns', '2026-07-01T02:30:00Z'], ['Europe/Amsterdam', '1890-01-01T23:40:00Z'],
    ];
    for (const [zone, iso] of cases) {
      const t0 = Date.parse(iso);
      // moments on both sides of the change, in an order that fills the minute's memory before asking across it
      for (const offset of [-61_000, -60_001, -1, 0, 1, -30_000, 59_999, 60_000, -1, 0, 1234, -1234, 3_600_000 - 1, 3_600_000, -3_600_000]) {
        expect(dateIn(new Date(t0 + offset), zone), `${zone} ${new Date(t0 + offset).toISOString()}`).toBe(direct(t0 + offset, zone));
      }
    }
    expect(() => dateIn(new Date(Number.NaN), 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('addDays and daysBetween undo each other', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -200_000, max: 200_000 }), (date, n) => {
      const later = addDays(date, n);
      expect(isValidDate(later)).toBe(true);
      expect(daysBetween(date, later)).toBe(n);
      expect(addDays(later, -n)).toBe(date);
    }), { numRuns: 1000 });
  });

  it('addDays agrees with UTC Date arithmetic', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
      const viaDate = new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      expect(addDays(date, n)).toBe(viaDate);
    }), { numRuns: 500 });
  });

  it('addMonths keeps the day or clamps it to the month end, across leap years', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -1200, max: 1200 }), (date, n) => {
      const out = addMonths(date, n);
      expect(isValidDate(out)).toBe(true);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [oy, om, od] = out.split('-').map(Number) as [number, number, number];
      expect(oy * 12 + om - (y * 12 + m)).toBe(n);
      expect(od).toBe(Math.min(d, daysInMonth(oy, om)));
      // Past the target's last day (Jan 31 → Feb), the result is the target's month end.
      if (d >= daysInMonth(oy, om)) expect(out).toBe(endOfMonth(out));
    }), { numRuns: 1000 });
  });

  it('a month end plus one day is the next month\'s first day, leap years included', () => {
    fc.assert(fc.property(anyDate, (date) => {
      const next = addDays(endOfMonth(date), 1);
      expect(next).toBe(startOfMonth(addMonths(startOfMonth(date), 1)));
      expect(daysBetween(startOfMonth(date), endOfMonth(date)) + 1).toBe(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))));
    }), { numRuns: 500 });
  });

  it('compareDates orders as the text does', () => {
    fc.assert(fc.property(anyDate, anyDate, (a, b) => {
      expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      expect(Math.sign(daysBetween(b, a))).toBe(compareDates(a, b));
    }), { numRuns: 300 });
  });
});
