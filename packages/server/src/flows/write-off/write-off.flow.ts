// Request-level entry points of the write-off flow: each is one transaction, idempotent where it books money.
import type { z } from 'zod';
import { sql, type RawBuilder } from 'kysely';
import { dec, roundMoney, type CreditNoteCreate, type PaymentCreate, type WriteOffApply } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { createCreditNoteTx, loadReceivable, lockReceivables, receivableError, receivableScopeOf, toReceivable } from '../../domains/receivables/index.js';
import { loadPayment, registerPaymentTx, toPayment } from '../../domains/payments/index.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { applyWriteOffTx, reverseWriteOffTx } from './write-off.service.js';
import { proposeFor } from './proposal.js';
import { writeOffError } from './write-off.errors.js';
import * as q from './write-off.sql.js';

export async function registerPayment(db: Db, auth: AuthContext, input: z.infer<typeof PaymentCreate>, idempotencyKey?: string) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'payments.register', idempotencyKey, input, async () => {
    const p = await registerPaymentTx(tx, auth, input);
    let writeOffId: string | null = null;
    let applied = '0';
    if (p.status === 'confirmed' && input.autoApply) {
      // The payment is this transaction's own row and its customer is locked since registration: the engine takes
      // them as they are rather than locking and reading them again.
      const own = { id: p.id, customer_id: p.customerId, currency: p.currency, amount_unapplied: p.amount, status: p.status, number: p.number };
      const proposal = await proposeFor(tx, { ...own, remark: input.remark, bank_reference: input.bankReference }, input.autoApply, null, true);
      if (proposal.lines.length > 0) {
        writeOffId = await applyWriteOffTx(tx, auth, { customerId: p.customerId, appliedOn: p.receivedOn, memo: `auto: ${input.autoApply}`,
          lines: proposal.lines.map((l) => ({ receivableId: l.receivableId, source: { type: 'payment' as const, paymentId: p.id }, amount: l.amount })) },
        { customerLocked: true, ownPayments: [own], lockedReceivables: proposal.locked });
        applied = proposal.amountProposed;
      }
    }
    // The response from what was written (the write-off's invariant check has just confirmed unapplied = amount −
    // applied): reading the payment back cost the most expensive statement of the request.
    return { statusCode: 201, body: { ...toPayment({ ...p.row, amount_unapplied: roundMoney(dec(p.amount).minus(dec(applied)), p.currency) }), writeOffId } };
  }));
}

export async function propose(db: Db, auth: AuthContext, paymentId: string, strategy: 'oldest_due' | 'contract' | 'instalment', contractId: string | null) {
  // The payment in scope (else 404), and of its customer only the open invoices the caller may see.
  return inTenant(db, auth, async (tx) => proposeFor(tx, await loadPayment(tx, auth, paymentId), strategy, contractId, false, receivableScopeOf(auth)));
}

export async function applyWriteOff(db: Db, auth: AuthContext, input: z.infer<typeof WriteOffApply>, idempotencyKey?: string) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'write-offs.apply', idempotencyKey, input, async () => {
    // Booking on a customer outside the caller's scope is booking on a customer that does not exist (roles with
    // write_offs:create see the whole tenant today; the check keeps that true for any role given it later).
    if (auth.scope !== 'all' && !(await q.customerInScope(tx, input.customerId, auth.userId, auth.scope))) throw writeOffError('customer_not_found');
    const id = await applyWriteOffTx(tx, auth, input);
    return { statusCode: 201, body: await writeOffView(tx, id) };
  }));
}

export async function reverseWriteOff(db: Db, auth: AuthContext, id: string, reason: string, reversedOn?: string, idempotencyKey?: string) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'write-offs.reverse', idempotencyKey, { id, reason, reversedOn }, async () => {
    if (auth.scope !== 'all' && !(await q.findWriteOff(tx, id, scopeOf(auth)))) throw writeOffError('not_found');
    const reversalId = await reverseWriteOffTx(tx, auth, id, reason, reversedOn);
    return { statusCode: 201, body: await writeOffView(tx, reversalId) };
  }));
}

/** A credit note 红冲 against an invoice, applied to that invoice at once (its open amount drops by the note). */
export async function issueCreditNote(db: Db, auth: AuthContext, originalId: string, input: z.infer<typeof CreditNoteCreate>, idempotencyKey?: string) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'receivables.credit-note', idempotencyKey, { originalId, ...input }, async () => {
    // Lock order (docs/adr/0004-lock-order.md): the customer, then the invoice. The invoice locked first and the
    // customer after it deadlocked with payments, which lock the customer, then its invoices.
    const original = await loadReceivable(tx, auth, originalId); // in scope, else 404; its customer never changes
    if (!(await lockCustomer(tx, original.customer_id))) throw receivableError('not_found');
    const note = await createCreditNoteTx(tx, auth, originalId, input);
    await applyWriteOffTx(tx, auth, { customerId: note.customerId, appliedOn: input.businessDate, memo: `红冲 ${note.number}`,
      lines: [{ receivableId: originalId, source: { type: 'credit_note', creditNoteId: note.id }, amount: input.amount }] }, { customerLocked: true });
    return { statusCode: 201, body: toReceivable(await loadReceivable(tx, auth, note.id)) };
  }));
}

export async function getWriteOff(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => writeOffView(tx, id, scopeOf(auth)));
}

export async function listWriteOffs(db: Db, auth: AuthContext, filter: { customerId?: string | undefined; paymentId?: string | undefined; receivableId?: string | undefined; limit: number; cursor?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const before = decodeCursor(filter.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await q.listWriteOffs(tx, filter, filter.limit, before, scopeOf(auth));
    const page = rows.slice(0, filter.limit);
    const allocations = await q.allocationsOf(tx, page.map((w) => w.id));
    const last = page[page.length - 1];
    return { items: page.map((w) => shape(w, allocations.filter((a) => a.write_off_id === w.id))), nextCursor: rows.length > filter.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  });
}

const scopeOf = (auth: AuthContext) => q.writeOffScope(auth.userId, auth.scope);

/** A write-off as the API shows it; with `scope`, a write-off the caller may not see is a 404. */
async function writeOffView(tx: Tx, id: string, scope: RawBuilder<unknown> = sql`true`) {
  const w = await q.findWriteOff(tx, id, scope);
  if (!w) throw writeOffError('not_found');
  return shape(w, await q.allocationsOf(tx, [id]));
}

function shape(w: q.WriteOffRow, allocations: q.AllocationRow[]) {
  return {
    id: w.id, number: w.number, customerId: w.customer_id, kind: w.kind, reversesId: w.reverses_id, reversedById: w.reversed_by_id,
    appliedOn: w.applied_on, total: roundMoney(w.total), memo: w.memo, createdBy: w.created_by ? { id: w.created_by, name: w.created_by_name ?? '' } : null, createdAt: w.created_at,
    allocations: allocations.map((a) => ({ id: a.id, receivableId: a.receivable_id, receivableNumber: a.receivable_number, sourceType: a.source_type, paymentId: a.payment_id,
      paymentNumber: a.payment_number, creditNoteId: a.credit_note_id, creditNoteNumber: a.credit_note_number, amount: roundMoney(a.amount), appliedOn: a.applied_on, reversesId: a.reverses_id })),
  };
}

// Bad debt 坏账: requested by finance, approved by someone else with the right (executive or admin), then booked as a
// bad-debt write-off of the open amount.
export async function requestBadDebt(db: Db, auth: AuthContext, receivableId: string, input: { amount?: string | undefined; reason: string }) {
  return inTenant(db, auth, async (tx) => {
    const receivable = await loadReceivable(tx, auth, receivableId); // in scope, else 404
    await lockCustomer(tx, receivable.customer_id); // lock order: the customer, then its receivable
    // Under the receivable's row lock: one open request at a time (two clicks, two finance users), and the open amount
    // read here is the one the request is checked against. The partial unique index (migration 014) backs this up.
    const [r] = await lockReceivables(tx, [receivableId]);
    if (!r) throw receivableError('not_found');
    const pending = await sql<{ id: string }>`select id from bad_debt_requests where receivable_id = ${receivableId} and status = 'pending'`.execute(tx);
    if (pending.rows[0]) throw receivableError('bad_debt_request_pending', undefined, { pendingRequestId: pending.rows[0].id });
    const amount = input.amount ?? r.amount_open;
    if (dec(amount).lte(0) || dec(amount).gt(dec(r.amount_open))) throw receivableError('bad_debt_exceeds', undefined, { errors: [{ path: 'amount', message: `at most ${roundMoney(r.amount_open)}` }] });
    const id = (await sql<{ id: string }>`insert into bad_debt_requests (tenant_id, receivable_id, amount, reason, requested_by)
      values (${auth.tenantId}, ${receivableId}, ${roundMoney(amount)}::numeric, ${input.reason}, ${auth.userId}) returning id`.execute(tx)).rows[0]!.id;
    await recordAudit(tx, auth, { action: 'request_bad_debt', entityType: 'receivable', entityId: receivableId, changes: [{ field: 'badDebtRequested', before: null, after: roundMoney(amount) }, { field: 'reason', before: null, after: input.reason }] });
    return { id, receivableId, amount: roundMoney(amount), status: 'pending' as const };
  });
}

export async function decideBadDebt(db: Db, auth: AuthContext, requestId: string, approve: boolean, comment: string | null) {
  return inTenant(db, auth, async (tx) => {
    const req = (await sql<{ id: string; receivable_id: string; customer_id: string; amount: string; requested_by: string; reason: string }>`
      select b.id, b.receivable_id, r.customer_id, b.amount, b.requested_by, b.reason from bad_debt_requests b join receivables r on r.id = b.receivable_id
      where b.id = ${requestId} and ${receivableScopeOf(auth)}`.execute(tx)).rows[0];
    // A request on a receivable outside the caller's scope is not found, before its status or requester says anything.
    if (!req) throw receivableError('bad_debt_request_not_found');
    // Lock order (docs/adr/0004-lock-order.md): the customer, then the request (its status read under that lock: a
    // parallel decision may have just closed it), then the receivable in the write-off.
    await lockCustomer(tx, req.customer_id);
    const status = (await sql<{ status: string }>`select status from bad_debt_requests where id = ${requestId} for update`.execute(tx)).rows[0]!.status;
    if (status !== 'pending') throw receivableError('bad_debt_request_closed');
    if (req.requested_by === auth.userId) throw receivableError('self_approval');
    const r = await loadReceivable(tx, auth, req.receivable_id);
    let writeOffId: string | null = null;
    if (approve) {
      writeOffId = await applyWriteOffTx(tx, auth, { customerId: r.customer_id, memo: `坏账 ${req.reason}`, lines: [{ receivableId: r.id, source: { type: 'bad_debt' }, amount: req.amount }] }, { kind: 'bad_debt', customerLocked: true });
    }
    await sql`update bad_debt_requests set status = ${approve ? 'approved' : 'rejected'}, decided_by = ${auth.userId}, decided_at = now(),
      decision_comment = ${comment}, write_off_id = ${writeOffId} where id = ${requestId}`.execute(tx);
    await recordAudit(tx, auth, { action: approve ? 'approve' : 'reject', entityType: 'bad_debt_request', entityId: requestId, changes: [{ field: 'status', before: 'pending', after: approve ? 'approved' : 'rejected' }] });
    return { id: requestId, status: approve ? 'approved' : 'rejected', writeOffId };
  });
}
