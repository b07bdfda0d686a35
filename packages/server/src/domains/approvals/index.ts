// approvals: a reusable, rules-driven approval engine. Documents submit with their facts and register a handler for
// the final decision; the engine never imports a document domain.
export { approvalsRoutes } from './approvals.routes.js';
export { submitForApproval, cancelPendingApproval, approvalHistory, type SubmitInput, type SubmitResult } from './approvals.service.js';
export { registerApprovalHandler, type ApprovalHandler, type ApprovalDecision, type ApprovalOutcome } from './registry.js';
export { evaluate as evaluateCondition, planSteps, BUILT_IN_DEFINITIONS } from './approvals.rules.js';
export { approvalError } from './approvals.errors.js';
