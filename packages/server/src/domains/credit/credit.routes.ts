// Thin HTTP layer for the credit assessment 资信评估 and the credit hold. The credit profile itself is still set through
// PUT /customers/{id}/credit-profile (payments, with the credit ledger); applying an assessment goes through the same
// setCreditProfile, with approval when the raise is beyond APPROVAL_ABOVE.
import { z } from 'zod';
import { ApplyAssessmentInput, ApplyAssessmentResult, CreditAssessmentView, IdSchema, ReleaseHoldInput } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { approvalError } from '../approvals/index.js';
import { creditError } from './credit.errors.js';
import * as assessment from './assessment.service.js';

const tags = ['credit'];
const Params = z.object({ id: IdSchema });

export interface CreditDeps { recordLimitChange: assessment.RecordLimitChange }

export function creditRoutes(app: App, db: Db, deps: CreditDeps) {
  app.get('/api/v1/customers/:id/credit-assessments', {
    schema: {
      operationId: 'listCreditAssessments', summary: 'List the credit assessments of a customer', tags, errors: [creditError.only('customer_not_found')], params: Params, response: { 200: CreditAssessmentView },
      description: 'The customer\'s credit profile (limit, term, risk, hold) and its credit assessments 资信评估, newest first: score, grade, every factor, the suggested limit and term.',
    },
    preHandler: requirePermission('credit', 'read'),
  }, async (req) => assessment.creditAssessmentOf(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/credit-assessments', {
    schema: {
      operationId: 'assessCustomerCredit', summary: 'Assess a customer\'s credit now', tags, errors: [creditError.only('customer_not_found')], params: Params, response: { 200: CreditAssessmentView },
      description: 'Score the customer from its own history as of today (on-time rate, average days late, overdue share, bad debts, tenure, contract volume). Today\'s proposal is refreshed, not duplicated.',
    },
    preHandler: requirePermission('credit', 'read'),
  }, async (req) => assessment.assessCustomer(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/credit-assessments/:assessmentId/apply', {
    schema: {
      operationId: 'applyCreditAssessment', summary: 'Apply a credit assessment to the credit profile', tags,
      errors: [creditError.only('customer_not_found', 'assessment_not_found', 'assessment_closed'), approvalError.only('already_pending', 'no_approver')],
      params: z.object({ id: IdSchema, assessmentId: IdSchema }), body: ApplyAssessmentInput, response: { 200: ApplyAssessmentResult },
      description: `Set the credit limit and payment term to the assessment's suggestion (or the values given). A raise of more than ${assessment.APPROVAL_ABOVE} goes to the approval engine (document type credit_limit) and is applied by its final approval.`,
    },
    preHandler: requirePermission('credit', 'update'),
  }, async (req) => assessment.applyAssessment(db, requireAuth(req), req.params.id, req.params.assessmentId, req.body, deps.recordLimitChange));

  app.post('/api/v1/customers/:id/credit-hold/release', {
    schema: {
      operationId: 'releaseCreditHold', summary: 'Release a customer\'s credit hold', tags, errors: [creditError.only('customer_not_found', 'not_on_hold')], params: Params, body: ReleaseHoldInput, response: { 200: CreditAssessmentView },
      description: 'A credit hold (the dunning policy\'s +60 step) stops new contracts; finance releases it with a reason (audited).',
    },
    preHandler: requirePermission('credit', 'update'),
  }, async (req) => assessment.releaseHold(db, requireAuth(req), req.params.id, req.body.reason));
}
