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
  const number = await nextDocNumber(tx, actor, 'HK', input.receivedOn);
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

/**
 * A bank statement line turned out to be a payment registered by hand (POST /payments): the line is the proof of
 * receipt finance otherwise checks by hand, so a claimed payment is confirmed here — as a claimed bank payment 待认领 is
 * on claiming — and lands on the prepaid account; a confirmed one is left as it is. No new money either way. The
 * caller holds the customer's lock (ADR 0004: customer, then payment). Returns the payment as it now stands.
 */
export async function adoptForBankLineTx(tx: Tx, actor: Actor, id: string, lineRef: string) {
  const p = await q.lockRegistered(tx, id);
  if (!p || !p.customer_id) throw paymentError('not_found');
  if (p.status !== 'claimed' && p.status !== 'confirmed') throw paymentError('not_claimed', `Payment ${p.number} is ${p.status}`);
  if (p.status === 'claimed') {
    await q.confirmByBank(tx, id, actor.userId);
    await insertAccountEntry(tx, { tenantId: actor.tenantId, customerId: p.customer_id, account: 'prepaid', amount: p.amount, businessDate: p.received_on,
      kind: 'payment_confirmed', refType: 'payment', refId: id, memo: p.number, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'confirm', entityType: 'payment', entityId: id, changes: [
      { field: 'status', before: 'claimed', after: 'confirmed' }, { field: 'confirmedBy', before: null, after: `bank line ${lineRef}` }] });
  }
  return { id, number: p.number, customerId: p.customer_id, status: 'confirmed' as const, wasClaimed: p.status === 'claimed' };
}
