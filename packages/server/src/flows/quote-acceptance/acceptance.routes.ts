// HTTP for accepting a quote: the flow's one route (it writes contracts, the rebate ledger and budgets).
import { z } from 'zod';
import { IdSchema, QuoteAccept, QuoteAccepted, Text } from '@l2c/shared';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { quoteError } from '../../domains/quotes/index.js';
import { contractError } from '../../domains/contracts/index.js';
import { acceptQuote } from './acceptance.flow.js';

const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();

function send<T>(reply: FastifyReply, stored: { statusCode: number; body: T; replayed: boolean }) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

export function quoteAcceptanceRoutes(app: App, db: Db) {
  app.post('/api/v1/quotes/:id/accept', {
    schema: {
      operationId: 'acceptQuote', summary: 'Record the customer\'s acceptance: the quote becomes an order contract',
      description: 'Only an approved quote whose current content is the approved content. Creates a draft order contract with the priced lines (prices, tax, catalog codes) to the cent, books the rebate offset and accrual, consumes the budgets. Send an `Idempotency-Key`; accepting again answers with the same contract.',
      tags: ['quotes'], headers: IdemHeaders, params: z.object({ id: IdSchema }), body: QuoteAccept,
      errors: [quoteError.only('not_found', 'not_approved', 'expired', 'rebate_insufficient', 'not_carried', 'lines_missing'), contractError.only('customer_not_found')],
      response: { 200: QuoteAccepted, 201: QuoteAccepted },
    },
    preHandler: requirePermission('quotes', 'update'),
  }, async (req, reply) => send(reply, await acceptQuote(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));
}
