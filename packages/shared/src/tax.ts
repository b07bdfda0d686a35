// Line and document tax math (增值税) and payment-plan splits, exact to the cent. Every amount is a decimal string;
// rounding is half-up (四舍五入) once per line and component, and totals are sums of the rounded lines, so a
// document's total with tax always equals its total without tax plus its tax.
import { addMoney, dec, roundMoney, splitMoney } from './money.js';

/** The VAT rates a Chinese seller charges: 13% goods, 9% transport/construction, 6% services, 0 exempt/export. */
export const TAX_RATES = ['0.13', '0.09', '0.06', '0'] as const;
export type TaxRate = (typeof TAX_RATES)[number];

/** Canonical form of a tax rate ("0.130" → "0.13", "0.00" → "0"); null when it is not one of TAX_RATES. */
export function normalizeTaxRate(rate: string): TaxRate | null {
  if (!/^\d+(\.\d+)?$/.test(rate.trim())) return null;
  const value = dec(rate.trim());
  return TAX_RATES.find((r) => dec(r).eq(value)) ?? null;
}

export interface LineTerms {
  quantity: string;
  unitPrice: string;
  taxRate: string;
  /** Fraction off the list price, "0.05" = 5% off; default 0. */
  discountRate?: string | null | undefined;
}

export interface TaxAmounts { amountExclTax: string; taxAmount: string; amountInclTax: string }

/**
 * One line: quantity × unit price × (1 − discount), then split into amount without tax, tax and amount with tax.
 * With tax-inclusive prices (the usual quoting in China) the amount with tax is rounded first and the amount
 * without tax is derived (incl ÷ (1 + rate), rounded); tax is the difference. With tax-exclusive prices the amount
 * without tax is rounded first and tax = excl × rate, rounded. Either way excl + tax = incl exactly.
 */
export function lineAmounts(line: LineTerms, pricesIncludeTax: boolean, currency: string): TaxAmounts {
  const rate = normalizeTaxRate(line.taxRate);
  if (rate === null) throw new RangeError(`tax rate ${line.taxRate} is not one of ${TAX_RATES.join(', ')}`);
  const discount = dec(line.discountRate ?? '0');
  if (discount.isNegative() || discount.gte(1)) throw new RangeError('discount rate must be at least 0 and below 1');
  const gross = dec(line.quantity).times(dec(line.unitPrice)).times(dec(1).minus(discount));
  if (pricesIncludeTax) {
    const incl = roundMoney(gross, currency);
    const excl = roundMoney(dec(incl).dividedBy(dec(1).plus(dec(rate))), currency);
    return { amountExclTax: excl, taxAmount: roundMoney(dec(incl).minus(dec(excl)), currency), amountInclTax: incl };
  }
  const excl = roundMoney(gross, currency);
  const tax = roundMoney(dec(excl).times(dec(rate)), currency);
  return { amountExclTax: excl, taxAmount: tax, amountInclTax: addMoney([excl, tax], currency) };
}

/** Document totals: the sums of the rounded line amounts. */
export function sumAmounts(lines: TaxAmounts[], currency: string): TaxAmounts {
  return {
    amountExclTax: addMoney(lines.map((l) => l.amountExclTax), currency),
    taxAmount: addMoney(lines.map((l) => l.taxAmount), currency),
    amountInclTax: addMoney(lines.map((l) => l.amountInclTax), currency),
  };
}

/** Lines with their amounts, and the document totals. */
export function documentAmounts<L extends LineTerms>(lines: L[], pricesIncludeTax: boolean, currency: string) {
  const computed = lines.map((l) => ({ ...l, ...lineAmounts(l, pricesIncludeTax, currency) }));
  return { lines: computed, totals: sumAmounts(computed, currency) };
}

/** The largest discount rate among the lines ("0" when none): the fact approval rules look at. */
export function maxDiscountRate(lines: Array<{ discountRate?: string | null | undefined }>): string {
  return lines.reduce((m, l) => (dec(l.discountRate ?? '0').gt(dec(m)) ? dec(l.discountRate ?? '0').toString() : m), '0');
}

/** An instalment given either as a fixed amount or as a percent (0–100) of the amount to plan. */
export interface PlanPart { amount?: string | null | undefined; percent?: string | null | undefined }

/** Decimals a percent may have (contract_instalments.percent is numeric(9,6)). */
export const PERCENT_SCALE = 6;
/** How far a percent may be from the exact share it stands for: half a unit of its last decimal. */
const PERCENT_SLACK = dec(1).dividedBy(dec(10).pow(PERCENT_SCALE)).dividedBy(2);

/**
 * The percent of each of `n` equal instalments: 100 / n rounded half-up to PERCENT_SCALE decimals ("33.333333" for
 * thirds, "25" for quarters). n instalments of this percent are a whole plan (see resolvePlan), cut into n equal
 * parts by the cent rule: the first instalments get the extra cents.
 */
export function equalPercent(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('equalPercent: n must be a positive integer');
  return dec(100).dividedBy(n).toDecimalPlaces(PERCENT_SCALE).toFixed(PERCENT_SCALE).replace(/\.?0+$/, '');
}

/**
 * Resolve a payment plan against `base` (the contract total, or what is left to plan): fixed amounts stay as given;
 * percent parts are cut from `base` with splitMoney — L2C's one cent rule, largest remainder with ties to the earliest
 * instalment — so a plan of percents that add to 100 always adds back to `base` to the cent (30/60/10 of 100,000.01 →
 * 30,000.00 + 60,000.01 + 10,000.00). Percents that fall short of 100 leave the rest unplanned (a hidden last part),
 * except when they are within half a unit of their last decimal each of 100: then each stands for its exact share of
 * a whole plan (three × 33.333333 are thirds, six × 16.666667 are sixths) and the whole base is split over them.
 * Whether a mixed plan adds up is for the caller to check with planTotal.
 */
export function resolvePlan(base: string, parts: PlanPart[], currency: string): string[] {
  const given = parts.filter((p) => p.percent != null).map((p) => dec(p.percent!));
  const percentSum = given.reduce((s, p) => s.plus(p), dec(0));
  const rest = dec(100).minus(percentSum);
  const whole = rest.abs().lte(PERCENT_SLACK.times(given.length));
  if (percentSum.gt(100) && !whole) throw new RangeError('instalment percents add to more than 100');
  let cut: string[] = [];
  if (given.length > 0) {
    const weights = [...given.map((p) => p.toString()), ...(whole ? [] : [rest.toString()])];
    cut = splitMoney(roundMoney(base, currency), weights, currency).slice(0, given.length);
  }
  let k = 0;
  return parts.map((p) => (p.percent != null ? cut[k++]! : roundMoney(p.amount ?? '0', currency)));
}

export function planTotal(amounts: string[], currency: string): string {
  return addMoney(amounts, currency);
}

/** Split a tax total over instalments in proportion to their amounts, adding back to the tax total to the cent. */
export function splitTax(taxTotal: string, instalmentAmounts: string[], currency: string): string[] {
  if (instalmentAmounts.length === 0) return [];
  if (instalmentAmounts.every((a) => dec(a).isZero())) return instalmentAmounts.map(() => roundMoney('0', currency));
  return splitMoney(roundMoney(taxTotal, currency), instalmentAmounts, currency);
}

export interface PlanTemplatePart { percent: string; trigger: 'date' | 'on_signing' | 'on_delivery' | 'on_acceptance'; dueDaysAfterTrigger: number; milestone?: string }

/** Payment-plan templates: 30% on signing / 60% on delivery / 10% retention after acceptance; 100% on signing. */
export const PAYMENT_PLAN_TEMPLATES: Record<'standard_30_60_10' | 'full_on_signing', PlanTemplatePart[]> = {
  standard_30_60_10: [
    { percent: '30', trigger: 'on_signing', dueDaysAfterTrigger: 0 },
    { percent: '60', trigger: 'on_delivery', dueDaysAfterTrigger: 30 },
    { percent: '10', trigger: 'on_acceptance', dueDaysAfterTrigger: 30, milestone: 'acceptance' },
  ],
  full_on_signing: [{ percent: '100', trigger: 'on_signing', dueDaysAfterTrigger: 0 }],
};
export type PlanTemplate = keyof typeof PAYMENT_PLAN_TEMPLATES;
