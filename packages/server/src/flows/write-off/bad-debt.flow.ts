// Bad debt 坏账 through the approval engine: finance requests a write-off of what is open on a receivable; the request
// is submitted as an approval document (type bad_debt, built-in definition in approvals.rules.ts: a second person with
// the approve right, an executive from 50,000); on the final approval the engine calls badDebtApprovalHandler in its
// transaction, which books the bad-debt write-off; a rejection or return closes the request.
import { dec, roundMoney } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit.js';
import {
  badDebtRequestInScope, closeBadDebtRequestWith, loadReceivable, lockReceivables, openBadDebtRequest, receivableError,
} from '../../domains/receivables/index.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { actOnApprovalTx, approvalError, pendingApprovalOf, submitForApproval, type ApprovalDecision, type ApprovalHandler } from '../../domains/approvals/index.js';
import { applyWriteOffTx } from './write-off.service.js';

export async function requestBadDebt(db: Db, auth: AuthContext, receivableId: string, input: { amount?: string | undefined; reason: string }) {
  return inTenant(db, auth, async (tx) => {
    const receivable = await loadReceivable(tx, auth, receivableId); // in scope, else 404
    await lockCustomer(tx, receivable.customer_id); // lock order: the customer, then its receivable
    // Under the receivable's row lock: one open request at a time (two clicks, two finance users), and the open amount
    // read here is the one the request is checked against. The partial unique index (migration 014) backs this up.
    const [r] = await lockReceivables(tx, [receivableId]);
    if (!r) throw receivableError('not_found');
    const amount = input.amount ?? r.amount_open;
    if (dec(amount).lte(0) || dec(amount).gt(dec(r.amount_open))) throw receivableError('bad_debt_exceeds', undefined, { errors: [{ path: 'amount', message: `at most ${roundMoney(r.amount_open, r.currency)}` }] });
    const rounded = roundMoney(amount, r.currency);
    const id = await openBadDebtRequest(tx, { tenantId: auth.tenantId, receivableId, amount: rounded, reason: input.reason, requestedBy: auth.userId });
    await recordAudit(tx, auth, { action: 'request_bad_debt', entityType: 'receivable', entityId: receivableId, changes: [{ field: 'badDebtRequested', before: null, after: rounded }, { field: 'reason', before: null, after: input.reason }] });
    // The approval's steps go to the receivable's audit trail and its notices open the receivable.
    const facts = { amount: rounded, currency: r.currency, amountOpen: roundMoney(r.amount_open, r.currency), reason: input.reason, customerName: receivable.customer_name };
    const approval = await submitForApproval(tx, auth, {
      docType: 'bad_debt', docId: id, docNumber: receivable.number, title: `${receivable.customer_name} · ${input.reason}`, facts,
      audit: { entityType: 'receivable', entityId: receivableId },
    });
    // A tenant's definition without steps approves at once; the request row is this transaction's own, so locking it
    // after the receivable cannot meet another transaction.
    if (approval.status === 'approved') await bookDecision(tx, auth, { requestId: approval.requestId, docType: 'bad_debt', docId: id, outcome: 'approved', comment: null, facts });
    return { id, receivableId, amount: rounded, status: approval.status, approvalId: approval.requestId };
  });
}

/**
 * The engine's callback for bad_debt, inside the deciding transaction. Lock order (docs/adr/0004-lock-order.md): the
 * approval request (the engine), the customer, the bad-debt request (its status read under those locks), then the
 * receivable in the write-off. Idempotent: a request already closed the same way is left as it is, never booked twice.
 */
async function bookDecision(tx: Tx, actor: Actor, d: ApprovalDecision): Promise<void> {
  const status = d.outcome === 'approved' ? 'approved' : 'rejected'; // a returned request is closed too: there is nothing to edit
  const { closed } = await closeBadDebtRequestWith(tx, actor, d.docId, status, d.comment, (req) =>
    applyWriteOffTx(tx, actor, { customerId: req.customerId, memo: `坏账 ${req.reason}`, lines: [{ receivableId: req.receivableId, source: { type: 'bad_debt' }, amount: req.amount }] }, { kind: 'bad_debt', customerLocked: true }));
  if (closed) await recordAudit(tx, actor, { action: status === 'approved' ? 'approve' : 'reject', entityType: 'bad_debt_request', entityId: d.docId, changes: [{ field: 'status', before: 'pending', after: status }] });
}

export const badDebtApprovalHandler: ApprovalHandler = { onDecided: bookDecision };

/**
 * POST /bad-debt-requests/:id/approve|reject, kept for clients: the caller's decision on the request's approval, through
 * the engine (same steps, audit and notices as the inbox). Nothing is locked before the engine locks the approval.
 */
export async function decideBadDebt(db: Db, auth: AuthContext, requestId: string, approve: boolean, comment: string | null) {
  return inTenant(db, auth, async (tx) => {
    // A request on a receivable outside the caller's scope is not found, before its status or requester says anything.
    const before = await badDebtRequestInScope(tx, auth, requestId);
    if (before.status !== 'pending') throw receivableError('bad_debt_request_closed');
    if (before.requestedBy?.id === auth.userId) throw receivableError('self_approval');
    const approvalId = await pendingApprovalOf(tx, 'bad_debt', requestId);
    if (!approvalId) throw receivableError('bad_debt_request_closed');
    try {
      await actOnApprovalTx(tx, auth, approvalId, approve ? 'approve' : 'reject', comment);
    } catch (err) {
      // Said in this route's words: decided meanwhile → closed; not among the step's approvers → not yours to decide.
      if (err instanceof DomainError && err.code === 'approvals.not_pending') throw receivableError('bad_debt_request_closed');
      if (err instanceof DomainError && err.code === 'approvals.not_found') throw approvalError('not_your_step');
      throw err;
    }
    const after = await badDebtRequestInScope(tx, auth, requestId);
    return { id: requestId, status: after.status, writeOffId: after.writeOffId, approvalId };
  });
}
