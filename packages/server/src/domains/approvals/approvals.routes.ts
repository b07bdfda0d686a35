// Thin HTTP layer of the approval engine: the inbox, one request, the three actions, and definitions.
import { z } from 'zod';
import {
  ApprovalDefinitionInput, ApprovalDefinitionSchema, ApprovalInbox, ApprovalInboxQuery, ApprovalRequestSchema, ApproveBody, RejectBody, IdSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as approvals from './approvals.service.js';
import * as definitions from './definitions.service.js';

const IdParams = z.object({ id: IdSchema });
const DocTypeParams = z.object({ docType: Text.regex(/^[a-z][a-z0-9_]{1,39}$/) });
const tags = ['approvals'];

export function approvalsRoutes(app: App, db: Db) {
  app.get('/api/v1/approvals/inbox', {
    schema: { tags, querystring: ApprovalInboxQuery, response: { 200: ApprovalInbox } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => approvals.approvalInbox(db, requireAuth(req), req.query));

  app.get('/api/v1/approvals/definitions', {
    schema: { tags, response: { 200: z.object({ items: z.array(ApprovalDefinitionSchema) }) } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => definitions.listDefinitions(db, requireAuth(req)));

  app.put('/api/v1/approvals/definitions/:docType', {
    schema: { tags, params: DocTypeParams, body: ApprovalDefinitionInput, response: { 200: ApprovalDefinitionSchema } },
    preHandler: requirePermission('approvals', 'update'),
  }, async (req) => definitions.putDefinition(db, requireAuth(req), req.params.docType, req.body));

  app.get('/api/v1/approvals/:id', {
    schema: { tags, params: IdParams, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'read'),
  }, async (req) => approvals.getApproval(db, requireAuth(req), req.params.id));

  app.post('/api/v1/approvals/:id/approve', {
    schema: { tags, params: IdParams, body: ApproveBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'approve', req.body.comment));

  app.post('/api/v1/approvals/:id/reject', {
    schema: { tags, params: IdParams, body: RejectBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'reject', req.body.comment));

  app.post('/api/v1/approvals/:id/return', {
    schema: { tags, params: IdParams, body: RejectBody, response: { 200: ApprovalRequestSchema } },
    preHandler: requirePermission('approvals', 'approve'),
  }, async (req) => approvals.actOnApproval(db, requireAuth(req), req.params.id, 'return', req.body.comment));
}
