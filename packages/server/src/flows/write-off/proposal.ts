// The automatic proposal: which open receivables a payment should pay, in a configurable order —
// oldest due first (default), the contract the payment names first, or instalment by instalment.
import type { RawBuilder } from 'kysely';
import { dec, fillInOrder, roundMoney } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import * as q from './write-off.sql.js';

/** The payment to propose for; id null for one not booked yet (the automatic write-off proposes before the payment's insert). */
export interface ProposalPayment { id: string | null; customer_id: string; currency: string; amount_unapplied: string; remark: string | null; bank_reference: string | null }

/**
 * With `lock`, the receivables the proposal reaches are locked as they are read and returned as `locked`, for a
 * write-off that follows in the same transaction (the automatic write-off of a payment). `scope` (the receivables'
 * rule) keeps a proposal to the invoices its caller may see: a payment can be visible to who registered it after its
 * customer has moved to someone else.
 */
export async function proposeFor<P extends ProposalPayment>(tx: Tx, payment: P, strategy: 'oldest_due' | 'contract' | 'instalment', contractId: string | null, lock = false, scope: RawBuilder<unknown> = q.anyScope) {
  const preferred = contractId ?? (strategy === 'contract' ? await q.contractMentionedBy(tx, payment.customer_id, `${payment.remark ?? ''} ${payment.bank_reference ?? ''}`) : null);
  const open = await q.openInvoicesInOrder(tx, payment.customer_id, payment.currency, strategy, preferred, lock ? payment.amount_unapplied : null, scope);
  const { takes, rest: remaining } = fillInOrder(payment.amount_unapplied, open, (r) => r.amount_open);
  const lines = takes.map(({ item: r, take }) => ({
    receivableId: r.id, receivableNumber: r.number, dueDate: r.due_date, amountOpen: roundMoney(r.amount_open, payment.currency), amount: roundMoney(take, payment.currency), contractNumber: r.contract_number,
  }));
  return {
    paymentId: payment.id as P['id'], strategy, amountAvailable: roundMoney(payment.amount_unapplied, payment.currency),
    amountProposed: roundMoney(dec(payment.amount_unapplied).minus(remaining), payment.currency), lines,
    locked: lock ? open : [],
  };
}
