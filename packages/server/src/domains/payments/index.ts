// payments: money in (回款), its confirmation, and customer accounts (prepaid, rebate, credit ledgers).
export { paymentsRoutes } from './payments.routes.js';
export { registerPaymentTx, confirmPaymentTx, loadPayment, toPayment, type Payment } from './payments.service.js';
export { lockPayments, refreshUnapplied, insertAccountEntry, accountBalance, lockCustomer } from './payments.sql.js';
export { paymentError } from './payments.errors.js';
