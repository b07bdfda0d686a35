// Thin HTTP layer for dunning 催收: policies, the run and its history, letters, the outbox, the worklist, promises to
// pay, contact notes, tasks and collection effectiveness. Every route is tagged 'dunning' (docs/API.md).
import { z } from 'zod';
import {
  ContactNoteInput, ContactNoteList, ContactNoteQuery, ContactNoteSchema, CoveredList, DunningMailList, DunningMailQuery, DunningMailSchema, DunningPolicyInput,
  DunningPolicyList, DunningPolicySchema, DunningRunQuery, DunningRunRequest, DunningRunResult, DunningStepRunList, DunningTaskList, DunningTaskQuery,
  EffectivenessQuery, EffectivenessReport, IdSchema, PromiseInput, PromiseList, PromiseQuery, PromiseSchema, Worklist, WorklistQuery,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { dunningError } from './dunning.errors.js';
import * as policies from './policies.service.js';
import * as collect from './collect.service.js';

const tags = ['dunning'];
const Params = z.object({ id: IdSchema });
const canRead = requirePermission('dunning', 'read');
const canRecord = requirePermission('dunning', 'create');
const canManage = requirePermission('dunning', 'update');

export function dunningRoutes(app: App, db: Db) {
  app.get('/api/v1/dunning/policies', {
    schema: { operationId: 'listDunningPolicies', summary: 'List dunning policies', tags, response: { 200: DunningPolicyList },
      description: 'Policies per customer grade and/or risk level with their steps relative to the due date; the tenant starts with a standard and a high-risk policy.' },
    preHandler: canRead,
  }, async (req) => policies.listPolicies(db, requireAuth(req)));

  app.post('/api/v1/dunning/policies', {
    schema: { operationId: 'createDunningPolicy', summary: 'Create a dunning policy', tags, errors: [dunningError.only('policy_not_found')], body: DunningPolicyInput, response: { 201: DunningPolicySchema },
      description: 'The most specific active policy applies to a customer: grade and risk both named, then one of them, then neither; then the lower priority.' },
    preHandler: canManage,
  }, async (req, reply) => reply.code(201).send(await policies.createPolicy(db, requireAuth(req), req.body)));

  app.put('/api/v1/dunning/policies/:id', {
    schema: { operationId: 'updateDunningPolicy', summary: 'Update a dunning policy', tags, errors: [dunningError.only('policy_not_found', 'step_in_use', 'version_conflict')],
      params: Params, body: DunningPolicyInput, response: { 200: DunningPolicySchema },
      description: 'Replaces the policy and its steps (ordered by offset). A step that has already run can be changed but not removed.' },
    preHandler: canManage,
  }, async (req) => policies.updatePolicy(db, requireAuth(req), req.params.id, req.body));

  app.post('/api/v1/dunning/run', {
    schema: { operationId: 'runDunning', summary: 'Run the dunning now', tags, body: DunningRunRequest, response: { 200: DunningRunResult },
      description: 'What the daily job does, for the caller\'s tenant, as of today or the given day: judge promises to pay, run every due step once per receivable, send queued mail.' },
    preHandler: canManage,
  }, async (req) => collect.runNow(db, requireAuth(req), req.body.asOf));

  app.get('/api/v1/dunning/runs', {
    schema: { operationId: 'listDunningRuns', summary: 'List dunning step runs', tags, querystring: DunningRunQuery, response: { 200: DunningStepRunList },
      description: 'The dunning history: which step ran for which receivable on which day, newest first.' },
    preHandler: canRead,
  }, async (req) => collect.listRuns(db, requireAuth(req), req.query));

  app.get('/api/v1/dunning/runs/:id/letter.pdf', {
    schema: { operationId: 'getDunningLetter', summary: 'Download a collection letter', tags, errors: [dunningError.only('run_not_found', 'not_a_letter')], params: Params,
      download: ['application/pdf'], description: 'The formal collection letter 催款函 of a letter step, as a PDF, rendered from what the step saw when it ran.' },
    preHandler: canRead,
  }, async (req, reply) => {
    const { data, number } = await collect.letterOf(db, requireAuth(req), req.params.id);
    return reply.header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="letter-${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`催款函-${number}.pdf`)}`).send(data);
  });

  app.get('/api/v1/dunning/mail', {
    schema: { operationId: 'listDunningMail', summary: 'List dunning mail (the outbox)', tags, querystring: DunningMailQuery, response: { 200: DunningMailList },
      description: 'Mail the dunning wrote: sent, failed, or waiting in the outbox (no SMTP server configured, or no address).' },
    preHandler: canRead,
  }, async (req) => collect.listMail(db, requireAuth(req), req.query));

  app.post('/api/v1/dunning/mail/:id/send', {
    schema: { operationId: 'sendDunningMail', summary: 'Send a mail from the outbox', tags, errors: [dunningError.only('mail_not_found', 'mail_sent', 'smtp_not_configured', 'no_address')],
      params: Params, response: { 200: DunningMailSchema }, description: 'Sends (or resends after a failure) one mail over SMTP (L2C_SMTP_URL).' },
    preHandler: canManage,
  }, async (req) => collect.sendMail(db, requireAuth(req), req.params.id));

  app.get('/api/v1/dunning/worklist', {
    schema: { operationId: 'listDunningWorklist', summary: 'The collector worklist', tags, querystring: WorklistQuery, response: { 200: Worklist },
      description: `Overdue customers in the caller's scope, highest priority first: ${collect.PRIORITY_FORMULA}.` },
    preHandler: canRead,
  }, async (req) => collect.worklist(db, requireAuth(req), req.query));

  app.get('/api/v1/dunning/covered', {
    schema: { operationId: 'listCoveredCustomers', summary: 'Customers whose unapplied cash covers their debt', tags, response: { 200: CoveredList },
      description: 'Not chased by the dunning: their confirmed, unapplied payments cover everything due; finance should apply them (write-off).' },
    preHandler: canRead,
  }, async (req) => collect.coveredCustomers(db, requireAuth(req)));

  app.post('/api/v1/dunning/promises', {
    schema: { operationId: 'createPromiseToPay', summary: 'Record a promise to pay', tags, errors: [dunningError.only('customer_not_found', 'receivable_not_found', 'bad_period')],
      body: PromiseInput, response: { 201: PromiseSchema },
      description: 'A promise to pay 承诺付款: amount and day. Kept when confirmed payments received from today to that day reach the amount; broken the day after otherwise, which escalates to the manager.' },
    preHandler: canRecord,
  }, async (req, reply) => reply.code(201).send(await collect.createPromise(db, requireAuth(req), req.body)));

  app.get('/api/v1/dunning/promises', {
    schema: { operationId: 'listPromisesToPay', summary: 'List promises to pay', tags, querystring: PromiseQuery, response: { 200: PromiseList } },
    preHandler: canRead,
  }, async (req) => collect.listPromises(db, requireAuth(req), req.query));

  app.post('/api/v1/dunning/notes', {
    schema: { operationId: 'createContactNote', summary: 'Record a collection contact', tags, errors: [dunningError.only('customer_not_found', 'promise_not_found')],
      body: ContactNoteInput, response: { 201: ContactNoteSchema }, description: 'Channel, outcome and note of one contact with the customer.' },
    preHandler: canRecord,
  }, async (req, reply) => reply.code(201).send(await collect.createNote(db, requireAuth(req), req.body)));

  app.get('/api/v1/dunning/notes', {
    schema: { operationId: 'listContactNotes', summary: 'List a customer\'s collection contacts', tags, querystring: ContactNoteQuery, response: { 200: ContactNoteList } },
    preHandler: canRead,
  }, async (req) => collect.listNotes(db, requireAuth(req), req.query.customerId, req.query.limit));

  app.get('/api/v1/dunning/tasks', {
    schema: { operationId: 'listDunningTasks', summary: 'List the caller\'s collection tasks', tags, querystring: DunningTaskQuery, response: { 200: DunningTaskList } },
    preHandler: canRead,
  }, async (req) => collect.listTasks(db, requireAuth(req), req.query));

  app.post('/api/v1/dunning/tasks/:id/done', {
    schema: { operationId: 'completeDunningTask', summary: 'Mark a collection task done', tags, errors: [dunningError.only('task_not_found')], params: Params,
      response: { 200: z.object({ id: z.string(), status: z.literal('done') }) } },
    preHandler: canRead, // one's own task: reading dunning is enough
  }, async (req) => collect.completeTask(db, requireAuth(req), req.params.id));

  app.get('/api/v1/dunning/effectiveness', {
    schema: { operationId: 'getCollectionEffectiveness', summary: 'Collection effectiveness per collector', tags, errors: [dunningError.only('bad_period')],
      querystring: EffectivenessQuery, response: { 200: EffectivenessReport }, description: collect.EFFECTIVENESS_DEFINITION },
    preHandler: canRead,
  }, async (req) => collect.collectionEffectiveness(db, requireAuth(req), req.query.from, req.query.to));
}
