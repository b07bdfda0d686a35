// flows/write-off: payments meet receivables — proposals, write-offs 核销, reversals 反核销, credit notes, bad debt.
export { writeOffRoutes } from './write-off.routes.js';
export { registerPayment } from './write-off.flow.js';
export { applyWriteOffTx, reverseWriteOffTx } from './write-off.service.js';
export { badDebtApprovalHandler } from './bad-debt.flow.js';
export { writeOffError } from './write-off.errors.js';
