// payments: money in (回款), its confirmation, its receipt files 回款凭证, and customer accounts (prepaid, rebate, credit ledgers).
export { paymentsRoutes, type PaymentsDeps } from './payments.routes.js';
export { registerPaymentTx, confirmPaymentTx, loadPayment, toPayment, canSeePayment, type Payment, type RegisteredPayment } from './payments.service.js';
export { lockPayments, refreshUnappliedStatement, insertAccountEntry, accountBalance } from './payments.sql.js';
export { paymentError } from './payments.errors.js';
