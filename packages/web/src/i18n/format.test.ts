import { describe, expect, it } from 'vitest';
import { formatBusinessDate, formatInstant } from './format';

describe('dates for people', () => {
  it('English dates are unambiguous year-month-day, Chinese ones the Chinese way', () => {
    expect(formatBusinessDate('2026-12-06', 'en')).toBe('2026-12-06');
    expect(formatBusinessDate('2026-12-06', 'zh-CN')).toBe('2026/12/06');
    expect(formatBusinessDate(null, 'en')).toBe('—');
  });
  it('an English instant reads YYYY-MM-DD HH:mm in the viewer\'s zone', () => {
    expect(formatInstant('2026-12-06T01:02:03Z', 'en')).toMatch(/^2026-12-0[56] \d{2}:\d{2}$/);
  });
});
