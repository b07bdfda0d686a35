// Commercial terms as numbers, pure functions: lines with exact tax, document totals, and the payment plan cut to
// the cent (percent instalments with exact splits; each instalment's share of the tax split the same way).
import {
  addMoney, dec, documentAmounts, maxDiscountRate, normalizeTaxRate, PAYMENT_PLAN_TEMPLATES, planTotal, resolvePlan, roundMoney, splitTax,
  type Compliance, type ContractLineInput, type InstalmentInput, type PlanTemplate, type TaxAmounts,
} from '@l2c/shared';
import { commonError } from '../../platform/errors.js';
import type { InstalmentRow, InstalmentWrite, LineRow, LineWrite } from './contracts.sql.js';

export type PlanItem = Omit<InstalmentInput, 'amount' | 'percent'> & { amount: string | null; percent: string | null };
export type Issue = Compliance['issues'][number];

const ZERO: TaxAmounts = { amountExclTax: '0.00', taxAmount: '0.00', amountInclTax: '0.00' };

export interface ComputedLines { lines: LineWrite[]; totals: TaxAmounts; maxDiscount: string }

/**
 * Lines with their amounts. An order contract's totals are the sums of its lines; a framework agreement's lines are
 * the agreed price list, so it commits no amount itself (its call-off order contracts do).
 */
export function computeLines(kind: string, lines: ContractLineInput[], pricesIncludeTax: boolean, currency: string): ComputedLines {
  let doc: ReturnType<typeof documentAmounts<ContractLineInput>>;
  try {
    doc = documentAmounts(lines, pricesIncludeTax, currency);
  } catch (err) {
    throw commonError('invalid', (err as Error).message, { errors: [{ path: 'lines', message: (err as Error).message }] });
  }
  return {
    lines: doc.lines.map((l, i) => ({
      lineNo: i + 1, skuId: l.skuId ?? null, productCode: l.productCode, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice,
      discountRate: l.discountRate, taxRate: l.taxRate, amountExclTax: l.amountExclTax, taxAmount: l.taxAmount, amountInclTax: l.amountInclTax,
    })),
    totals: kind === 'framework' ? { ...ZERO } : doc.totals,
    maxDiscount: maxDiscountRate(lines),
  };
}

export function linesFromRows(rows: LineRow[]): ContractLineInput[] {
  return rows.map((l) => ({
    skuId: l.sku_id, productCode: l.product_code, description: l.description, quantity: trim(l.quantity, 0), unit: l.unit,
    unitPrice: trim(l.unit_price, 2), discountRate: trim(l.discount_rate, 0), taxRate: normalizeTaxRate(l.tax_rate) ?? '0',
  }));
}

/** The stored plan as plan items; `currency` is the contract's, the one its instalment amounts are in. */
export function planFromRows(rows: InstalmentRow[], currency: string): PlanItem[] {
  return rows.map((i) => ({
    trigger: i.trigger, dueDate: i.due_date, dueDaysAfterTrigger: i.due_days_after_trigger,
    amount: i.percent === null ? roundMoney(i.amount, currency) : null, percent: i.percent === null ? null : trim(i.percent, 0),
    method: i.method as PlanItem['method'], ownerId: i.owner_id, milestone: i.milestone,
  }));
}

export function templatePlan(name: PlanTemplate): PlanItem[] {
  return PAYMENT_PLAN_TEMPLATES[name].map((p) => ({
    trigger: p.trigger, dueDate: null, dueDaysAfterTrigger: p.dueDaysAfterTrigger, amount: null, percent: p.percent,
    method: 'bank_transfer', ownerId: null, milestone: p.milestone ?? null,
  }));
}

/**
 * Cut the plan against `base` (what there is to plan) and split `taxBase` over it in proportion to the amounts.
 * Both cuts follow the one cent rule (splitMoney; docs/adr/0005-one-cent-rule.md): shares rounded down, leftover cents
 * to the largest dropped fractions, ties to the earliest — N equal instalments put the extra cents on the first ones.
 * Instalment owners default to `defaultOwner`.
 */
export function computePlan(base: string, taxBase: string, items: PlanItem[], currency: string, defaultOwner: string | null, firstSeq = 1): InstalmentWrite[] {
  let amounts: string[];
  try {
    amounts = resolvePlan(dec(base).isNegative() ? '0' : base, items, currency);
  } catch (err) {
    throw commonError('invalid', (err as Error).message, { errors: [{ path: 'instalments', message: (err as Error).message }] });
  }
  const taxes = splitTax(dec(taxBase).isNegative() ? '0' : taxBase, amounts, currency);
  return items.map((it, i) => ({
    seq: firstSeq + i, trigger: it.trigger, dueDate: it.dueDate, dueDaysAfterTrigger: it.dueDaysAfterTrigger, percent: it.percent,
    amount: amounts[i]!, taxAmount: taxes[i]!, method: it.method, ownerId: it.ownerId ?? defaultOwner, milestone: it.milestone,
  }));
}

/** Plan checks for submission: an order contract needs a plan that adds back to its total, every instalment above zero. */
export function planIssues(kind: string, total: string, plan: Array<{ amount: string }>, currency: string, what = 'the contract total'): Issue[] {
  if (kind === 'framework') return [];
  const issues: Issue[] = [];
  if (plan.length === 0) {
    if (dec(total).gt(0)) issues.push({ code: 'plan_missing', path: 'instalments', message: 'an order contract needs a payment plan', severity: 'block' });
    return issues;
  }
  const sum = planTotal(plan.map((p) => p.amount), currency);
  if (!dec(sum).eq(dec(total))) {
    issues.push({ code: 'plan_mismatch', path: 'instalments', message: `the instalments add to ${sum}, ${what} is ${roundMoney(total, currency)}`, severity: 'block' });
  }
  plan.forEach((p, i) => {
    if (!dec(p.amount).gt(0)) issues.push({ code: 'plan_mismatch', path: `instalments.${i}.amount`, message: 'an instalment must be above zero', severity: 'block' });
  });
  return issues;
}

export function sumOf(values: string[], currency: string): string {
  return addMoney(values, currency);
}

/** A stored decimal without trailing zeros, keeping at least `minScale` decimals ("1130.000000" → "1130.00"). */
export function trim(v: string, minScale: number): string {
  const d = dec(v);
  return d.toFixed(Math.max(minScale, d.decimalPlaces()));
}
