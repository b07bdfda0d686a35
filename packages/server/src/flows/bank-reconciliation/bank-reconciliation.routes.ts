// Thin HTTP for the reconciliation workbench 对账工作台: importing a statement file, deciding on a statement that does
// not reconcile, and what finance (confirm, split, reject) and reps (claim 认领) do with a line. Each books money through
// the payments domain and the write-off flow. An import is idempotent by the file's content: the same file twice, or
// a statement overlapping an earlier one, books nothing twice (unique keys in SQL), so it takes no Idempotency-Key;
// the other writes honour one (a replay answers what the first call answered, with Idempotent-Replayed).
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import {
  BankImportResult, BankLineClaim, BankLineConfirm, BankLineReject, BankLineSchema, BankLineSplit, BankRematch, BankRematchResult,
  BankStatementDecision, BankStatementImport, BankStatementSchema, IdSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { bankError } from '../../domains/bank-statements/index.js';
import { paymentError } from '../../domains/payments/index.js';
import { writeOffError } from '../write-off/index.js';
import * as svc from './bank-reconciliation.service.js';

const tags = ['bank-statements'];
const IdParams = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();

function send<T>(reply: FastifyReply, stored: { statusCode: number; body: T; replayed: boolean }) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}
const lineErrors = [bankError.only('line_not_found', 'line_not_open', 'no_proposal', 'exceeds_line', 'same_money'), paymentError.only('not_unclaimed', 'not_claimed'), writeOffError];

export function bankReconciliationRoutes(app: App, db: Db) {
  app.post('/api/v1/bank-statements/imports', {
    schema: {
      operationId: 'importBankStatement', summary: 'Import a bank statement file', tags, body: BankStatementImport,
      description: 'MT940, camt.053, or CSV/Excel through a column mapping (a saved one by `mappingId`, or one given and optionally saved). '
        + 'Every statement is checked (opening + credits − debits = closing, one currency); one that does not reconcile is kept `unbalanced` and books '
        + 'nothing until decided. Each new credit line becomes a payment 待认领; the matcher proposes, and proposals from confidence 90 are written off at once.',
      errors: [bankError.only('bad_file', 'mapping_required', 'mapping_not_found')], response: { 201: BankImportResult },
    },
    bodyLimit: 20 * 1024 * 1024,
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req, reply) => reply.code(201).send(await svc.importStatement(db, requireAuth(req), req.body)));

  app.post('/api/v1/bank-statements/:id/decide', {
    schema: {
      operationId: 'decideBankStatement', summary: 'Accept or reject a statement that does not reconcile', tags, headers: IdemHeaders, params: IdParams, body: BankStatementDecision,
      description: 'accept: its credit lines become payments 待认领 and are matched as if it had reconciled; reject: its lines are kept for the record and booked nowhere.',
      errors: [bankError.only('not_found', 'not_unbalanced')], response: { 200: BankStatementSchema },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req, reply) => send(reply, await svc.decideStatement(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/bank-statement-lines/:id/confirm', {
    schema: {
      operationId: 'confirmBankMatch', summary: 'Confirm a line\'s match proposal', tags, headers: IdemHeaders, params: IdParams, body: BankLineConfirm,
      description: 'Claims the payment for the proposal\'s customer, writes the proposal\'s allocations off, and (rememberPayer) learns the payer\'s name and account.',
      errors: lineErrors, response: { 200: BankLineSchema },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req, reply) => send(reply, await svc.confirmLine(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/bank-statement-lines/:id/split', {
    schema: {
      operationId: 'splitBankLine', summary: 'Book a line to a customer with amounts per receivable', tags, headers: IdemHeaders, params: IdParams, body: BankLineSplit,
      description: 'What the allocations leave stays on the customer\'s prepaid account 预收. A pending proposal is rejected.',
      errors: lineErrors, response: { 200: BankLineSchema },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req, reply) => send(reply, await svc.splitLine(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/bank-statement-lines/:id/reject', {
    schema: {
      operationId: 'rejectBankMatch', summary: 'Reject a line\'s proposal, or the line itself', tags, headers: IdemHeaders, params: IdParams, body: BankLineReject,
      description: 'proposal: the line waits 待认领 again; line: it is no customer\'s money (interest, a refund) and its payment is rejected.',
      errors: lineErrors, response: { 200: BankLineSchema },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req, reply) => send(reply, await svc.rejectLine(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/bank-statement-lines/:id/claim', {
    schema: {
      operationId: 'claimBankLine', summary: 'Claim 认领 a waiting line for one of your customers', tags, headers: IdemHeaders, params: IdParams, body: BankLineClaim,
      description: 'The customer must be in the caller\'s data scope. The named receivables (or the customer\'s oldest due first) are written off; the rest stays prepaid. When a payment registered by hand for that customer is the same money (same amount and currency, received within ±5 days), the line is linked to it instead (matchedHow `linked`) and its own payment 待认领 rejected as the duplicate — the money is counted once.',
      errors: lineErrors, response: { 200: BankLineSchema },
    },
    preHandler: requirePermission('payments', 'create'),
  }, async (req, reply) => send(reply, await svc.claimLine(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/bank-statement-lines/rematch', {
    schema: {
      operationId: 'rematchBankLines', summary: 'Match the waiting lines again', tags, body: BankRematch,
      description: 'After new receivables or learned payers: every line still 待认领 is proposed again, and confident proposals are applied.',
      response: { 200: BankRematchResult },
    },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => svc.rematch(db, requireAuth(req)));
}
