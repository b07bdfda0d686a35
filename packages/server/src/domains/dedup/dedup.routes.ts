// Thin HTTP layer for duplicate rules and duplicate checks. Merges are flows/merge's routes (they write several domains).
import { z } from 'zod';
import { DuplicateCheckInput, DuplicateMatches, DuplicateRuleInput, DuplicateRuleList, DuplicateRuleSchema, DuplicateRuleUpdate, IdSchema, type DuplicateObject } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { NoContent } from '../../platform/openapi.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { dedupError } from './dedup.errors.js';
import * as dedup from './dedup.service.js';

const tags = ['dedup'];
const IdParams = z.object({ id: IdSchema });

export function dedupRoutes(app: App, db: Db) {
  app.get('/api/v1/duplicate-rules', {
    schema: { operationId: 'listDuplicateRules', summary: 'List duplicate rules', tags, response: { 200: DuplicateRuleList },
      description: 'The tenant\'s duplicate rules per object (lead, contact, customer) and, for an object without any, the built-in rule that applies (every field, company names blocked by prefix at similarity 0.80, flag).' },
    preHandler: requirePermission('dedup', 'read'),
  }, async (req) => dedup.listDuplicateRules(db, requireAuth(req)));

  app.post('/api/v1/duplicate-rules', {
    schema: { operationId: 'createDuplicateRule', summary: 'Create a duplicate rule', tags, body: DuplicateRuleInput, response: { 201: DuplicateRuleSchema },
      description: 'Once an object has a rule of its own, the built-in rule no longer applies to it. Audited.' },
    preHandler: requirePermission('dedup', 'create'),
  }, async (req, reply) => reply.code(201).send(await dedup.createDuplicateRule(db, requireAuth(req), req.body)));

  app.patch('/api/v1/duplicate-rules/:id', {
    schema: { operationId: 'updateDuplicateRule', summary: 'Change a duplicate rule', tags, errors: [dedupError.only('rule_not_found')], params: IdParams, body: DuplicateRuleUpdate, response: { 200: DuplicateRuleSchema } },
    preHandler: requirePermission('dedup', 'create'),
  }, async (req) => dedup.updateDuplicateRule(db, requireAuth(req), req.params.id, req.body));

  app.delete('/api/v1/duplicate-rules/:id', {
    schema: { operationId: 'deleteDuplicateRule', summary: 'Delete a duplicate rule', tags, errors: [dedupError.only('rule_not_found')], params: IdParams, response: { 204: NoContent } },
    preHandler: requirePermission('dedup', 'delete'),
  }, async (req, reply) => {
    await dedup.deleteDuplicateRule(db, requireAuth(req), req.params.id);
    return reply.code(204).send(undefined);
  });

  app.post('/api/v1/duplicates/check', {
    schema: { operationId: 'checkDuplicates', summary: 'Find duplicates of values', tags, body: DuplicateCheckInput, response: { 200: DuplicateMatches },
      description: 'Customers, contacts and leads in the caller\'s data scope that the object\'s duplicate rules match: same unified social credit code, phone (any spelling: +86, dashes, full-width) or e-mail, or a similar company name (legal form, (中国) and province/city prefixes ignored). Best first, with the score (0–100), the reasons and the rule\'s action.' },
    preHandler: requirePermission('dedup', 'read'),
  }, async (req) => dedup.checkDuplicates(db, requireAuth(req), req.body));

  const perRecord: Array<[string, DuplicateObject, string]> = [['customers', 'customer', 'listCustomerDuplicates'], ['contacts', 'contact', 'listContactDuplicates'], ['leads', 'lead', 'listLeadDuplicates']];
  for (const [segment, object, operationId] of perRecord) {
    app.get(`/api/v1/${segment}/:id/duplicates`, {
      schema: { operationId, summary: `Find duplicates of a ${object}`, tags, errors: [dedupError.only('record_not_found')], params: IdParams, response: { 200: DuplicateMatches },
        description: `Records in the caller's data scope that the ${object} rules match against this ${object}, best first.` },
      preHandler: requirePermission('dedup', 'read'),
    }, async (req) => dedup.duplicatesOf(db, requireAuth(req), object, req.params.id));
  }
}
