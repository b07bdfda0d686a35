// The compliance check before approval — payment terms within the customer's allowed terms, a payment plan that adds
// back to the total, the credit limit — and the credit check that runs under the customer's credit row lock inside
// the transaction that commits the amount (final approval, signing, an amendment).
import { dec, roundMoney, type Compliance } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { creditPosition } from '../credit/index.js';
import { contractError } from './contracts.errors.js';
import type { ContractRow, InstalmentRow } from './contracts.sql.js';
import * as lq from './lifecycle.sql.js';
import { planIssues, type Issue } from './terms.js';

export type OverCreditPolicy = 'block' | 'approval';

/**
 * What happens to a commitment over the credit limit, per customer grade (tenant settings
 * `contracts.overCredit = { default, grades: { D: 'block' } }`): blocked, or sent to approval (the default; the
 * built-in rules then add finance to the chain).
 */
export async function overCreditPolicy(tx: Tx, grade: string | null): Promise<OverCreditPolicy> {
  const cfg = await lq.overCreditSettings(tx);
  return (grade ? cfg?.grades?.[grade] : undefined) ?? cfg?.default ?? 'approval';
}

export interface CreditResult { limit: string; open: string; committed: string; available: string; required: string; over: boolean; allowedTermDays: number; riskLevel: string; onHold: boolean; holdReason: string | null }

/**
 * The contract's credit check: the credit domain's available credit (limit − open − other contracts' committed) against
 * what this contract needs; over when `required` exceeds it. With `lock`, under the credit profile's row lock.
 */
export async function creditCheck(tx: Tx, tenantId: string, row: Pick<ContractRow, 'id' | 'customer_id' | 'currency'>, required: string, lock: boolean): Promise<CreditResult> {
  const p = await creditPosition(tx, tenantId, row.customer_id, { currency: row.currency, excludeContract: row.id, lock });
  return {
    limit: p.limit, open: p.open, committed: p.committed, available: p.available, required: roundMoney(required, row.currency),
    over: dec(required).gt(0) && dec(required).gt(dec(p.available)), allowedTermDays: p.paymentTermDays, riskLevel: p.riskLevel,
    onHold: p.onHold, holdReason: p.holdReason,
  };
}

/** Commit credit for a contract inside the committing transaction: 422 when over and not approved as such. */
export async function commitCredit(tx: Tx, tenantId: string, row: ContractRow, required: string, overApproved: boolean): Promise<CreditResult> {
  const credit = await creditCheck(tx, tenantId, row, required, true);
  // A credit hold (dunning's +60 step) stops every new commitment, approved or not, until finance releases it.
  if (credit.onHold && dec(required).gt(0)) {
    throw contractError('credit_hold', `${row.number}: the customer's credit is on hold (${credit.holdReason ?? 'overdue'})`, { errors: [{ path: 'customerId', message: 'the customer\'s credit is on hold' }] });
  }
  if (credit.over && (!overApproved || (await overCreditPolicy(tx, row.customer_grade)) === 'block')) {
    throw contractError('credit_exceeded', `${row.number} needs ${credit.required}; the customer's available credit is ${credit.available}`, {
      errors: [{ path: 'amountInclTax', message: `needs ${credit.required}, available credit ${credit.available} (limit ${credit.limit})` }],
    });
  }
  return credit;
}

export function termIssues(paymentTermDays: number, plan: Array<{ dueDaysAfterTrigger: number }>, allowed: number): Issue[] {
  const issues: Issue[] = [];
  if (paymentTermDays > allowed) {
    issues.push({ code: 'payment_term_exceeded', path: 'paymentTermDays', message: `${paymentTermDays} days is longer than the customer's allowed ${allowed} days`, severity: 'block' });
  }
  plan.forEach((p, i) => {
    if (p.dueDaysAfterTrigger > allowed) {
      issues.push({ code: 'payment_term_exceeded', path: `instalments.${i}.dueDaysAfterTrigger`, message: `${p.dueDaysAfterTrigger} days is longer than the customer's allowed ${allowed} days`, severity: 'block' });
    }
  });
  return issues;
}

/** The full check of a contract before approval. Blocking issues refuse the submission; 'approval' issues route it. */
export async function runCompliance(tx: Tx, tenantId: string, row: ContractRow, lineCount: number, plan: InstalmentRow[]): Promise<Compliance> {
  const credit = await creditCheck(tx, tenantId, row, row.kind === 'order' ? row.amount_incl_tax : '0', false);
  const issues: Issue[] = [];
  if (row.kind === 'order' && lineCount === 0) issues.push({ code: 'lines_missing', path: 'lines', message: 'an order contract needs at least one line', severity: 'block' });
  issues.push(...termIssues(row.payment_term_days, plan.map((p) => ({ dueDaysAfterTrigger: p.due_days_after_trigger })), credit.allowedTermDays));
  issues.push(...planIssues(row.kind, row.amount_incl_tax, plan, row.currency));
  if (row.framework_id) {
    const f = await lq.frameworkStatus(tx, row.framework_id);
    if (!f || !['signed', 'in_performance'].includes(f)) issues.push({ code: 'framework_invalid', path: 'frameworkId', message: 'the framework agreement is not signed or has ended', severity: 'block' });
  }
  if (credit.onHold) issues.push({ code: 'credit_hold', path: 'customerId', message: `the customer's credit is on hold: ${credit.holdReason ?? 'overdue'}`, severity: 'block' });
  if (credit.over) {
    const policy = await overCreditPolicy(tx, row.customer_grade);
    issues.push({ code: 'credit_exceeded', path: 'amountInclTax', message: `needs ${credit.required}, available credit ${credit.available} (limit ${credit.limit})`, severity: policy === 'block' ? 'block' : 'approval' });
  }
  return {
    passed: !issues.some((i) => i.severity === 'block'), issues, allowedTermDays: credit.allowedTermDays,
    creditLimit: credit.limit, creditAvailable: credit.available, riskLevel: credit.riskLevel,
  };
}
