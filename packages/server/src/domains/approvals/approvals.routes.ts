// Thin HTTP layer of the approval engine: the inbox, one request, the three actions, and definitions.
import { z } from 'zod';
import {
  ApprovalDefinitionInput, ApprovalDefinitionSchema, ApprovalPreviewInput, ApprovalPreviewSchema, WithdrawBody, ApprovalInbox, ApprovalInboxQuery, ApprovalRequestSchema, ApproveBody, RejectBody, IdSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import type { ErrorSet } from '../../platform/errors.js';
import { approvalError } from './approvals.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as approvals from './approvals.service.js';
import * as definitions from './definitions.service.js';
import type { ApprovalDocType } from './registry.js';

const IdParams = z.object({ id: IdSchema });
const DocTypeParams = z.object({ docType: Text.regex(/^[a-z][a-z0-9_]{1,39}$/) });
const tags = ['approvals'];

/** A decision runs the document's handler (a contract's approval, a bad-debt write-off): app.ts names those domains'
 * errors here, so the document lists them without approvals importing the domains that import it. */
export interface ApprovalsRoutesOptions {
  decisionErrors?: readonly ErrorSet[];
  /** Per document type, its facts as it would be submitted now (the rules' preview of a stored document). */
  factsOf?: Partial<Record<ApprovalDocType, definitions.FactsOf>>;
  /** A customer's facts for a preview without a stored document. */
  customerFactsOf?: definitions.CustomerFactsOf;
}

export function approvalsRoutes(app: App, db: Db, opts: ApprovalsRoutesOptions = {}) {
  const decisionErrors = opts.decisionErrors ?? [];
  app.get('/api/v1/approvals/inbox', {
    schema: { operationId: 'listApprovalInbox', summary: 'List the approvals waiting for the caller', tags, querystring: ApprovalInboxQuery, response: { 200: ApprovalInbox } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => approvals.approvalInbox(db, requireAuth(req), req.query));

  app.get('/api/v1/approvals/definitions', {
    schema: { operationId: 'listApprovalDefinitions', summary: 'List the approval definitions', tags, response: { 200: z.object({ items: z.array(ApprovalDefinitionSchema) }) } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => definitions.listDefinitions(db, requireAuth(req)));

  app.put('/api/v1/approvals/definitions/:docType', {
    schema: { operationId: 'updateApprovalDefinition', summary: 'Replace a document type\'s approval rules', errors: [approvalError.only('approver_not_found', 'definition_conflict')], tags, params: DocTypeParams, body: ApprovalDefinitionInput, response: { 200: ApprovalDefinitionSchema } },
    preHandler: requirePermission('approvals', 'update'),
  }, async (req) => definitions.putDefinition(db, requireAuth(req), req.params.docType, req.body));

  app.post('/api/v1/approvals/definitions/:docType/preview', {
    schema: {
      operationId: 'previewApprovalDefinition', summary: 'Which steps would a document need?',
      description: 'A stored document (`docId`, e.g. a contract: its facts as it would be submitted now) or facts typed in, against the stored rules or `rules` being edited. Nothing is stored.',
      errors: [approvalError.only('not_found')], tags, params: DocTypeParams, body: ApprovalPreviewInput, response: { 200: ApprovalPreviewSchema },
    },
    preHandler: requirePermission('approvals', 'update'),
  }, async (req) => definitions.previewDefinition(db, requireAuth(req), req.params.docType, req.body, opts.factsOf ?? {}, opts.customerFactsOf));

  app.post('/api/v1/approvals/:id/withdraw', {
    schema: {
      operationId: 'withdrawApproval', summary: 'Withdraw a pending approval request (its submitter)',
      description: 'The document returns to draft and the request leaves the approvers\' inboxes. A decided request is 409.',
      errors: [approvalError.only('not_found', 'not_submitter', 'not_pending'), ...decisionErrors], tags, params: IdParams, body: WithdrawBody, response: { 200: ApprovalRequestSchema },
    },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => approvals.withdrawApproval(db, requireAuth(req), req.params.id, req.body.reason));

  app.get('/api/v1/approvals/:id', {
    schema: { operationId: 'getApproval', summary: 'Get an approval request', errors: [approvalError.only('not_found')], tags, params: IdParams, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => approvals.getApproval(db, requireAuth(req), req.params.id));

  app.post('/api/v1/approvals/:id/approve', {
    schema: { operationId: 'approveApproval', summary: 'Approve the current step', description: 'The final approval runs the document\'s effect (a contract becomes approved, a bad-debt write-off is booked) in the same transaction.', errors: [approvalError, ...decisionErrors], tags, params: IdParams, body: ApproveBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'approve', req.body.comment));

  app.post('/api/v1/approvals/:id/reject', {
    schema: { operationId: 'rejectApproval', summary: 'Reject an approval request', errors: [approvalError, ...decisionErrors], tags, params: IdParams, body: RejectBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'reject', req.body.comment));

  app.post('/api/v1/approvals/:id/return', {
    schema: { operationId: 'returnApproval', summary: 'Return an approval request to its submitter', errors: [approvalError, ...decisionErrors], tags, params: IdParams, body: RejectBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'return', req.body.comment));
}
