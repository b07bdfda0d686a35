// receivables: money owed (应收) and credit notes (红冲); open amounts are projections of allocations.
export { receivablesRoutes } from './receivables.routes.js';
export { badDebtRequestsRoutes } from './bad-debt-requests.routes.js';
export { badDebtRequestInScope } from './bad-debt-requests.service.js';
export {
  pendingBadDebtRequestOn, insertBadDebtRequest, lockBadDebtRequest, closeBadDebtRequest, badDebtRequestHead, type LockedBadDebtRequest,
} from './bad-debt-requests.sql.js';
export {
  createReceivableFromTrigger, createCreditNoteTx, loadReceivable, toReceivable, receivableStatus, scopeOf as receivableScopeOf,
  type TriggerInput,
} from './receivables.service.js';
export { lockReceivables, refreshOpen, receivableScope, type ReceivableRow } from './receivables.sql.js';
export { markOverdue } from './overdue.service.js';
export { recordWriteOff, recordAllocations, type WriteOffInsert, type AllocationInsert } from './settlement.service.js';
export { receivableError } from './receivables.errors.js';
