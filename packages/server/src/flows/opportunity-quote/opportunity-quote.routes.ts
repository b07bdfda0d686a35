// POST /opportunities/{id}/quotes: a draft quote made from the opportunity (flows/opportunity-quote).
import { z } from 'zod';
import { BusinessDateSchema, IdSchema, QuoteSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { opportunityError } from '../../domains/opportunities/index.js';
import { quoteError } from '../../domains/quotes/index.js';
import { pricingError } from '../../domains/pricing/index.js';
import { quoteOpportunity } from './opportunity-quote.flow.js';

export function opportunityQuoteRoutes(app: App, db: Db) {
  app.post('/api/v1/opportunities/:id/quotes', {
    schema: {
      operationId: 'quoteOpportunity', summary: 'Make a draft quote from an open opportunity',
      description: 'The opportunity\'s customer, name and lines (catalog products priced from the price books, free lines at their price; no lines: one line for the amount), valid for 30 days unless `validUntil` says otherwise. Accepting the quote wins the opportunity and links its order contract.',
      tags: ['opportunities'],
      errors: [opportunityError.only('not_found', 'closed'), quoteError.only('customer_not_found', 'invalid_configuration'), pricingError.only('budget_exhausted')],
      params: z.object({ id: IdSchema }), body: z.object({ validUntil: BusinessDateSchema.optional() }), response: { 201: QuoteSchema },
    },
    preHandler: requirePermission('quotes', 'create'),
  }, async (req, reply) => reply.code(201).send(await quoteOpportunity(db, requireAuth(req), req.params.id, req.body)));
}
