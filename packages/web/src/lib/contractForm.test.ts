// The plan editor's "split equally" (均分 N 期): N instalments of the same percent, previewed exactly as the server
// cuts them — the first instalments get the extra cents and the plan adds up to the amount to plan.
import { describe, expect, it } from 'vitest';
import { fromYmd, toYmd } from './dates';
import { equalInstalments, previewPlan, validPercent, type InstalmentValues } from './contractForm';

const blank: InstalmentValues = { trigger: 'date', by: 'percent', percent: '', dueDaysAfterTrigger: 0, method: 'bank_transfer', ownerId: null, dueDate: null };

describe('split equally', () => {
  it('turns one dated instalment into three monthly thirds that add up to 100,000.00', () => {
    const first: InstalmentValues = { ...blank, by: 'amount', amount: '5000.00', dueDate: fromYmd('2027-01-31'), ownerId: 'u1' };
    const plan = equalInstalments([first], 3, blank);
    expect(plan.map((i) => [i.by, i.percent, toYmd(i.dueDate), i.ownerId])).toEqual([
      ['percent', '33.333333', '2027-01-31', 'u1'], ['percent', '33.333333', '2027-02-28', 'u1'], ['percent', '33.333333', '2027-03-31', 'u1'],
    ]);
    const preview = previewPlan(plan, '100000.00', 'CNY');
    expect(preview.amounts).toEqual(['33333.34', '33333.33', '33333.33']);
    expect(preview).toMatchObject({ total: '100000.00', gap: '0.00', percentOver: false });
  });

  it('keeps the first N instalments\' triggers, drops the rest, and event triggers continue 30 days later', () => {
    const rows: InstalmentValues[] = [{ ...blank, trigger: 'on_signing', dueDaysAfterTrigger: 0 }, { ...blank, trigger: 'on_delivery', dueDaysAfterTrigger: 10 }, { ...blank }];
    expect(equalInstalments(rows, 2, blank).map((i) => [i.trigger, i.percent])).toEqual([['on_signing', '50'], ['on_delivery', '50']]);
    expect(equalInstalments(rows.slice(1, 2), 3, blank).map((i) => i.dueDaysAfterTrigger)).toEqual([10, 40, 70]);
    expect(previewPlan(equalInstalments([], 7, blank), '1000.00', 'CNY').total).toBe('1000.00');
  });

  it('accepts six decimals in a percent, not seven', () => {
    expect(validPercent('33.333333')).toBe(true);
    expect(validPercent('33.3333333')).toBe(false);
  });
});
