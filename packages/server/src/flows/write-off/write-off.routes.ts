// HTTP for the write-off flow: proposals, write-offs, reversals, credit notes and bad debt. Registering a payment
// (optionally confirm + auto write-off) is the flow's registerPayment, mounted with the other /payments routes by payments. Money-booking writes honour the Idempotency-Key header.
import { z } from 'zod';
import {
  BadDebtRequestCreate, CreditNoteCreate, ReceivableSchema, WriteOffApply, WriteOffProposal,
  WriteOffProposalQuery, WriteOffReverse, WriteOffSchema, ListQueryBase, IdSchema, Text,
} from '@l2c/shared';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { approvalError } from '../../domains/approvals/index.js';
import { receivableError } from '../../domains/receivables/index.js';
import { writeOffError } from './write-off.errors.js';

const BadDebtRequested = z.object({ id: z.string(), receivableId: z.string(), amount: z.string(), status: z.string(), approvalId: z.string() });
const BadDebtDecided = z.object({ id: z.string(), status: z.string(), writeOffId: z.string().nullable(), approvalId: z.string().nullable() });
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as flow from './write-off.flow.js';
import * as badDebt from './bad-debt.flow.js';

const IdParams = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();

function send<T>(reply: FastifyReply, stored: { statusCode: number; body: T; replayed: boolean }) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

export function writeOffRoutes(app: App, db: Db) {
  app.get('/api/v1/write-offs/proposal', {
    schema: { operationId: 'proposeWriteOff', summary: 'Propose a write-off', description: 'Which open receivables a payment, credit note or rebate would settle, by the chosen strategy; books nothing.', errors: [writeOffError.only('customer_not_found', 'source_not_found')], tags: ['write-offs'], querystring: WriteOffProposalQuery, response: { 200: WriteOffProposal } },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.propose(db, requireAuth(req), req.query.paymentId, req.query.strategy, req.query.contractId ?? null));

  app.post('/api/v1/write-offs', {
    schema: { operationId: 'createWriteOff', summary: 'Write off', description: 'Applies a payment, credit note or rebate to receivables (one-to-many, many-to-one, partial). Send an `Idempotency-Key`.', errors: [writeOffError], tags: ['write-offs'], headers: IdemHeaders, body: WriteOffApply, response: { 201: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'create'),
  }, async (req, reply) => send(reply, await flow.applyWriteOff(db, requireAuth(req), req.body, req.headers['idempotency-key'])));

  app.get('/api/v1/write-offs', {
    schema: { operationId: 'listWriteOffs', summary: 'List write-offs', errors: [writeOffError.only('not_found')],
      tags: ['write-offs'],
      querystring: ListQueryBase.extend({ customerId: IdSchema.optional(), paymentId: IdSchema.optional(), receivableId: IdSchema.optional() }),
      response: { 200: z.object({ items: z.array(WriteOffSchema), nextCursor: z.string().nullable() }) },
    },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.listWriteOffs(db, requireAuth(req), req.query));

  app.get('/api/v1/write-offs/:id', {
    schema: { operationId: 'getWriteOff', summary: 'Get a write-off', errors: [writeOffError.only('not_found')], tags: ['write-offs'], params: IdParams, response: { 200: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.getWriteOff(db, requireAuth(req), req.params.id));

  app.post('/api/v1/write-offs/:id/reverse', {
    schema: { operationId: 'reverseWriteOff', summary: 'Reverse a write-off', description: 'Books a reversing write-off 反核销; the original stays, as money facts are never changed.', errors: [writeOffError.only('not_found', 'already_reversed', 'not_reversible')], tags: ['write-offs'], headers: IdemHeaders, params: IdParams, body: WriteOffReverse, response: { 201: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'reverse'),
  }, async (req, reply) => send(reply, await flow.reverseWriteOff(db, requireAuth(req), req.params.id, req.body.reason, req.body.reversedOn, req.headers['idempotency-key'])));

  app.post('/api/v1/receivables/:id/credit-notes', {
    schema: { operationId: 'createCreditNote', summary: 'Issue a credit note', description: 'A credit note 红冲 against an invoice receivable.', errors: [receivableError.only('not_found', 'credit_note_exceeds', 'not_an_invoice')], tags: ['receivables'], headers: IdemHeaders, params: IdParams, body: CreditNoteCreate, response: { 201: ReceivableSchema } },
    preHandler: requirePermission('receivables', 'create'),
  }, async (req, reply) => send(reply, await flow.issueCreditNote(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/receivables/:id/bad-debt-requests', {
    schema: { operationId: 'requestBadDebt', summary: 'Request a bad-debt write-off', description: 'Opens a request that goes through the approval engine (document type `bad_debt`); the final approval books the write-off.', errors: [receivableError.only('not_found', 'bad_debt_exceeds', 'bad_debt_request_pending'), approvalError.only('no_approver', 'already_pending')], tags: ['receivables'], params: IdParams, body: BadDebtRequestCreate, response: { 201: BadDebtRequested } },
    preHandler: requirePermission('receivables', 'create'),
  }, async (req, reply) => reply.code(201).send(await badDebt.requestBadDebt(db, requireAuth(req), req.params.id, req.body)));

  app.post('/api/v1/bad-debt-requests/:id/:decision', {
    schema: { operationId: 'decideBadDebtRequest', summary: 'Approve or reject a bad-debt request', description: 'The older way to decide; it decides through the approval engine.', errors: [receivableError.only('bad_debt_request_not_found', 'bad_debt_request_closed', 'self_approval'), approvalError.only('not_pending', 'not_your_step')], tags: ['receivables'], params: IdParams.extend({ decision: z.enum(['approve', 'reject']) }), body: z.object({ comment: Text.trim().max(500).nullish() }), response: { 200: BadDebtDecided } },
    preHandler: requirePermission('receivables', 'approve'),
  }, async (req) => badDebt.decideBadDebt(db, requireAuth(req), req.params.id, req.params.decision === 'approve', req.body.comment ?? null));
}
