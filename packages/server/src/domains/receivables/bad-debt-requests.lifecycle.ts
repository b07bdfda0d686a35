// The life of a bad-debt request 坏账核销申请 as receivables keeps it: opened on a receivable (one pending at a time),
// closed once by the approval's outcome. The booking itself (the bad-debt write-off) is the write-off flow's; it is
// passed in, so the lock order stays in one place (docs/adr/0004-lock-order.md: customer → request → receivable).
import type { Actor, Tx } from '../../platform/db.js';
import { lockCustomer } from '../credit/index.js';
import { receivableError } from './receivables.errors.js';
import * as q from './bad-debt-requests.sql.js';

/**
 * Open a request on a receivable whose row the caller has locked (so two clicks or two finance users cannot both
 * open one; the partial unique index of migration 014 backs this up). 409 when one is already pending.
 */
export async function openBadDebtRequest(tx: Tx, x: { tenantId: string; receivableId: string; amount: string; reason: string; requestedBy: string }): Promise<string> {
  const pending = await q.pendingBadDebtRequestOn(tx, x.receivableId);
  if (pending) throw receivableError('bad_debt_request_pending', undefined, { pendingRequestId: pending });
  return q.insertBadDebtRequest(tx, x);
}

export type BadDebtOutcome = 'approved' | 'rejected';
export interface BadDebtToBook { customerId: string; receivableId: string; amount: string; reason: string }

/**
 * Close a request with its approval's outcome: lock its customer, then the request, and — when approved — let `book`
 * write the amount off (returning the write-off's id). Idempotent: a request already closed the same way is left as it
 * is and nothing is booked twice; closed the other way, 409.
 */
export async function closeBadDebtRequestWith(
  tx: Tx, actor: Actor, requestId: string, outcome: BadDebtOutcome, comment: string | null,
  book: (request: BadDebtToBook) => Promise<string>,
): Promise<{ closed: boolean }> {
  const head = await q.badDebtRequestHead(tx, requestId);
  if (!head) throw receivableError('bad_debt_request_not_found');
  await lockCustomer(tx, head.customer_id);
  const req = await q.lockBadDebtRequest(tx, requestId);
  if (!req) throw receivableError('bad_debt_request_not_found');
  if (req.status !== 'pending') {
    if (req.status === outcome) return { closed: false };
    throw receivableError('bad_debt_request_closed');
  }
  const writeOffId = outcome === 'approved'
    ? await book({ customerId: head.customer_id, receivableId: req.receivable_id, amount: req.amount, reason: req.reason })
    : null;
  await q.closeBadDebtRequest(tx, req.id, { status: outcome, decidedBy: actor.userId, comment, writeOffId });
  return { closed: true };
}
