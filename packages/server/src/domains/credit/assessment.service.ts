// Credit assessment 资信评估 before the sale: a score per customer from its own history (assessment.score.ts explains
// the factors), a suggested limit and payment term, and applying it to the credit profile — at once when the limit is
// not raised by more than APPROVAL_ABOVE, else through the approval engine (document type credit_limit), whose final
// approval applies it in the deciding transaction.
import type { z } from 'zod';
import { BOOK_CURRENCY, dec, roundMoney, type ApplyAssessmentInput, type CreditAssessmentSchema } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { todayFor } from '../../platform/clock.js';
import { submitForApproval, type ApprovalHandler } from '../approvals/index.js';
import { creditError } from './credit.errors.js';
import { setCreditProfile, releaseCreditHold, type RiskLevel } from './credit.service.js';
import { lockCustomer } from './credit.sql.js';
import { scoreCredit, type Factor } from './assessment.score.js';
import * as q from './assessment.sql.js';

/** A raise of the credit limit above this (book currency) needs an approval; at or below it finance applies it. */
export const APPROVAL_ABOVE = '100000.00';

/** How a limit change reaches the customer's credit ledger (payments owns it); app.ts hands it over. */
export type RecordLimitChange = (tx: Tx, actor: Actor, customerId: string, delta: string, on: string, memo: string) => Promise<void>;

type Assessment = z.infer<typeof CreditAssessmentSchema>;
const C = BOOK_CURRENCY; // credit profiles are kept in the book currency

function toAssessment(r: q.AssessmentRow): Assessment {
  return {
    id: r.id, customerId: r.customer_id, assessedOn: r.assessed_on, score: r.score, grade: r.grade, factors: r.factors as unknown as Factor[],
    currency: C, currentLimit: roundMoney(r.current_limit, C), currentTermDays: r.current_term_days, suggestedLimit: roundMoney(r.suggested_limit, C),
    suggestedTermDays: r.suggested_term_days, status: r.status, appliedAt: r.applied_at, createdAt: r.created_at,
  };
}

/** Assess the given customers (null: all with receivables) as of `today`, in the caller's transaction. */
export async function assessCustomersTx(tx: Tx, actor: Actor, customerIds: string[] | null, today: string): Promise<number> {
  const rows = await q.histories(tx, customerIds, today);
  for (const h of rows) {
    const s = scoreCredit({
      settled: h.settled, settledOnTime: h.settled_on_time, settledLateMoneyDays: h.settled_late_money_days, open: h.open, openOverdue: h.open_overdue,
      openOverdueMoneyDays: h.open_overdue_money_days, badDebt: h.bad_debt, tenureDays: h.tenure_days, contractVolume12m: h.contract_volume_12m, invoiced12m: h.invoiced_12m,
    }, C);
    const p = await q.profileOf(tx, h.customer_id);
    await q.upsertAssessment(tx, {
      tenantId: actor.tenantId, customerId: h.customer_id, assessedOn: today, score: s.score, grade: s.grade, factors: JSON.stringify(s.factors),
      currentLimit: p?.credit_limit ?? '0', currentTermDays: p?.payment_term_days ?? 30, suggestedLimit: s.suggestedLimit, suggestedTermDays: s.suggestedTermDays,
      createdBy: actor.userId,
    });
  }
  return rows.length;
}

async function view(tx: Tx, customerId: string) {
  const p = await q.profileOf(tx, customerId);
  return {
    customerId, currency: C, creditLimit: roundMoney(p?.credit_limit ?? '0', C), paymentTermDays: p?.payment_term_days ?? 30, riskLevel: p?.risk_level ?? 'normal',
    onHold: p?.on_hold ?? false, holdReason: p?.hold_reason ?? null, approvalAbove: APPROVAL_ABOVE,
    items: (await q.listAssessments(tx, customerId, 24)).map(toAssessment),
  };
}

async function visible(tx: Tx, auth: AuthContext, customerId: string) {
  const c = await q.visibleCustomer(tx, customerId, auth.userId, auth.scope);
  if (!c) throw creditError('customer_not_found');
  return c;
}

export async function creditAssessmentOf(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await visible(tx, auth, customerId);
    return view(tx, customerId);
  });
}

/** Assess one customer now (today's assessment is refreshed while it is still a proposal). */
export async function assessCustomer(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await visible(tx, auth, customerId);
    await assessCustomersTx(tx, auth, [customerId], todayFor(auth));
    return view(tx, customerId);
  });
}

async function applyNow(tx: Tx, actor: Actor, a: q.AssessmentRow, limit: string, termDays: number, record: RecordLimitChange, on: string) {
  const p = await q.profileOf(tx, a.customer_id);
  const { limitBefore } = await setCreditProfile(tx, actor, a.customer_id, { creditLimit: limit, paymentTermDays: termDays, riskLevel: (p?.risk_level ?? 'normal') as RiskLevel }, C);
  const delta = dec(limit).minus(limitBefore);
  if (!delta.isZero()) await record(tx, actor, a.customer_id, roundMoney(delta, C), on, `credit assessment ${a.assessed_on} (score ${a.score})`);
  await q.setAssessmentStatus(tx, a.id, 'applied');
  await recordAudit(tx, actor, { action: 'apply', entityType: 'credit_assessment', entityId: a.id, changes: [{ field: 'status', before: a.status, after: 'applied' }] });
}

/**
 * Apply an assessment (its suggestion, or what the person changed it to) to the credit profile, under the customer
 * lock. A raise beyond APPROVAL_ABOVE goes to the approval engine instead and waits there.
 */
export async function applyAssessment(db: Db, auth: AuthContext, customerId: string, assessmentId: string, input: z.infer<typeof ApplyAssessmentInput>, record: RecordLimitChange) {
  return inTenant(db, auth, async (tx) => {
    const c = await visible(tx, auth, customerId);
    await lockCustomer(tx, customerId);
    const a = await q.assessmentForUpdate(tx, assessmentId);
    if (!a || a.customer_id !== customerId) throw creditError('assessment_not_found');
    if (a.status !== 'proposed') throw creditError('assessment_closed', `The assessment is ${a.status}`);
    const limit = roundMoney(input.creditLimit ?? a.suggested_limit, C);
    const termDays = input.paymentTermDays ?? a.suggested_term_days;
    const current = (await q.profileOf(tx, customerId))?.credit_limit ?? '0';
    const raise = dec(limit).minus(current);
    let approvalRequestId: string | null = null;
    if (raise.gt(APPROVAL_ABOVE)) {
      const r = await submitForApproval(tx, auth, {
        docType: 'credit_limit', docId: a.id, docNumber: c.number, title: `${c.name} · ${C} ${roundMoney(current, C)} → ${limit}`,
        facts: { amount: limit, raise: roundMoney(raise, C), currentLimit: roundMoney(current, C), paymentTermDays: termDays, score: a.score, grade: a.grade, currency: C, customerName: c.name },
        audit: { entityType: 'credit_profile', entityId: customerId },
      });
      approvalRequestId = r.requestId;
      // the approved limit and term travel in the request's facts; the assessment waits for the decision
      if (r.status === 'approved') await applyNow(tx, auth, a, limit, termDays, record, todayFor(auth));
      else await q.setAssessmentStatus(tx, a.id, 'pending_approval');
    } else {
      await applyNow(tx, auth, a, limit, termDays, record, todayFor(auth));
    }
    const after = await q.assessmentForUpdate(tx, a.id);
    return { status: after!.status === 'applied' ? 'applied' as const : 'pending_approval' as const, approvalRequestId, assessment: toAssessment(after!) };
  });
}

/** The credit_limit approval's end: approved applies the limit and term of the request's facts; otherwise rejected. */
export function creditLimitApprovalHandler(record: RecordLimitChange): ApprovalHandler {
  return {
    async onDecided(tx, actor, decision) {
      const a = await q.assessmentForUpdate(tx, decision.docId);
      if (!a || a.status !== 'pending_approval') return; // decided already, or withdrawn: nothing to do
      await lockCustomer(tx, a.customer_id);
      if (decision.outcome === 'approved') {
        const limit = String(decision.facts.amount ?? a.suggested_limit);
        const term = Number(decision.facts.paymentTermDays ?? a.suggested_term_days);
        await applyNow(tx, actor, a, limit, term, record, todayFor(actor));
      } else {
        await q.setAssessmentStatus(tx, a.id, 'rejected');
        await recordAudit(tx, actor, { action: 'reject', entityType: 'credit_assessment', entityId: a.id, changes: [{ field: 'status', before: a.status, after: 'rejected' }] });
      }
    },
  };
}

/** Finance releases a credit hold (the customer paid, or a decision to keep supplying). */
export async function releaseHold(db: Db, auth: AuthContext, customerId: string, reason: string) {
  return inTenant(db, auth, async (tx) => {
    await visible(tx, auth, customerId);
    await lockCustomer(tx, customerId);
    if (!(await releaseCreditHold(tx, auth, customerId, reason))) throw creditError('not_on_hold');
    return view(tx, customerId);
  });
}
