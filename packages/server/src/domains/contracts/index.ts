// contracts: framework agreements and order contracts, payment plans, approval, signing, amendments, performance.
// Loading this module registers the contract and amendment handlers with the approval engine.
import { registerApprovalHandler } from '../approvals/index.js';
import { decideContract } from './lifecycle.service.js';
import { decideAmendment } from './amendments.service.js';

registerApprovalHandler('contract', { onDecided: decideContract });
registerApprovalHandler('contract_amendment', { onDecided: decideAmendment });

export { contractsRoutes, type ContractsDeps } from './contracts.routes.js';
export type { BookInstalment, ContractRef, InstalmentToBook, TriggerSource } from './booking.js';
export { canSeeContract, getContract, listContracts } from './contracts.service.js';
export { dueInstalments, markDelivered, markDeliveredTx, runPerformanceAlerts, performanceAlertsJob, type DeliveryTarget } from './performance.service.js';
export { contractError } from './contracts.errors.js';
