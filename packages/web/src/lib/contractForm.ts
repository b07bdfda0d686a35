// The contract editor's values and the live preview of its amounts, computed with the same shared functions the
// server uses (documentAmounts for lines and totals, resolvePlan/planTotal for the payment plan), so what the user
// sees is what the server will book. Everything stays an exact decimal string.
import {
  addMonths, dec, decimalPattern, documentAmounts, equalPercent, PAYMENT_PLAN_TEMPLATES, planTotal, resolvePlan, roundMoney, type PlanTemplate, type TaxAmounts,
} from '@l2c/shared';
import type { Dayjs } from 'dayjs';
import type {
  Contract, ContractFields, ContractKind, ContractLineFields, InstalmentFields, InstalmentTrigger,
} from '../api/types';
import { fromYmd, toYmd } from './dates';
import { AMOUNT_PATTERN, normalizeAmount } from './money';

export interface LineValues {
  /** The catalog SKU the line was picked from; empty: a one-off free line. */
  skuId?: string | null;
  description?: string; productCode?: string; quantity?: string; unit?: string; unitPrice?: string;
  /** Percent off, "5" = 5% (the API takes the rate "0.05"). */
  discountPercent?: string; taxRate?: string;
}
export interface InstalmentValues {
  trigger?: InstalmentTrigger; by?: 'percent' | 'amount'; percent?: string; amount?: string; dueDate?: Dayjs | null;
  dueDaysAfterTrigger?: number | null; method?: string | null; ownerId?: string | null; milestone?: string;
}
export interface ContractFormValues {
  kind?: ContractKind; customerId?: string | null; title?: string; currency?: string; pricesIncludeTax?: boolean;
  paymentTermDays?: number | null; deliveryTerms?: string; paymentTerms?: string; periodStart?: Dayjs | null; periodEnd?: Dayjs | null;
  productScope?: string; rebateTerms?: string; lines?: LineValues[]; instalments?: InstalmentValues[];
}

export const CONTRACT_FORM_FIELDS = [
  'kind', 'customerId', 'title', 'currency', 'pricesIncludeTax', 'paymentTermDays', 'deliveryTerms', 'paymentTerms',
  'periodStart', 'periodEnd', 'productScope', 'rebateTerms', 'lines', 'instalments',
] as const;

// The request schemas' rules (shared contracts/contracts.ts), built by the one decimal pattern.
export const QUANTITY = decimalPattern(12, 4);
export const UNIT_PRICE = decimalPattern(12, 6);
export const PERCENT = decimalPattern(3, 4);
/** An instalment's percent: six decimals, enough for N equal instalments (3 × 33.333333). */
export const PLAN_PERCENT = decimalPattern(3, 6);

const text = (v: string | undefined | null): string | null => (v && v.trim() ? v.trim() : null);

export function validQuantity(v: string | undefined): boolean {
  return !!v && QUANTITY.test(v.trim()) && dec(v.trim()).gt(0);
}
export function validUnitPrice(v: string | undefined): boolean {
  return !!v && UNIT_PRICE.test(v.trim());
}
export function validDiscount(v: string | undefined): boolean {
  if (!v || !v.trim()) return true;
  return PERCENT.test(v.trim()) && dec(v.trim()).lt(100);
}
export function validPercent(v: string | undefined): boolean {
  return !!v && PLAN_PERCENT.test(v.trim()) && dec(v.trim()).gt(0) && dec(v.trim()).lte(100);
}
export function validAmount(v: string | undefined): boolean {
  const s = normalizeAmount(v);
  return AMOUNT_PATTERN.test(s) && dec(s).gt(0);
}

/** "5" → "0.05"; empty → "0". */
export function percentToRate(p: string | undefined): string {
  return p && p.trim() ? dec(p.trim()).dividedBy(100).toString() : '0';
}
/** "0.05" → "5". */
export function rateToPercent(r: string): string {
  return dec(r).times(100).toString();
}

function lineComplete(l: LineValues): boolean {
  return !!l.description?.trim() && validQuantity(l.quantity) && validUnitPrice(l.unitPrice) && validDiscount(l.discountPercent) && !!l.taxRate;
}

export function toLineFields(l: LineValues): ContractLineFields {
  return {
    skuId: l.skuId ?? null, productCode: text(l.productCode), description: (l.description ?? '').trim(), quantity: (l.quantity ?? '').trim(),
    unit: text(l.unit), unitPrice: (l.unitPrice ?? '').trim(), discountRate: percentToRate(l.discountPercent), taxRate: l.taxRate ?? '0.13',
  };
}

export function toInstalmentFields(i: InstalmentValues): InstalmentFields {
  const byPercent = (i.by ?? 'percent') === 'percent';
  return {
    trigger: i.trigger ?? 'date', dueDate: toYmd(i.dueDate) ?? null, dueDaysAfterTrigger: i.dueDaysAfterTrigger ?? 0,
    percent: byPercent ? (i.percent ?? '').trim() : null, amount: byPercent ? null : normalizeAmount(i.amount),
    method: i.method ?? null, ownerId: i.ownerId ?? null, milestone: text(i.milestone),
  };
}

export interface LinesPreview {
  /** Per form line: its amounts, or null while the line is incomplete or invalid. */
  rows: Array<TaxAmounts | null>;
  totals: TaxAmounts;
}

/** Amounts of the complete lines and the document totals (a framework agreement commits no amount). */
export function previewLines(lines: LineValues[] | undefined, pricesIncludeTax: boolean, currency: string, kind: ContractKind): LinesPreview {
  const all = lines ?? [];
  const index: number[] = [];
  const complete = all.flatMap((l, i) => (lineComplete(l) ? (index.push(i), [toLineFields(l)]) : []));
  const doc = documentAmounts(complete, pricesIncludeTax, currency);
  const rows: Array<TaxAmounts | null> = all.map(() => null);
  doc.lines.forEach((l, k) => { rows[index[k]!] = { amountExclTax: l.amountExclTax, taxAmount: l.taxAmount, amountInclTax: l.amountInclTax }; });
  const zero = roundMoney('0', currency);
  const totals = kind === 'framework' ? { amountExclTax: zero, taxAmount: zero, amountInclTax: zero } : doc.totals;
  return { rows, totals };
}

export interface PlanPreview {
  /** Per instalment: its amount, or null while its percent or amount is not valid. */
  amounts: Array<string | null>;
  total: string;
  /** base − total: positive = still to plan, negative = over, zero = balanced. */
  gap: string;
  percentOver: boolean;
}

/** The plan cut against `base` exactly as the server cuts it (resolvePlan), and how far it is from adding up. */
export function previewPlan(instalments: InstalmentValues[] | undefined, base: string, currency: string): PlanPreview {
  const all = instalments ?? [];
  const parts = all.map((i) => {
    const by = i.by ?? 'percent';
    if (by === 'percent') return validPercent(i.percent) ? { percent: i.percent!.trim() } : { amount: '0' };
    return validAmount(i.amount) ? { amount: normalizeAmount(i.amount) } : { amount: '0' };
  });
  let resolved: string[];
  let percentOver = false;
  try {
    resolved = resolvePlan(base, parts, currency);
  } catch {
    percentOver = true;
    resolved = parts.map(() => roundMoney('0', currency));
  }
  const amounts = all.map((i, k) => {
    const ok = (i.by ?? 'percent') === 'percent' ? validPercent(i.percent) : validAmount(i.amount);
    return ok && !percentOver ? resolved[k]! : null;
  });
  const total = planTotal(amounts.map((a) => a ?? '0'), currency);
  return { amounts, total, gap: roundMoney(dec(base).minus(dec(total)), currency), percentOver };
}

/** A template's rows; `milestone` turns its milestone codes ('acceptance') into the reader's words (lib/labels milestoneLabel). */
export function templateInstalments(name: PlanTemplate, ownerId: string | null, milestone: (m: string) => string = (m) => m): InstalmentValues[] {
  return PAYMENT_PLAN_TEMPLATES[name].map((p) => ({
    trigger: p.trigger, by: 'percent' as const, percent: p.percent, dueDaysAfterTrigger: p.dueDaysAfterTrigger,
    method: 'bank_transfer', ownerId, milestone: p.milestone ? milestone(p.milestone) : '', dueDate: null,
  }));
}

/** The largest N the "split equally" menu offers (monthly over three years). */
export const MAX_EQUAL_INSTALMENTS = 36;

/**
 * The plan as `n` equal instalments: every instalment by the percent equalPercent(n), which the server cuts by the one
 * cent rule (the first instalments get the extra cents; docs/adr/0005-one-cent-rule.md). The first n instalments keep
 * their trigger, dates and owner; missing ones continue from the last, one month (or 30 days after the trigger) later.
 */
export function equalInstalments(items: InstalmentValues[], n: number, blank: InstalmentValues): InstalmentValues[] {
  const percent = equalPercent(n);
  const kept = items.slice(0, n);
  const last = kept.length - 1;
  const anchor = kept[last];
  const out: InstalmentValues[] = [];
  for (let k = 0; k < n; k++) {
    const step = k - last; // months (or 30-day steps) after the last instalment kept
    const base = kept[k] ?? (anchor ? {
      ...anchor, milestone: '',
      dueDate: anchor.dueDate ? fromYmd(addMonths(toYmd(anchor.dueDate)!, step)) : null, // counted from the anchor: 31 Jan → 28 Feb → 31 Mar
      dueDaysAfterTrigger: anchor.trigger === 'date' ? anchor.dueDaysAfterTrigger : (anchor.dueDaysAfterTrigger ?? 0) + 30 * step,
    } : { ...blank });
    out.push({ ...base, by: 'percent', percent, amount: '' });
  }
  return out;
}

export function toContractFields(v: ContractFormValues): ContractFields {
  const kind = v.kind ?? 'order';
  return {
    kind, customerId: v.customerId ?? '', title: (v.title ?? '').trim(), currency: v.currency ?? 'CNY',
    pricesIncludeTax: v.pricesIncludeTax ?? true, paymentTermDays: v.paymentTermDays ?? 30,
    deliveryTerms: text(v.deliveryTerms), paymentTerms: text(v.paymentTerms), periodStart: toYmd(v.periodStart) ?? null,
    periodEnd: toYmd(v.periodEnd) ?? null, productScope: text(v.productScope), rebateTerms: text(v.rebateTerms),
    // A framework agreement commits no amount, so it has no payment plan.
    lines: (v.lines ?? []).map(toLineFields), instalments: kind === 'framework' ? [] : (v.instalments ?? []).map(toInstalmentFields),
  };
}

export function lineValuesOf(c: Pick<Contract, 'lines'>): LineValues[] {
  return c.lines.map((l) => ({
    skuId: l.skuId ?? null, description: l.description, productCode: l.productCode ?? '', quantity: l.quantity, unit: l.unit ?? '', unitPrice: l.unitPrice,
    discountPercent: dec(l.discountRate).isZero() ? '' : rateToPercent(l.discountRate), taxRate: l.taxRate,
  }));
}

export function instalmentValuesOf(list: Contract['instalments'], milestone: (m: string) => string = (m) => m): InstalmentValues[] {
  return list.map((i) => ({
    trigger: i.trigger, by: i.percent !== null ? 'percent' : 'amount', percent: i.percent ?? '', amount: i.percent !== null ? '' : i.amount,
    dueDate: fromYmd(i.dueDate), dueDaysAfterTrigger: i.dueDaysAfterTrigger, method: i.method,
    ownerId: i.owner?.id ?? null, milestone: i.milestone ? milestone(i.milestone) : '',
  }));
}

export function toFormValues(c: Contract, milestone?: (m: string) => string): ContractFormValues {
  return {
    kind: c.kind, customerId: c.customer.id, title: c.title, currency: c.currency, pricesIncludeTax: c.pricesIncludeTax,
    paymentTermDays: c.paymentTermDays, deliveryTerms: c.deliveryTerms ?? '', paymentTerms: c.paymentTerms ?? '',
    periodStart: fromYmd(c.periodStart), periodEnd: fromYmd(c.periodEnd), productScope: c.productScope ?? '', rebateTerms: c.rebateTerms ?? '',
    lines: lineValuesOf(c), instalments: instalmentValuesOf(c.instalments, milestone),
  };
}

export const EMPTY_LINE: LineValues = { description: '', quantity: '1', unitPrice: '', discountPercent: '', taxRate: '0.13', unit: '' };
