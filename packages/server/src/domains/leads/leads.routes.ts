// Thin HTTP layer for leads, the lead pool, assignment rules and lead settings.
import { z } from 'zod';
import {
  AssignmentRuleInput, AssignmentRuleSchema, IdSchema, LeadAssign, LeadCreate, LeadDetail, LeadListQuery, LeadPage, LeadRelease,
  LeadSchema, LeadSettingsSchema, LeadStatusChange, LeadUpdate,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { NoContent } from '../../platform/openapi.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { leadError } from './leads.errors.js';
import * as leads from './leads.service.js';
import * as pool from './pool.service.js';
import * as rules from './rules.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['leads'];

export function leadsRoutes(app: App, db: Db) {
  app.get('/api/v1/leads', {
    schema: { operationId: 'listLeads', summary: 'List leads', description: 'Leads in the caller\'s data scope and the lead pool (a marketer sees every lead), filtered by status (comma-separated), source, campaign and owner; `q` searches company, contact, number, phone and email.', tags, querystring: LeadListQuery, response: { 200: LeadPage } },
    preHandler: requirePermission('leads', 'read'),
  }, async (req) => leads.listLeads(db, requireAuth(req), req.query));

  app.post('/api/v1/leads', {
    schema: { operationId: 'createLead', summary: 'Create a lead', description: 'Manual entry and the API: phone, email and company name are normalised; duplicates are flagged, or refused with 409 `leads.duplicate` when the duplicate rules block them; without `ownerId` the assignment rules pick the owner (else a rep keeps what he typed, and other leads go to the pool).', errors: [leadError.only('empty', 'duplicate', 'owner_not_found', 'campaign_not_found')], tags, body: LeadCreate, response: { 201: LeadSchema } },
    preHandler: requirePermission('leads', 'create'),
  }, async (req, reply) => reply.code(201).send(await leads.createLead(db, requireAuth(req), req.body)));

  app.get('/api/v1/leads/:id', {
    schema: { operationId: 'getLead', summary: 'Get a lead with its history and duplicate matches', errors: [leadError.only('not_found')], tags, params: IdParams, response: { 200: LeadDetail } },
    preHandler: requirePermission('leads', 'read'),
  }, async (req) => leads.getLeadDetail(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/leads/:id', {
    schema: { operationId: 'updateLead', summary: 'Update a lead', errors: [leadError.only('not_found', 'converted', 'empty')], tags, params: IdParams, body: LeadUpdate, response: { 200: LeadSchema } },
    preHandler: requirePermission('leads', 'update'),
  }, async (req) => leads.updateLead(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/leads/:id/status', {
    schema: { operationId: 'changeLeadStatus', summary: 'Move a lead through its lifecycle', description: 'raw → mql → sql, back a step, or invalid with a `reason`; an invalid lead may be reopened as raw. Converted only through the conversion.', errors: [leadError.only('not_found', 'converted', 'bad_transition', 'reason_required')], tags, params: IdParams, body: LeadStatusChange, response: { 200: LeadSchema } },
    preHandler: requirePermission('leads', 'update'),
  }, async (req) => leads.changeStatus(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/pool/leads', {
    schema: { operationId: 'listPoolLeads', summary: 'List the leads in the lead pool', description: 'The lead pool 线索池: leads without an owner, open to every rep for claiming.', tags, querystring: LeadListQuery, response: { 200: LeadPage } },
    preHandler: requirePermission('leads', 'read'),
  }, async (req) => leads.listLeads(db, requireAuth(req), req.query, { poolOnly: true }));

  app.post('/api/v1/leads/:id/release', {
    schema: { operationId: 'releaseLead', summary: 'Release a lead to the lead pool', errors: [leadError.only('not_found', 'in_pool', 'converted')], tags, params: IdParams, body: LeadRelease, response: { 200: LeadSchema } },
    preHandler: requirePermission('leads', 'release'),
  }, async (req) => pool.releaseLead(db, requireAuth(req), req.params.id, req.body.reason));

  app.post('/api/v1/leads/:id/claim', {
    schema: { operationId: 'claimLead', summary: 'Claim a lead from the lead pool', description: 'The caller becomes the owner; the customer pool\'s daily claim cap applies to leads too.', errors: [leadError.only('not_found', 'not_in_pool', 'claim_cap_reached')], tags, params: IdParams, response: { 200: LeadSchema } },
    preHandler: requirePermission('leads', 'claim'),
  }, async (req) => pool.claimLead(db, requireAuth(req), req.params.id));

  app.post('/api/v1/leads/:id/assign', {
    schema: { operationId: 'assignLead', summary: 'Assign a lead to an owner', errors: [leadError.only('not_found', 'owner_not_found', 'converted')], tags, params: IdParams, body: LeadAssign, response: { 200: LeadSchema } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req) => pool.assignLead(db, requireAuth(req), req.params.id, req.body.ownerId, req.body.version));

  app.get('/api/v1/lead-settings', {
    schema: { operationId: 'getLeadSettings', summary: 'Get the lead settings', description: 'After how many untouched days an owned open lead returns to the pool (the daily job `leads.recycle`).', tags, response: { 200: LeadSettingsSchema } },
    preHandler: requirePermission('leads', 'read'),
  }, async (req) => pool.getLeadSettings(db, requireAuth(req)));

  app.put('/api/v1/lead-settings', {
    schema: { operationId: 'saveLeadSettings', summary: 'Save the lead settings', tags, body: LeadSettingsSchema, response: { 200: LeadSettingsSchema } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req) => pool.saveLeadSettings(db, requireAuth(req), req.body));

  app.get('/api/v1/lead-assignment-rules', {
    schema: { operationId: 'listLeadAssignmentRules', summary: 'List the lead assignment rules', description: 'In evaluation order, with each member\'s running tally and today\'s count against the quota.', tags, response: { 200: z.object({ items: z.array(AssignmentRuleSchema) }) } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req) => rules.listRules(db, requireAuth(req)));

  app.post('/api/v1/lead-assignment-rules', {
    schema: { operationId: 'createLeadAssignmentRule', summary: 'Create a lead assignment rule', errors: [leadError.only('owner_not_found')], tags, body: AssignmentRuleInput, response: { 201: AssignmentRuleSchema } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req, reply) => reply.code(201).send(await rules.saveRule(db, requireAuth(req), null, req.body)));

  app.put('/api/v1/lead-assignment-rules/:id', {
    schema: { operationId: 'updateLeadAssignmentRule', summary: 'Replace a lead assignment rule', errors: [leadError.only('rule_not_found', 'owner_not_found')], tags, params: IdParams, body: AssignmentRuleInput, response: { 200: AssignmentRuleSchema } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req) => rules.saveRule(db, requireAuth(req), req.params.id, req.body));

  app.delete('/api/v1/lead-assignment-rules/:id', {
    schema: { operationId: 'deleteLeadAssignmentRule', summary: 'Delete a lead assignment rule', errors: [leadError.only('rule_not_found')], tags, params: IdParams, response: { 204: NoContent } },
    preHandler: requirePermission('leads', 'assign'),
  }, async (req, reply) => {
    await rules.deleteRule(db, requireAuth(req), req.params.id);
    return reply.code(204).send(undefined);
  });
}
