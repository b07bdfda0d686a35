// Amendments 补充协议: after signing, lines, amounts, plan and terms change only through an amendment that goes through
// the approval engine and applies when approved. Instalments already triggered or invoiced stay as they are; the new
// plan covers the rest. Before and after are kept on the amendment, and the contract's audit trail has the diff.
import { dec, roundMoney, type AmendmentInput, type ApprovalFacts } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit, diffRecords } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { submitForApproval, type ApprovalDecision } from '../approvals/index.js';
import { contractError } from './contracts.errors.js';
import * as q from './contracts.sql.js';
import * as lq from './lifecycle.sql.js';
import { auditView, loadVisible, toContract } from './contracts.service.js';
import { commitCredit, creditCheck, termIssues } from './compliance.js';
import { computeLines, computePlan, linesFromRows, planFromRows, planIssues, sumOf, type PlanItem } from './terms.js';

type Proposal = Omit<AmendmentInput, 'version'>;

/** The terms the amendment would put in force, computed against the contract as it is now. */
async function buildProposal(tx: Tx, row: q.ContractRow, p: Proposal) {
  const plan = await q.instalmentsOf(tx, row.id, true);
  const locked = plan.filter((i) => i.triggered_on !== null || i.receivable_id !== null);
  const open = plan.filter((i) => !locked.includes(i));
  const pricesIncludeTax = p.pricesIncludeTax ?? row.prices_include_tax;
  const computed = computeLines(row.kind, p.lines ?? linesFromRows(await q.linesOf(tx, row.id)), pricesIncludeTax, row.currency);
  const lockedAmount = sumOf(locked.map((i) => i.amount), row.currency);
  const lockedTax = sumOf(locked.map((i) => i.tax_amount), row.currency);
  const base = roundMoney(dec(computed.totals.amountInclTax).minus(dec(lockedAmount)), row.currency);
  const taxBase = roundMoney(dec(computed.totals.taxAmount).minus(dec(lockedTax)), row.currency);
  const items: PlanItem[] = p.instalments ?? planFromRows(open, row.currency);
  const firstSeq = Math.max(0, ...locked.map((i) => i.seq)) + 1;
  const instalments = computePlan(base, taxBase, items, row.currency, row.owner_id, firstSeq);
  const paymentTermDays = p.paymentTermDays ?? row.payment_term_days;
  const issues = [
    ...(dec(base).isNegative() ? [{ code: 'plan_mismatch' as const, path: 'lines', message: `the new total is below the ${lockedAmount} already invoiced`, severity: 'block' as const }] : []),
    ...(dec(base).gt(0) || instalments.length > 0 ? planIssues(row.kind, base, instalments, row.currency, locked.length > 0 ? 'the amount left to plan' : 'the contract total') : []),
  ];
  return {
    computed, instalments, keep: locked.map((i) => i.id), issues, paymentTermDays, pricesIncludeTax,
    terms: {
      paymentTermDays, pricesIncludeTax,
      deliveryTerms: p.deliveryTerms !== undefined ? p.deliveryTerms : row.delivery_terms,
      paymentTerms: p.paymentTerms !== undefined ? p.paymentTerms : row.payment_terms,
      periodEnd: p.periodEnd !== undefined ? p.periodEnd : row.period_end,
    },
  };
}

/** An amendment of a contract in `currency` (the contract's: amendments hold no currency of their own). */
function toAmendment(a: lq.AmendmentRow, currency: string) {
  return {
    id: a.id, number: a.number, contractId: a.contract_id, seq: a.seq, status: a.status as 'in_approval' | 'approved' | 'rejected' | 'returned' | 'cancelled',
    reason: a.reason, amountBefore: roundMoney(a.amount_before, currency), amountAfter: roundMoney(a.amount_after, currency),
    before: a.before, after: a.status === 'approved' ? a.after : a.proposal,
    createdBy: a.created_by ? { id: a.created_by, name: a.created_by_name ?? '' } : null, createdAt: a.created_at, decidedAt: a.decided_at,
  };
}

export async function listAmendments(db: Db, auth: AuthContext, contractId: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, contractId);
    return { items: (await lq.amendmentsOf(tx, contractId)).map((a) => toAmendment(a, row.currency)) };
  });
}

export async function createAmendment(db: Db, auth: AuthContext, contractId: string, input: AmendmentInput) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, contractId, true);
    if (!['signed', 'in_performance'].includes(row.status)) throw contractError('bad_status', `Amend a signed contract; a ${row.status} contract ${row.status === 'draft' ? 'is edited directly' : 'cannot be amended'}`);
    if (row.version !== input.version) throw commonError('version_conflict');
    if (await lq.pendingAmendmentOf(tx, contractId)) throw contractError('amendment_pending');
    const { version: _v, ...proposal } = input;
    const built = await buildProposal(tx, row, proposal);
    const credit = await creditCheck(tx, auth.tenantId, row, dec(built.computed.totals.amountInclTax).minus(dec(await lq.invoicedOn(tx, contractId))).toString(), false);
    const blocking = [...built.issues, ...termIssues(built.paymentTermDays, built.instalments, credit.allowedTermDays)];
    if (blocking.length > 0) {
      throw contractError('compliance_failed', blocking.map((i) => `${i.path}: ${i.message}`).join('; '), { errors: blocking.map((i) => ({ path: i.path, message: i.message })) });
    }
    const summary = { ...proposal, amountInclTax: built.computed.totals.amountInclTax, taxAmount: built.computed.totals.taxAmount };
    const a = await lq.insertAmendment(tx, {
      tenantId: auth.tenantId, contractId, number: row.number, reason: input.reason, baseVersion: row.version, proposal: summary,
      amountBefore: row.amount_incl_tax, amountAfter: built.computed.totals.amountInclTax, userId: auth.userId,
    });
    await recordAudit(tx, auth, {
      action: 'amend_submit', entityType: 'contract', entityId: contractId,
      changes: [{ field: 'amendment', before: null, after: a.number }, { field: 'reason', before: null, after: input.reason },
        { field: 'amountInclTax', before: roundMoney(row.amount_incl_tax, row.currency), after: built.computed.totals.amountInclTax }],
    });
    const facts: ApprovalFacts = {
      amount: built.computed.totals.amountInclTax, amountBefore: roundMoney(row.amount_incl_tax, row.currency),
      amountDelta: roundMoney(dec(built.computed.totals.amountInclTax).minus(dec(row.amount_incl_tax)), row.currency), maxDiscount: built.computed.maxDiscount,
      paymentTermDays: built.paymentTermDays, riskLevel: credit.riskLevel, overCredit: credit.over, kind: row.kind, customerGrade: row.customer_grade,
    };
    const approval = await submitForApproval(tx, auth, {
      docType: 'contract_amendment', docId: a.id, docNumber: a.number, title: `${row.title} · ${input.reason}`, facts,
      audit: { entityType: 'contract', entityId: contractId },
    });
    if (approval.status === 'approved') await decideAmendment(tx, auth, { requestId: approval.requestId, docType: 'contract_amendment', docId: a.id, outcome: 'approved', comment: null, facts });
    return toAmendment((await lq.findAmendment(tx, a.id))!, row.currency);
  });
}

/** The approval engine's callback for 'contract_amendment': apply the new terms, or record the refusal. */
export async function decideAmendment(tx: Tx, actor: Actor, d: ApprovalDecision): Promise<void> {
  const a = await lq.findAmendment(tx, d.docId, true);
  if (!a || a.status !== 'in_approval') throw contractError('amendment_not_found');
  const row = (await q.findContract(tx, a.contract_id, q.anyScope, true))!;
  if (d.outcome !== 'approved') {
    await lq.decideAmendment(tx, a.id, d.outcome === 'withdrawn' ? 'cancelled' : d.outcome, {}, {}); // withdrawn by its submitter: cancelled
    await recordAudit(tx, actor, { action: 'amend_refused', entityType: 'contract', entityId: row.id, changes: [{ field: 'amendment', before: a.number, after: d.outcome }, ...(d.comment ? [{ field: 'reason', before: null, after: d.comment }] : [])] });
    return;
  }
  if (!['signed', 'in_performance'].includes(row.status)) throw contractError('amendment_stale', `The contract is ${row.status} now`);
  const built = await buildProposal(tx, row, a.proposal as Proposal);
  if (built.issues.length > 0) throw contractError('amendment_stale', built.issues.map((i) => i.message).join('; '));
  if (dec(built.computed.totals.amountInclTax).gt(dec(row.amount_incl_tax))) {
    await commitCredit(tx, actor.tenantId, row, dec(built.computed.totals.amountInclTax).minus(dec(await lq.invoicedOn(tx, row.id))).toString(), d.facts.overCredit === true);
  }
  const before = auditView(await toContract(tx, row));
  await q.replaceLines(tx, actor.tenantId, row.id, built.computed.lines);
  await q.replaceInstalments(tx, actor.tenantId, row.id, built.instalments, built.keep);
  await q.setTotals(tx, row.id, { ...built.computed.totals, maxDiscountRate: built.computed.maxDiscount });
  await lq.touchContract(tx, row.id, built.terms);
  const after = auditView(await toContract(tx, (await q.findContract(tx, row.id, q.anyScope))!));
  await lq.decideAmendment(tx, a.id, 'approved', before, after);
  await recordAudit(tx, actor, {
    action: 'amend', entityType: 'contract', entityId: row.id,
    changes: [{ field: 'amendment', before: null, after: a.number }, ...diffRecords(before, after)],
  });
}
