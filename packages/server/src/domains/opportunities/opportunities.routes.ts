// Thin HTTP layer for opportunities: sales processes, the record and its stage changes, tasks, loss, kanban, funnel,
// forecast and its adjustments. Winning lives in flows/opportunity-won (it also drafts the order contract).
import { z } from 'zod';
import {
  ForecastAdjustmentInput, ForecastAdjustmentList, ForecastAdjustmentQuery, ForecastAdjustmentSchema, ForecastQuery, ForecastSchema,
  FunnelQuery, FunnelSchema, IdSchema, KanbanQuery, KanbanSchema, OpportunityCreate, OpportunityListQuery, OpportunityLose, OpportunityPage,
  OpportunitySchema, OpportunityUpdate, SalesProcessInput, SalesProcessList, SalesProcessSchema, SalesProcessUpdate, StageChange, TaskInput,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { opportunityError } from './opportunities.errors.js';
import * as processes from './processes.service.js';
import * as opps from './opportunities.service.js';
import * as stages from './stages.service.js';
import * as pipeline from './pipeline.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['opportunities'];

export function opportunitiesRoutes(app: App, db: Db) {
  app.get('/api/v1/sales-processes', {
    schema: { operationId: 'listSalesProcesses', summary: 'List sales processes with their stages', tags, response: { 200: SalesProcessList } },
    preHandler: requirePermission('opportunities', 'read'),
  }, async (req) => ({ items: await processes.listProcesses(db, requireAuth(req)) }));

  app.post('/api/v1/sales-processes', {
    schema: { operationId: 'createSalesProcess', summary: 'Create a sales process (a product line\'s stages)', errors: [opportunityError.only('bad_stages')], tags, body: SalesProcessInput, response: { 201: SalesProcessSchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req, reply) => reply.code(201).send(await processes.createProcess(db, requireAuth(req), req.body)));

  app.patch('/api/v1/sales-processes/:id', {
    schema: { operationId: 'updateSalesProcess', summary: 'Rename a process, (de)activate it, change stage names, probabilities and requirements', errors: [opportunityError.only('stage_not_found')], tags, params: IdParams, body: SalesProcessUpdate, response: { 200: SalesProcessSchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => processes.updateProcess(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/opportunities', {
    schema: { operationId: 'listOpportunities', summary: 'List opportunities', tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage } },
    preHandler: requirePermission('opportunities', 'read'),
  }, async (req) => opps.listOpportunities(db, requireAuth(req), req.query));

  app.post('/api/v1/opportunities', {
    schema: { operationId: 'createOpportunity', summary: 'Create an opportunity', errors: [opportunityError.only('customer_not_found', 'contact_not_found', 'owner_not_found', 'process_not_found', 'process_inactive')], tags, body: OpportunityCreate, response: { 201: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'create'),
  }, async (req, reply) => reply.code(201).send(await opps.createOpportunity(db, requireAuth(req), req.body)));

  app.get('/api/v1/opportunities/kanban', {
    schema: { operationId: 'opportunityKanban', summary: 'Open opportunities by stage of a process', errors: [opportunityError.only('process_not_found')], tags, querystring: KanbanQuery, response: { 200: KanbanSchema } },
    preHandler: requirePermission('opportunities', 'read'),
  }, async (req) => pipeline.kanban(db, requireAuth(req), req.query));

  app.get('/api/v1/opportunities/funnel', {
    schema: { operationId: 'opportunityFunnel', summary: 'Funnel: stage-to-stage conversion and time in stage', errors: [opportunityError.only('process_not_found')], tags, querystring: FunnelQuery, response: { 200: FunnelSchema } },
    preHandler: requirePermission('opportunities', 'read'),
  }, async (req) => pipeline.funnel(db, requireAuth(req), req.query));

  app.get('/api/v1/opportunities/:id', {
    schema: { operationId: 'getOpportunity', summary: 'Get an opportunity with lines, tasks, history and health', errors: [opportunityError.only('not_found')], tags, params: IdParams, response: { 200: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'read'),
  }, async (req) => opps.getOpportunity(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/opportunities/:id', {
    schema: { operationId: 'updateOpportunity', summary: 'Edit an open opportunity (lines, amount, close date, health …)', errors: [opportunityError.only('not_found', 'closed', 'contact_not_found', 'owner_not_found', 'amount_from_lines')], tags, params: IdParams, body: OpportunityUpdate, response: { 200: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req) => opps.updateOpportunity(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/opportunities/:id/stage', {
    schema: { operationId: 'changeOpportunityStage', summary: 'Move an opportunity to another open stage (entry requirements checked)', errors: [opportunityError.only('not_found', 'closed', 'stage_not_found', 'stage_requirements', 'use_win_or_lose')], tags, params: IdParams, body: StageChange, response: { 200: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req) => stages.changeStage(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/opportunities/:id/lose', {
    schema: { operationId: 'loseOpportunity', summary: 'Close an opportunity as lost, with the reason and the competitor', errors: [opportunityError.only('not_found', 'closed')], tags, params: IdParams, body: OpportunityLose, response: { 200: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req) => stages.loseOpportunity(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/opportunities/:id/tasks', {
    schema: { operationId: 'addOpportunityTask', summary: 'Add a task (a key satisfies a stage requirement once done)', errors: [opportunityError.only('not_found', 'closed')], tags, params: IdParams, body: TaskInput, response: { 201: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req, reply) => reply.code(201).send(await stages.addTask(db, requireAuth(req), req.params.id, req.body)));

  app.post('/api/v1/opportunity-tasks/:id/done', {
    schema: { operationId: 'completeOpportunityTask', summary: 'Mark an opportunity\'s task done', errors: [opportunityError.only('task_not_found')], tags, params: IdParams, response: { 200: OpportunitySchema } },
    preHandler: requirePermission('opportunities', 'update'),
  }, async (req) => stages.completeTask(db, requireAuth(req), req.params.id));

  app.get('/api/v1/forecast', {
    schema: { operationId: 'getForecast', summary: 'Forecast of a month or quarter per rep or team: pipeline, best case, commit, weighted, with adjustments', tags: ['forecast'], querystring: ForecastQuery, response: { 200: ForecastSchema } },
    preHandler: requirePermission('forecasts', 'read'),
  }, async (req) => pipeline.forecast(db, requireAuth(req), req.query));

  app.get('/api/v1/forecast/adjustments', {
    schema: { operationId: 'listForecastAdjustments', summary: 'Managers\' forecast adjustments of a period (history, newest first)', tags: ['forecast'], querystring: ForecastAdjustmentQuery, response: { 200: ForecastAdjustmentList } },
    preHandler: requirePermission('forecasts', 'read'),
  }, async (req) => pipeline.listAdjustments(db, requireAuth(req), req.query));

  app.post('/api/v1/forecast/adjustments', {
    schema: { operationId: 'adjustForecast', summary: 'A manager\'s figure beside the system\'s (kept as a fact, audited)', errors: [opportunityError.only('subject_not_found')], tags: ['forecast'], body: ForecastAdjustmentInput, response: { 201: ForecastAdjustmentSchema } },
    preHandler: requirePermission('forecasts', 'update'),
  }, async (req, reply) => reply.code(201).send(await pipeline.adjustForecast(db, requireAuth(req), req.body)));
}
