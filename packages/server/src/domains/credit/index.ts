// credit: what a customer may still owe us, and whether we should sell on credit at all. It offers
// - lockCustomer: the customer money lock every money write takes first (docs/adr/0004-lock-order.md, step 2);
// - creditPosition: limit, open, committed and available = limit − open − committed (computed here only), optionally
//   under the credit profile's row lock for a transaction that commits an amount; with the credit hold;
// - setCreditProfile: limit, payment term and risk level, audited; creditDefaultsRoutes: the default limit per grade;
// - flagOverdueCustomers: the overdue run's "more than N days past due → high risk";
// - holdCredit / releaseCreditHold: the credit hold that stops new contracts (dunning's +60 step puts it);
// - the credit assessment 资信评估: creditRoutes, reassessmentJob, creditLimitApprovalHandler (approval of a raise).
// It owns credit_profiles and credit_assessments (tables.ts) and reads receivables, allocations and contracts read-only.
export {
  lockCustomer, creditPosition, setCreditProfile, flagOverdueCustomers, holdCredit, releaseCreditHold,
  type CreditPosition, type CreditProfileInput, type PositionOptions, type RiskLevel,
} from './credit.service.js';
export { creditRoutes, type CreditDeps } from './credit.routes.js';
export { creditLimitApprovalHandler, assessCustomersTx, APPROVAL_ABOVE, type RecordLimitChange } from './assessment.service.js';
export { reassessmentJob, runReassessment, REASSESS_DAYS } from './assessment.job.js';
export { scoreCredit, type CreditHistory, type Score } from './assessment.score.js';
export { creditError } from './credit.errors.js';
export { creditDefaultsRoutes, creditDefaults, type CreditDefaults } from './defaults.js';
