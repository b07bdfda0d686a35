// Checking a write-off before it is sent: every amount an exact decimal with at most 2 decimals, above zero, at most
// what is open on its receivable, and all of them together at most what the source has available. The server checks
// the same under row locks; this only saves a round trip and shows the problem next to the row.
import { addMoney, compareMoney } from '@l2c/shared';
import { AMOUNT_PATTERN, minus, normalizeAmount } from './money';

export interface AllocRow { id: string; amountOpen: string }
export type RowProblem = { kind: 'invalid' } | { kind: 'exceedsOpen'; open: string };

export interface AllocationCheck {
  lines: Array<{ receivableId: string; amount: string }>;
  total: string;
  problems: Record<string, RowProblem>;
  /** Set when the total is above what the source has. */
  overAvailable: boolean;
  valid: boolean;
}

/** An amount the user typed: "" and zero mean "not this row". */
export function isBlankAmount(v: string | undefined): boolean {
  const s = normalizeAmount(v);
  return s === '' || (AMOUNT_PATTERN.test(s) && compareMoney(s, '0') === 0);
}

/** `currency` is the source's (the payment's), the one its amounts and the receivables' are in. */
export function checkAllocation(rows: AllocRow[], amounts: Record<string, string>, available: string | null, currency: string): AllocationCheck {
  const lines: AllocationCheck['lines'] = [];
  const problems: Record<string, RowProblem> = {};
  for (const r of rows) {
    const raw = amounts[r.id];
    if (isBlankAmount(raw)) continue;
    const s = normalizeAmount(raw);
    if (!AMOUNT_PATTERN.test(s)) {
      problems[r.id] = { kind: 'invalid' };
      continue;
    }
    if (compareMoney(s, r.amountOpen) > 0) {
      problems[r.id] = { kind: 'exceedsOpen', open: r.amountOpen };
      continue;
    }
    lines.push({ receivableId: r.id, amount: s });
  }
  const total = addMoney(lines.map((l) => l.amount), currency);
  const overAvailable = available !== null && compareMoney(total, available) > 0;
  return { lines, total, problems, overAvailable, valid: lines.length > 0 && Object.keys(problems).length === 0 && !overAvailable && available !== null };
}

/** Fill rows in order (oldest due first) until `available` is used up: the "all" button of one row, or a quick fill. */
export function fillUpTo(open: string, available: string, alreadyElsewhere: string, currency: string): string {
  const left = minus(available, alreadyElsewhere, currency);
  if (compareMoney(left, '0') <= 0) return '';
  return compareMoney(open, left) <= 0 ? open : left;
}
