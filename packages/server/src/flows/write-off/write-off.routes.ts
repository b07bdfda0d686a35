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
    schema: { tags: ['write-offs'], querystring: WriteOffProposalQuery, response: { 200: WriteOffProposal } },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.propose(db, requireAuth(req), req.query.paymentId, req.query.strategy, req.query.contractId ?? null));

  app.post('/api/v1/write-offs', {
    schema: { tags: ['write-offs'], headers: IdemHeaders, body: WriteOffApply, response: { 201: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'create'),
  }, async (req, reply) => send(reply, await flow.applyWriteOff(db, requireAuth(req), req.body, req.headers['idempotency-key'])));

  app.get('/api/v1/write-offs', {
    schema: {
      tags: ['write-offs'],
      querystring: ListQueryBase.extend({ customerId: IdSchema.optional(), paymentId: IdSchema.optional(), receivableId: IdSchema.optional() }),
      response: { 200: z.object({ items: z.array(WriteOffSchema), nextCursor: z.string().nullable() }) },
    },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.listWriteOffs(db, requireAuth(req), req.query));

  app.get('/api/v1/write-offs/:id', {
    schema: { tags: ['write-offs'], params: IdParams, response: { 200: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'read'),
  }, async (req) => flow.getWriteOff(db, requireAuth(req), req.params.id));

  app.post('/api/v1/write-offs/:id/reverse', {
    schema: { tags: ['write-offs'], headers: IdemHeaders, params: IdParams, body: WriteOffReverse, response: { 201: WriteOffSchema } },
    preHandler: requirePermission('write_offs', 'reverse'),
  }, async (req, reply) => send(reply, await flow.reverseWriteOff(db, requireAuth(req), req.params.id, req.body.reason, req.body.reversedOn, req.headers['idempotency-key'])));

  app.post('/api/v1/receivables/:id/credit-notes', {
    schema: { tags: ['receivables'], headers: IdemHeaders, params: IdParams, body: CreditNoteCreate, response: { 201: ReceivableSchema } },
    preHandler: requirePermission('receivables', 'create'),
  }, async (req, reply) => send(reply, await flow.issueCreditNote(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/receivables/:id/bad-debt-requests', {
    schema: { tags: ['receivables'], params: IdParams, body: BadDebtRequestCreate },
    preHandler: requirePermission('receivables', 'create'),
  }, async (req, reply) => reply.code(201).send(await badDebt.requestBadDebt(db, requireAuth(req), req.params.id, req.body)));

  app.post('/api/v1/bad-debt-requests/:id/:decision', {
    schema: { tags: ['receivables'], params: IdParams.extend({ decision: z.enum(['approve', 'reject']) }), body: z.object({ comment: Text.trim().max(500).nullish() }) },
    preHandler: requirePermission('receivables', 'approve'),
  }, async (req) => badDebt.decideBadDebt(db, requireAuth(req), req.params.id, req.params.decision === 'approve', req.body.comment ?? null));
}
