// contracts: framework agreements and order contracts, payment plans, approval, signing, amendments, performance. It offers
// - contractsRoutes (given a BookInstalment by app.ts: signing and deliveries book receivables through it);
// - contractApprovalHandler / amendmentApprovalHandler: what the approval engine calls on a final decision (app.ts registers them);
// - canSeeContract / getContract / listContracts; createContractTx (a draft inside the caller's transaction: a won opportunity's order); dueInstalments for the plan-date job; markDeliveredTx for future orders;
// - performanceAlertsJob.
// It owns contracts, contract_lines, contract_instalments, contract_amendments and contract_files (tables.ts).
// What the approval engine calls when a contract's or an amendment's approval ends: app.ts registers these.
import type { ApprovalHandler } from '../approvals/index.js';
import { decideContract } from './lifecycle.service.js';
import { decideAmendment } from './amendments.service.js';

export const contractApprovalHandler: ApprovalHandler = { onDecided: decideContract };
export const amendmentApprovalHandler: ApprovalHandler = { onDecided: decideAmendment };

export { contractsRoutes, type ContractsDeps } from './contracts.routes.js';
export type { BookInstalment, ContractRef, InstalmentToBook, TriggerSource } from './booking.js';
export { canSeeContract, getContract, listContracts, createContractTx } from './contracts.service.js';
export { dueInstalments, markDelivered, markDeliveredTx, runPerformanceAlerts, performanceAlertsJob, type DeliveryTarget } from './performance.service.js';
export { contractError } from './contracts.errors.js';
// - contractApprovalFacts: a contract's approval facts now, for the approval rules' preview (app.ts hands it to approvals).
export { contractApprovalFacts, customerApprovalFacts } from './lifecycle.service.js';
