// Request-level entry points of the write-off flow: each is one transaction, idempotent where it books money.
import type { z } from 'zod';
import type { RawBuilder } from 'kysely';
import { BOOK_CURRENCY, dec, roundMoney, type CreditNoteCreate, type PaymentCreate, type WriteOffApply } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { todayFor } from '../../platform/clock.js';
import { createCreditNoteTx, loadReceivable, lockReceivables, receivableError, receivableScopeOf, toReceivable } from '../../domains/receivables/index.js';
import { loadPayment, registerPaymentTx, toPayment } from '../../domains/payments/index.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { applyWriteOffTx, reverseWriteOffTx } from './write-off.service.js';
import { proposeFor } from './proposal.js';
import { writeOffError } from './write-off.errors.js';
import * as q from './write-off.sql.js';

export async function registerPayment(db: Db, auth: AuthContext, input: z.infer<typeof PaymentCreate>, idempotencyKey?: string) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'payments.register', idempotencyKey, input, async () => {
    // The automatic write-off's proposal runs under the customer's lock before the payment's number is taken (lock
    // order: key → customer → invoices, docs/adr/0004): it locks and reads the invoices the amount reaches, and the
    // write-off's number comes in the payment's statement only when it will pay something — one statement for both
    // numbers, no gap when there is nothing to pay (on PGlite numbers are taken in the transaction, on a server on
    // the side pool).
    let proposal: Awaited<ReturnType<typeof proposeFor>> | null = null;
    const autoApply = input.confirm ? input.autoApply : undefined;
    const p = await registerPaymentTx(tx, auth, input, autoApply ? {
      alsoNumbers: async () => {
        // the payment as it will be booked: confirmed, nothing applied yet (its id is not needed to propose)
        const amount = roundMoney(input.amount, input.currency);
        proposal = await proposeFor(tx, { id: null, customer_id: input.customerId, currency: input.currency, amount_unapplied: amount, remark: input.remark, bank_reference: input.bankReference }, autoApply, null, true);
        return proposal.lines.length > 0 ? ['HX'] : [];
      },
    } : {});
    let writeOffId: string | null = null;
    let applied = '0';
    const proposed = proposal as Awaited<ReturnType<typeof proposeFor>> | null;
    if (p.status === 'confirmed' && autoApply && proposed && proposed.lines.length > 0) {
      // The payment is this transaction's own row and its customer is locked since registration: the engine takes
      // them as they are rather than locking and reading them again.
      const own = { id: p.id, customer_id: p.customerId, currency: p.currency, amount_unapplied: p.amount, status: p.status, number: p.number };
      writeOffId = await applyWriteOffTx(tx, auth, { customerId: p.customerId, appliedOn: p.receivedOn, memo: `auto: ${autoApply}`,
        lines: proposed.lines.map((l) => ({ receivableId: l.receivableId, source: { type: 'payment' as const, paymentId: p.id }, amount: l.amount })) },
      { customerLocked: true, ownPayments: [own], lockedReceivables: proposed.locked, number: p.alsoNumbers[0]! });
      applied = proposed.amountProposed;
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
    return { statusCode: 201, body: toReceivable(await loadReceivable(tx, auth, note.id), todayFor(auth)) };
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
async function writeOffView(tx: Tx, id: string, scope: RawBuilder<unknown> = q.anyScope) {
  const w = await q.findWriteOff(tx, id, scope);
  if (!w) throw writeOffError('not_found');
  return shape(w, await q.allocationsOf(tx, [id]));
}

function shape(w: q.WriteOffRow, allocations: q.AllocationRow[]) {
  const currency = allocations[0]?.currency ?? BOOK_CURRENCY; // a write-off is in its receivables' one currency
  return {
    id: w.id, number: w.number, customerId: w.customer_id, kind: w.kind, reversesId: w.reverses_id, reversedById: w.reversed_by_id,
    appliedOn: w.applied_on, total: roundMoney(w.total, currency), memo: w.memo, createdBy: w.created_by ? { id: w.created_by, name: w.created_by_name ?? '' } : null, createdAt: w.created_at,
    allocations: allocations.map((a) => ({ id: a.id, receivableId: a.receivable_id, receivableNumber: a.receivable_number, sourceType: a.source_type, paymentId: a.payment_id,
      paymentNumber: a.payment_number, creditNoteId: a.credit_note_id, creditNoteNumber: a.credit_note_number, amount: roundMoney(a.amount, a.currency), appliedOn: a.applied_on, reversesId: a.reverses_id })),
  };
}

// Bad debt 坏账 (request, approval, booking) is in bad-debt.flow.ts.
