// payments: money in (回款), its confirmation, its receipt files 回款凭证, and customer accounts (prepaid, rebate, credit
// ledgers). It offers
// - paymentsRoutes: every /payments route and the customer accounts (POST /payments gets the flow's registerPayment);
// - registerPaymentTx / confirmPaymentTx / loadPayment: for flows/write-off, in its transaction;
// - lockPayments / refreshUnappliedStatement / postAccountEntry / accountEntriesStatement / accountBalance: the payment side of a write-off.
// - registerUnclaimedPaymentTx / claimPaymentTx / rejectUnclaimedPaymentTx / adoptForBankLineTx: payments 待认领 (no customer yet) from bank
//   statement lines, claimed 认领 or rejected; a payment registered by hand that a bank line proves (confirmed by it),
//   for flows/bank-reconciliation.
// It owns payments, payment_files and account_entries (tables.ts). Credit limits and available credit are the credit domain's.
export { paymentsRoutes, type PaymentsDeps } from './payments.routes.js';
export { registerPaymentTx, confirmPaymentTx, loadPayment, toPayment, canSeePayment, type Payment, type RegisteredPayment } from './payments.service.js';
export { lockPayments, refreshUnappliedStatement, postAccountEntry, accountEntriesStatement, accountBalance } from './ledger.service.js';
export { paymentError } from './payments.errors.js';
export { registerUnclaimedPaymentTx, claimPaymentTx, rejectUnclaimedPaymentTx, adoptForBankLineTx, type UnclaimedInput } from './unclaimed.service.js';
