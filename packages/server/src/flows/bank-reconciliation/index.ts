// flows/bank-reconciliation: bank statement lines meet payments and receivables — each credit line a payment 待认领
// (payments domain), matched by rules in a documented order (matching.ts), applied through flows/write-off; the
// reconciliation workbench's actions (confirm, split, reject, claim 认领). It owns no tables.
export { bankReconciliationRoutes } from './bank-reconciliation.routes.js';
export { importStatement, autoApply, rematch } from './bank-reconciliation.service.js';
export { matchLinesTx, bookLinesTx, candidatesFor } from './match.service.js';
export { proposeAll, tokensOf, type Proposal } from './matching.js';
