// Thin HTTP for reading bank statements and lines, and the saved CSV/Excel column mappings per bank. What books money
// (import, a decision on a statement, confirming, splitting, rejecting, claiming a line) is flows/bank-reconciliation's.
import { z } from 'zod';
import {
  BankColumnMappingInput, BankColumnMappingList, BankColumnMappingSchema, BankLineListQuery, BankLinePage, BankStatementListQuery,
  BankStatementPage, BankStatementSchema, IdSchema,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { bankError } from './bank-statements.errors.js';
import * as svc from './bank-statements.service.js';

const tags = ['bank-statements'];
const IdParams = z.object({ id: IdSchema });

export function bankStatementsRoutes(app: App, db: Db) {
  app.get('/api/v1/bank-statements', {
    schema: {
      operationId: 'listBankStatements', summary: 'List imported bank statements', tags, querystring: BankStatementListQuery,
      description: 'Newest first, each with its balance check: a statement whose opening + credits − debits ≠ closing is `unbalanced` and books nothing until decided.',
      response: { 200: BankStatementPage },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => svc.listStatements(db, requireAuth(req), req.query));

  app.get('/api/v1/bank-statements/:id', {
    schema: { operationId: 'getBankStatement', summary: 'Get a bank statement', tags, params: IdParams, errors: [bankError.only('not_found')], response: { 200: BankStatementSchema } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => svc.getStatement(db, requireAuth(req), req.params.id));

  app.get('/api/v1/bank-statement-lines', {
    schema: {
      operationId: 'listBankStatementLines', summary: 'List bank statement lines with their match proposals', tags, querystring: BankLineListQuery,
      description: 'Finance sees every line; others see the lines waiting to be claimed 待认领 and those booked to customers in their scope. A proposal is shown only to who may see its customer.',
      response: { 200: BankLinePage },
    },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => svc.listLines(db, requireAuth(req), req.query));

  app.get('/api/v1/bank-column-mappings', {
    schema: { operationId: 'listBankColumnMappings', summary: 'List the saved CSV/Excel column mappings per bank', tags, response: { 200: BankColumnMappingList } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => svc.listMappings(db, requireAuth(req)));

  app.put('/api/v1/bank-column-mappings', {
    schema: {
      operationId: 'saveBankColumnMapping', summary: 'Save a bank\'s column mapping', tags, body: BankColumnMappingInput,
      description: 'One mapping per bank name: a known bank\'s mapping is replaced and its version goes up.',
      response: { 200: BankColumnMappingSchema },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => svc.saveMapping(db, requireAuth(req), req.body));
}
