// Payments 待认领 (unclaimed) from bank statement lines, for flows/bank-reconciliation: booked without a customer, then
// claimed 认领 for one — a rep for her own customer, finance or the matcher for any — or rejected as no customer's money.
// A claimed bank payment is confirmed at once: the statement is the proof that finance otherwise checks by hand.
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { paymentError } from './payments.errors.js';
import * as q from './unclaimed.sql.js';
import { insertAccountEntry } from './payments.sql.js';

export interface UnclaimedInput {
  currency: string; amount: string; receivedOn: string; payerName: string | null; payerAccount: string | null;
  bankReference: string | null; remark: string | null;
}

export async function registerUnclaimedPaymentTx(tx: Tx, actor: Actor, input: UnclaimedInput): Promise<{ id: string; number: string }> {
  const number = await nextDocNumber(tx, actor, 'HK', Number(input.receivedOn.slice(0, 4)));
  const { id } = await q.insertUnclaimed(tx, { tenantId: actor.tenantId, number, ...input, registeredBy: actor.userId });
  await recordAudit(tx, actor, { action: 'create', entityType: 'payment', entityId: id,
    after: { number, amount: input.amount, currency: input.currency, receivedOn: input.receivedOn, payerName: input.payerName, status: 'unclaimed' } });
  return { id, number };
}

/**
 * Claim an unclaimed payment for a customer and confirm it: the money lands on the customer's prepaid account 预收 until
 * written off. The caller holds the customer lock (and any receivable locks) already — ADR 0004: customer, receivables,
 * then this payment. Returns the payment as the write-off engine takes a payment its transaction booked.
 */
export async function claimPaymentTx(tx: Tx, actor: Actor, id: string, customerId: string) {
  const p = await q.lockUnclaimed(tx, id);
  if (!p) throw paymentError('not_found');
  if (p.status !== 'unclaimed') throw paymentError('not_unclaimed');
  await q.claimUnclaimed(tx, id, customerId, actor.userId);
  await insertAccountEntry(tx, { tenantId: actor.tenantId, customerId, account: 'prepaid', amount: p.amount, businessDate: p.received_on,
    kind: 'payment_confirmed', refType: 'payment', refId: id, memo: p.number, createdBy: actor.userId });
  await recordAudit(tx, actor, { action: 'claim', entityType: 'payment', entityId: id, changes: [
    { field: 'customerId', before: null, after: customerId }, { field: 'status', before: 'unclaimed', after: 'confirmed' }] });
  return { id, customer_id: customerId, currency: p.currency, amount_unapplied: p.amount, status: 'confirmed', number: p.number };
}

export async function rejectUnclaimedPaymentTx(tx: Tx, actor: Actor, id: string, reason: string) {
  const p = await q.lockUnclaimed(tx, id);
  if (!p) throw paymentError('not_found');
  if (p.status !== 'unclaimed') throw paymentError('not_unclaimed');
  await q.rejectUnclaimed(tx, id, reason);
  await recordAudit(tx, actor, { action: 'reject', entityType: 'payment', entityId: id, changes: [
    { field: 'status', before: 'unclaimed', after: 'rejected' }, { field: 'rejectedReason', before: null, after: reason }] });
}
