// approvals: a reusable, rules-driven approval engine. Documents submit with their facts; the composition root hands
// over one handler per document type (registerApprovalHandlers) for the final decision; the engine never imports a
// document domain.
export { approvalsRoutes } from './approvals.routes.js';
export {
  submitForApproval, cancelPendingApproval, withdrawApproval, approvalHistory, actOnApprovalTx, pendingApprovalOf, awaitingDecisionBy,
  type SubmitInput, type SubmitResult,
} from './approvals.service.js';
export {
  registerApprovalHandlers, APPROVAL_DOC_TYPES, type ApprovalDocType, type ApprovalHandler, type ApprovalHandlers, type ApprovalDecision, type ApprovalOutcome,
} from './registry.js';
export { evaluate as evaluateCondition, planSteps, BUILT_IN_DEFINITIONS } from './approvals.rules.js';
export { type FactsOf } from './definitions.service.js';
export { approvalError } from './approvals.errors.js';
