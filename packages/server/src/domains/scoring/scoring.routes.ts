// Thin HTTP layer for scoring: the rules (marketing/admin), a lead's score panel, behaviour events, the grade
// override, training, and a customer's RFM.
import { z } from 'zod';
import { BehaviourInput, CustomerRfmSchema, IdSchema, LeadScoreSchema, ScoreModelSchema, ScoreOverrideClear, ScoreOverrideInput, ScoringConfigInput, ScoringConfigSchema, TrainResultSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { scoringError } from './scoring.errors.js';
import * as config from './config.service.js';
import * as scoring from './scoring.service.js';
import * as training from './training.service.js';
import * as rfm from './rfm.service.js';

const tags = ['scoring'];
const IdParams = z.object({ id: IdSchema });
const leadErrors = [scoringError.only('lead_not_found')];

export function scoringRoutes(app: App, db: Db) {
  app.get('/api/v1/scoring/config', {
    schema: { operationId: 'getScoringConfig', summary: 'Scoring settings and rules', tags, response: { 200: ScoringConfigSchema },
      description: 'Event points, attribute fit rules (industry, region, source, size), the behaviour half-life, the weights of behaviour, fit and the model, the grade cut-offs, and the customers\' RFM grading. `custom` is false while the defaults apply.' },
    preHandler: requirePermission('scoring', 'read'),
  }, async (req) => config.getScoringConfig(db, requireAuth(req)));

  app.put('/api/v1/scoring/config', {
    schema: { operationId: 'putScoringConfig', summary: 'Replace the scoring settings and rules', tags, body: ScoringConfigInput, response: { 200: ScoringConfigSchema },
      description: 'Saves the whole page at once (send the version read). Existing behaviour events keep the points they were given; scores change at the next rescore. Audited.' },
    preHandler: requirePermission('scoring', 'create'),
  }, async (req) => config.putScoringConfig(db, requireAuth(req), req.body));

  app.get('/api/v1/scoring/model', {
    schema: { operationId: 'getScoreModel', summary: 'The current conversion model', tags, response: { 200: ScoreModelSchema },
      description: 'The tenant\'s naive Bayes model: when it was trained, on how many closed leads, its AUC on a held-out fifth, and each field value\'s log-odds contribution. Null before the first training.' },
    preHandler: requirePermission('scoring', 'read'),
  }, async (req) => training.currentModel(db, requireAuth(req)));

  app.post('/api/v1/scoring/model/train', {
    schema: { operationId: 'trainScoreModel', summary: 'Retrain the conversion model now', tags, errors: [scoringError.only('too_few_closed')], response: { 200: TrainResultSchema },
      description: 'Learns from the tenant\'s closed leads (converted = 1, invalid = 0) and rescores every open lead; overrides stay. The job `scoring.retrain` does this nightly.' },
    preHandler: requirePermission('scoring', 'create'),
  }, async (req) => training.trainModel(db, requireAuth(req)));

  app.get('/api/v1/leads/:id/score', {
    schema: { operationId: 'getLeadScore', summary: 'A lead\'s score', tags, errors: leadErrors, params: IdParams, response: { 200: LeadScoreSchema },
      description: 'Score 0–100 and grade A–D (the override when a person set one), behaviour points after decay, fit points with the rules that matched, the predicted conversion probability and its factors as log-odds contributions.' },
    preHandler: requirePermission('scoring', 'read'),
  }, async (req) => scoring.getLeadScore(db, requireAuth(req), req.params.id));

  app.post('/api/v1/leads/:id/score/rescore', {
    schema: { operationId: 'rescoreLead', summary: 'Rescore a lead now', tags, errors: leadErrors, params: IdParams, response: { 200: LeadScoreSchema } },
    preHandler: requirePermission('scoring', 'update'),
  }, async (req) => scoring.rescoreLead(db, requireAuth(req), req.params.id));

  app.post('/api/v1/leads/:id/behaviours', {
    schema: { operationId: 'recordLeadBehaviour', summary: 'Record what a lead did', tags, errors: leadErrors, params: IdParams, body: BehaviourInput, response: { 200: LeadScoreSchema },
      description: 'An event (email_clicked, webinar_registered …) worth the points the rules give it now; the lead is rescored.' },
    preHandler: requirePermission('scoring', 'update'),
  }, async (req) => scoring.recordBehaviour(db, requireAuth(req), req.params.id, req.body));

  app.put('/api/v1/leads/:id/score/override', {
    schema: { operationId: 'overrideLeadGrade', summary: 'Override a lead\'s grade', tags, errors: [...leadErrors], params: IdParams, body: ScoreOverrideInput, response: { 200: LeadScoreSchema },
      description: 'The grade a person sets, with the reason; kept through every rescore and retraining until cleared. Audited.' },
    preHandler: requirePermission('scoring', 'update'),
  }, async (req) => scoring.overrideGrade(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/leads/:id/score/override/clear', {
    schema: { operationId: 'clearLeadGradeOverride', summary: 'Clear a lead\'s grade override', tags, errors: [scoringError.only('lead_not_found', 'no_override')], params: IdParams, body: ScoreOverrideClear, response: { 200: LeadScoreSchema } },
    preHandler: requirePermission('scoring', 'update'),
  }, async (req) => scoring.overrideGrade(db, requireAuth(req), req.params.id, { clear: true, version: req.body.version, reason: req.body.reason }));

  app.get('/api/v1/customers/:id/rfm', {
    schema: { operationId: 'getCustomerRfm', summary: 'A customer\'s RFM and grade', tags, errors: [scoringError.only('customer_not_found')], params: IdParams, response: { 200: CustomerRfmSchema },
      description: 'Recency (days since the last confirmed payment), frequency (confirmed payments in the window), monetary (cash written off against its invoices in the window, net of reversals, in CNY), each 1–5, and the grade the total gives; beside the customer\'s own grade.' },
    preHandler: requirePermission('scoring', 'read'),
  }, async (req) => rfm.getCustomerRfm(db, requireAuth(req), req.params.id));

  app.post('/api/v1/customers/:id/rfm', {
    schema: { operationId: 'refreshCustomerRfm', summary: 'Recompute a customer\'s RFM now', tags, errors: [scoringError.only('customer_not_found')], params: IdParams, response: { 200: CustomerRfmSchema } },
    preHandler: requirePermission('scoring', 'read'),
  }, async (req) => rfm.getCustomerRfm(db, requireAuth(req), req.params.id, { refresh: true }));
}
