// The credit score 资信评分, pure: a customer's own payment history in, a score 0–100 with every factor's points, a grade,
// a suggested credit limit and payment term out. Money is exact (decimal.js); nothing here reads the database.
//
// Factors (points, max 100):
//   on-time rate     30 × (settled on or before the due date ÷ (settled + still open past due)); no history: 15
//   days late        20 × max(0, 1 − average days late ÷ 60)   (money-weighted, settled late + open past due); none: 10
//   overdue share    20 × (1 − open past due ÷ all open)        (nothing open: full points)
//   bad debts        15 when none was ever written off, else 0
//   tenure           10 × min(years since the first receivable ÷ 3, 1)
//   contract volume   5 × min(signed contract value of the last 12 months ÷ 1,000,000, 1)
// Grade: A ≥ 80, B ≥ 65, C ≥ 50, else D.
// Suggested limit: a month's billing (invoiced in the last 12 months ÷ 12) × the grade's months (A 3, B 2, C 1, D 0),
// rounded down to the thousand; suggested term: A 60, B 45, C 30, D 0 days (payment before delivery).
import { dec, roundMoney } from '@l2c/shared';

export interface CreditHistory {
  /** Settled against invoices due in the last 24 months (allocations not reversed, bad debt excluded). */
  settled: string;
  settledOnTime: string;
  /** Σ settled amount × days it came after the due date. */
  settledLateMoneyDays: string;
  open: string;
  openOverdue: string;
  /** Σ open past-due amount × days past due as of the assessment day. */
  openOverdueMoneyDays: string;
  badDebt: string;
  /** Days since the first receivable (0 without one). */
  tenureDays: number;
  contractVolume12m: string;
  invoiced12m: string;
}

export type FactorKey = 'onTimeRate' | 'avgDaysLate' | 'overdueShare' | 'badDebts' | 'tenure' | 'contractVolume';
export interface Factor { key: FactorKey; value: string; points: number; max: number }
export interface Score { score: number; grade: 'A' | 'B' | 'C' | 'D'; factors: Factor[]; suggestedLimit: string; suggestedTermDays: number }

const MONTHS: Record<Score['grade'], number> = { A: 3, B: 2, C: 1, D: 0 };
const TERM: Record<Score['grade'], number> = { A: 60, B: 45, C: 30, D: 0 };

const clamp01 = (d: ReturnType<typeof dec>) => (d.lt(0) ? dec(0) : d.gt(1) ? dec(1) : d);
const pts = (max: number, share: ReturnType<typeof dec>) => clamp01(share).times(max).toDecimalPlaces(1, 4).toNumber();

export function scoreCredit(h: CreditHistory, currency: string): Score {
  const judged = dec(h.settled).plus(h.openOverdue);
  const onTime = judged.gt(0) ? dec(h.settledOnTime).div(judged) : null;
  const avgLate = judged.gt(0) ? dec(h.settledLateMoneyDays).plus(h.openOverdueMoneyDays).div(judged) : null;
  const overdueShare = dec(h.open).gt(0) ? dec(h.openOverdue).div(h.open) : dec(0);
  const years = dec(h.tenureDays).div(365);
  const factors: Factor[] = [
    { key: 'onTimeRate', value: onTime ? onTime.toDecimalPlaces(4, 4).toFixed(4) : '', points: onTime ? pts(30, onTime) : 15, max: 30 },
    { key: 'avgDaysLate', value: avgLate ? avgLate.toDecimalPlaces(1, 4).toFixed(1) : '', points: avgLate ? pts(20, dec(1).minus(avgLate.div(60))) : 10, max: 20 },
    { key: 'overdueShare', value: overdueShare.toDecimalPlaces(4, 4).toFixed(4), points: pts(20, dec(1).minus(overdueShare)), max: 20 },
    { key: 'badDebts', value: roundMoney(h.badDebt, currency), points: dec(h.badDebt).gt(0) ? 0 : 15, max: 15 },
    { key: 'tenure', value: years.toDecimalPlaces(2, 4).toFixed(2), points: pts(10, years.div(3)), max: 10 },
    { key: 'contractVolume', value: roundMoney(h.contractVolume12m, currency), points: pts(5, dec(h.contractVolume12m).div(1_000_000)), max: 5 },
  ];
  const total = factors.reduce((s, f) => s.plus(f.points), dec(0));
  const score = Math.min(100, Math.max(0, total.toDecimalPlaces(0, 4).toNumber()));
  const grade = score >= 80 ? 'A' : score >= 65 ? 'B' : score >= 50 ? 'C' : 'D';
  const monthly = dec(h.invoiced12m).div(12);
  const suggestedLimit = roundMoney(monthly.times(MONTHS[grade]).div(1000).floor().times(1000), currency);
  return { score, grade, factors, suggestedLimit, suggestedTermDays: TERM[grade] };
}
