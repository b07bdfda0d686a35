// Tables payments owns: money in, its receipt files and the customer account ledgers (prepaid, rebate, credit).
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  payments: {
    readers: {
      'domains/scoring': 'confirmed payments of a customer: recency and frequency of its RFM',
      'domains/workspace': 'payments to confirm, unapplied cash and collected amounts on the home pages',
      'domains/collections': 'receipts on customer statements',
      'domains/bank-statements': 'the payment a bank line became (number, status, customer) on the line list',
      'domains/dunning': 'unapplied confirmed cash that covers a customer\'s debt, and payments that keep a promise to pay', 'flows/write-off': 'the payments an allocation draws on',
      'flows/bank-reconciliation': 'payments registered by hand that a bank line may be (same amount, currency, customer, days apart) — never booked twice',
    },
  },
  payment_files: {},
  account_entries: { readers: { 'flows/write-off': 'the prepaid balance a write-off draws on' } },
};
