// Payments 回款: a rep registers money the customer says they sent (claimed); finance confirms it against the bank
// (confirmed) or rejects it. Confirmed money that is not yet written off sits on the customer's prepaid account.
import type { z } from 'zod';
import { can, dec, roundMoney, type PaymentCreate, type PaymentListQuery, type PaymentSchema } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { emitEvent } from '../../platform/outbox.js';
import { nextDocNumber, nextDocNumbers } from '../../platform/sequences.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { lockCustomer } from '../credit/index.js';
import { paymentError } from './payments.errors.js';
import * as q from './payments.sql.js';

export type Payment = z.infer<typeof PaymentSchema>;

export function toPayment(r: q.PaymentRow): Payment {
  const files = (r.files ?? []).map(toPaymentFile);
  // Declared metadata first, then every uploaded file not already declared with the same content.
  const declared = new Set(r.attachments.map((a) => a.sha256));
  const attachments = [...r.attachments, ...files.filter((f) => !declared.has(f.sha256)).map((f) => ({ name: f.name, sha256: f.sha256, size: f.size }))];
  return {
    id: r.id, number: r.number, customer: { id: r.customer_id, name: r.customer_name }, currency: r.currency,
    amount: roundMoney(r.amount, r.currency), amountUnapplied: roundMoney(r.amount_unapplied, r.currency),
    amountApplied: roundMoney(dec(r.amount).minus(dec(r.amount_unapplied)), r.currency), receivedOn: r.received_on, method: r.method,
    payerName: r.payer_name, payerAccount: r.payer_account, bankReference: r.bank_reference, remark: r.remark, attachments, files,
    status: r.status, registeredBy: r.registered_by ? { id: r.registered_by, name: r.registered_name ?? '' } : null,
    confirmedBy: r.confirmed_by ? { id: r.confirmed_by, name: r.confirmed_name ?? '' } : null, confirmedAt: r.confirmed_at,
    rejectedReason: r.rejected_reason, version: r.version, createdAt: r.created_at,
  };
}

export function toPaymentFile(f: q.PaymentFileMeta) {
  return {
    id: f.id, name: f.name, contentType: f.content_type, size: f.size, sha256: f.sha256,
    uploadedBy: f.uploaded_by ? { id: f.uploaded_by, name: f.uploaded_name ?? '' } : null, uploadedAt: new Date(f.created_at).toISOString(),
  };
}

const scopeOf = (auth: AuthContext) => q.paymentScope(auth.userId, auth.scope);

export async function loadPayment(tx: Tx, auth: AuthContext, id: string) {
  const row = await q.findPayment(tx, id, scopeOf(auth));
  if (!row) throw paymentError('not_found');
  return row;
}

/** For the audit trail: may this caller read the history of this payment? */
export async function canSeePayment(db: Db, auth: AuthContext, id: string): Promise<boolean> {
  return inTenant(db, auth, async (tx) => !!(await q.findPayment(tx, id, scopeOf(auth))));
}

export async function getPayment(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => toPayment(await loadPayment(tx, auth, id)));
}

export async function listPayments(db: Db, auth: AuthContext, query: z.infer<typeof PaymentListQuery>) {
  const where = [scopeOf(auth), ...q.paymentListWhere(query)];
  const desc = query.sort.startsWith('-');
  const after = decodeCursor(query.cursor, ['date', 'uuid']) as [unknown, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listPayments(tx, where, desc, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toPayment), nextCursor: rows.length > query.limit && last ? encodeCursor([last.received_on, last.id]) : null };
}

/** Register a payment inside the caller's transaction; a bank reference already booked is a 409 naming it. */
export interface RegisteredPayment {
  id: string; number: string; customerId: string; currency: string; amount: string; receivedOn: string; status: 'claimed' | 'confirmed';
  /** The row as a read would return it, from what this transaction wrote (no files yet, nothing applied yet). */
  row: q.PaymentRow;
  /** The numbers asked for with `alsoNumbers` (same year as the payment's), in that order. */
  alsoNumbers: string[];
}

/**
 * Book a payment under its customer's lock (the caller's transaction). With `confirm` (finance only) it is booked
 * confirmed at once — one row, one prepaid entry, one audit entry — rather than claimed then confirmed.
 */
export async function registerPaymentTx(tx: Tx, auth: AuthContext, input: z.infer<typeof PaymentCreate>, opts: { alsoNumbers?: string[] | (() => Promise<string[]>) } = {}): Promise<RegisteredPayment> {
  if (input.confirm && !can(auth.role, 'payments', 'confirm')) throw paymentError('confirm_not_allowed');
  // Only for a customer in the caller's scope: a rep registers money for her customers, finance and admins for any.
  const customer = await lockCustomer(tx, input.customerId, auth);
  if (!customer) throw paymentError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer' }] });
  // `alsoNumbers`: the write-off that follows takes its number in the same statement as the payment's. Given as a
  // function, it runs here, under the customer's lock and before the numbers (the automatic write-off locks the
  // invoices it will pay, and asks for its number only if there are any).
  const also = typeof opts.alsoNumbers === 'function' ? await opts.alsoNumbers() : (opts.alsoNumbers ?? []);
  const numbers = also.length
    ? await nextDocNumbers(tx, auth, ['HK', ...also], input.receivedOn)
    : [await nextDocNumber(tx, auth, 'HK', input.receivedOn)];
  const number = numbers[0]!;
  const alsoNumbers = numbers.slice(1);
  const amount = roundMoney(input.amount, input.currency);
  const status = input.confirm ? 'confirmed' : 'claimed';
  const inserted = await q.insertPayment(tx, {
    tenantId: auth.tenantId, number, customerId: input.customerId, currency: input.currency, amount,
    receivedOn: input.receivedOn, method: input.method, payerName: input.payerName, payerAccount: input.payerAccount,
    bankReference: input.bankReference, remark: input.remark, attachments: input.attachments, registeredBy: auth.userId,
    confirmedBy: input.confirm ? auth.userId : null,
  });
  if (!inserted) {
    const existing = await q.findByBankReference(tx, input.bankReference!);
    throw paymentError('duplicate_bank_reference', `Bank reference ${input.bankReference} is already booked`, {
      errors: [{ path: 'bankReference', message: 'already booked' }], candidates: [{ id: existing }],
    });
  }
  const id = inserted.id; // booked confirmed, its prepaid entry came with the insert
  await recordAudit(tx, auth, { action: 'create', entityType: 'payment', entityId: id,
    after: { number, customerId: input.customerId, amount, receivedOn: input.receivedOn, method: input.method, bankReference: input.bankReference, status } });
  await emitEvent(tx, auth, { type: 'payment.registered', entityType: 'payment', entityId: id, data: { id, number, customerId: input.customerId, currency: input.currency, amount, receivedOn: input.receivedOn, method: input.method, status } });
  const row: q.PaymentRow = {
    id, number, customer_id: input.customerId, customer_name: customer.name, currency: input.currency, amount, amount_unapplied: amount,
    received_on: input.receivedOn, method: input.method, payer_name: input.payerName, payer_account: input.payerAccount,
    bank_reference: input.bankReference, remark: input.remark, attachments: input.attachments, status,
    registered_by: auth.userId, registered_name: auth.name, confirmed_by: input.confirm ? auth.userId : null,
    confirmed_name: input.confirm ? auth.name : null, confirmed_at: inserted.confirmed_at, rejected_reason: null,
    version: inserted.version, created_at: inserted.created_at, files: [],
  };
  return { id, number, customerId: input.customerId, currency: input.currency, amount, receivedOn: input.receivedOn, status, row, alsoNumbers };
}

/** claimed → confirmed: the money is real; it lands on the prepaid account until written off. */
export async function confirmPaymentTx(tx: Tx, auth: AuthContext, id: string, version: number | null) {
  if (!can(auth.role, 'payments', 'confirm')) throw paymentError('confirm_not_allowed');
  // Lock order (docs/adr/0004-lock-order.md): the customer, then the payment — the order write-offs take.
  await lockCustomer(tx, (await loadPayment(tx, auth, id)).customer_id);
  const [p] = await q.lockPayments(tx, [id]);
  if (version !== null && p!.version !== version) throw commonError('version_conflict');
  if (p!.status !== 'claimed') throw paymentError('not_claimed');
  await q.setStatus(tx, id, { status: 'confirmed', confirmedBy: auth.userId });
  const row = (await q.findPayment(tx, id, q.anyScope))!;
  await q.insertAccountEntry(tx, { tenantId: auth.tenantId, customerId: p!.customer_id, account: 'prepaid', amount: p!.amount, businessDate: row.received_on,
    kind: 'payment_confirmed', refType: 'payment', refId: id, memo: p!.number, createdBy: auth.userId });
  await recordAudit(tx, auth, { action: 'confirm', entityType: 'payment', entityId: id, changes: [{ field: 'status', before: 'claimed', after: 'confirmed' }] });
  await emitEvent(tx, auth, { type: 'payment.confirmed', entityType: 'payment', entityId: id, data: { id, number: p!.number, customerId: p!.customer_id, currency: row.currency, amount: p!.amount, status: 'confirmed' } });
}

export async function confirmPayment(db: Db, auth: AuthContext, id: string, version: number) {
  return inTenant(db, auth, async (tx) => {
    await confirmPaymentTx(tx, auth, id, version);
    return toPayment(await loadPayment(tx, auth, id));
  });
}

export async function rejectPayment(db: Db, auth: AuthContext, id: string, reason: string, version: number) {
  return inTenant(db, auth, async (tx) => {
    if (!can(auth.role, 'payments', 'confirm')) throw paymentError('confirm_not_allowed');
    await lockCustomer(tx, (await loadPayment(tx, auth, id)).customer_id); // lock order: customer, then payment
    const [p] = await q.lockPayments(tx, [id]);
    if (p!.version !== version) throw commonError('version_conflict');
    if (p!.status !== 'claimed') throw paymentError('not_claimed');
    await q.setStatus(tx, id, { status: 'rejected', rejectedReason: reason });
    await recordAudit(tx, auth, { action: 'reject', entityType: 'payment', entityId: id, changes: [{ field: 'status', before: 'claimed', after: 'rejected' }, { field: 'rejectedReason', before: null, after: reason }] });
    await emitEvent(tx, auth, { type: 'payment.rejected', entityType: 'payment', entityId: id, data: { id, status: 'rejected', reason } });
    return toPayment(await loadPayment(tx, auth, id));
  });
}
