// Thin HTTP layer for receivables.
import { z } from 'zod';
import { ReceivableCreate, ReceivableListQuery, ReceivablePage, ReceivableSchema, ReceivableTotals, ReceivableTotalsQuery, IdSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { receivableError } from './receivables.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as receivables from './receivables.service.js';

const tags = ['receivables'];

export function receivablesRoutes(app: App, db: Db) {
  app.get('/api/v1/receivables', {
    schema: { operationId: 'listReceivables', summary: 'List receivables', tags, querystring: ReceivableListQuery, response: { 200: ReceivablePage } },
    preHandler: requirePermission('receivables', 'read'),
  }, async (req) => receivables.listReceivables(db, requireAuth(req), req.query));

  app.get('/api/v1/receivables/totals', {
    schema: {
      operationId: 'getReceivableTotals', summary: 'Get the totals of a receivables filter', tags, querystring: ReceivableTotalsQuery, response: { 200: ReceivableTotals },
      description: 'Count, amount, open and overdue (open invoices past due today) per currency for the same filter as the list — every matching receivable, not one page. Credit notes count negative in open. Exact decimal strings.',
    },
    preHandler: requirePermission('receivables', 'read'),
  }, async (req) => receivables.receivableTotals(db, requireAuth(req), req.query));

  app.get('/api/v1/receivables/:id', {
    schema: { operationId: 'getReceivable', summary: 'Get a receivable', errors: [receivableError.only('not_found')], tags, params: z.object({ id: IdSchema }), response: { 200: ReceivableSchema } },
    preHandler: requirePermission('receivables', 'read'),
  }, async (req) => receivables.getReceivable(db, requireAuth(req), req.params.id));

  app.post('/api/v1/receivables', {
    schema: { operationId: 'createReceivable', summary: 'Create a receivable by hand', errors: [receivableError.only('customer_not_found', 'contract_not_found')], tags, body: ReceivableCreate, response: { 201: ReceivableSchema } },
    preHandler: requirePermission('receivables', 'create'),
  }, async (req, reply) => reply.code(201).send(await receivables.createManualReceivable(db, requireAuth(req), req.body)));
}
