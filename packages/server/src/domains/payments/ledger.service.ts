// What the write-off flow moves on the payments side, in its own transaction and under the customer lock it holds
// (docs/adr/0004-lock-order.md): the payments' row locks, the unapplied-amount projection, and the customer's ledgers.
import type { Tx } from '../../platform/db.js';
import * as q from './payments.sql.js';

/** Lock payments FOR UPDATE in id order (ADR 0004, level 6); the rows as they are under the lock. */
export async function lockPayments(tx: Tx, ids: string[]) {
  return q.lockPayments(tx, ids);
}

/**
 * The statement that recomputes the unapplied amounts of the payments this write-off applied from their allocations —
 * to run alongside receivables' refreshOpen, in the same round trip.
 */
export function refreshUnappliedStatement(writeOffId: string) {
  return q.refreshUnappliedStatement(writeOffId);
}

/** Append an entry to a customer's ledger (prepaid, rebate or credit); ledgers are never updated. */
export async function postAccountEntry(tx: Tx, entry: Parameters<typeof q.insertAccountEntry>[1]): Promise<void> {
  await q.insertAccountEntry(tx, entry);
}

/** Ledger entries as a statement that rides along another one (the write-off's facts): one round trip. */
export function accountEntriesStatement(entries: Array<Parameters<typeof q.insertAccountEntry>[1]>) {
  return q.accountEntriesStatement(entries);
}

/** A customer's balance of one ledger: the sum of its entries. */
export async function accountBalance(tx: Tx, customerId: string, account: 'prepaid' | 'rebate' | 'credit'): Promise<string> {
  return q.accountBalance(tx, customerId, account);
}
