// receivables: money owed (应收) and credit notes (红冲); open amounts are projections of allocations. It offers
// - createReceivableFromTrigger / createCreditNoteTx: booking, for the flows (contract-receivables, plan-receivables,
//   write-off) in their transaction;
// - recordWriteOff / recordAllocations / recordSettlement / lockReceivables / refreshOpen: settlement, for flows/write-off;
// - markOverdue: the overdue marks collections' daily run asks for;
// - agingCompactJob / compactAgingSummary / rebuildAgingSummary: the aging summary the triggers of migration 020 keep;
// - receivableScope / receivableScopeOf: who may see a receivable, for read-only reports;
// - openBadDebtRequest / closeBadDebtRequestWith: a bad-debt request's life, for the write-off flow's approval handler;
// - the routes of receivables and bad-debt requests.
// It owns receivables, write_offs, allocations and bad_debt_requests (tables.ts).
export { receivablesRoutes } from './receivables.routes.js';
export { badDebtRequestsRoutes } from './bad-debt-requests.routes.js';
export { badDebtRequestInScope } from './bad-debt-requests.service.js';
export { openBadDebtRequest, closeBadDebtRequestWith, type BadDebtOutcome, type BadDebtToBook } from './bad-debt-requests.lifecycle.js';
export {
  createReceivableFromTrigger, createCreditNoteTx, loadReceivable, toReceivable, receivableStatus, scopeOf as receivableScopeOf,
  type TriggerInput,
} from './receivables.service.js';
export { markOverdue } from './overdue.service.js';
export { agingCompactJob, compactAgingSummary, rebuildAgingSummary } from './aging-summary.js';
export { recordWriteOff, recordAllocations, recordSettlement, lockReceivables, refreshOpen, type WriteOffInsert, type AllocationInsert } from './settlement.service.js';
export { receivableScope, type ReceivableRow } from './scope.js';
export { receivableError } from './receivables.errors.js';
