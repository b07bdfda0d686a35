// HTTP for quotes: list, create, edit (each change priced once into a version), versions, submit for approval,
// decline, PDF and share links; the public read-only side of a share link (no login, rate-limited). Accepting is the
// flow's route (flows/quote-acceptance), as it writes contracts, the rebate ledger and budgets.
import { z } from 'zod';
import {
  IdSchema, PublicQuoteSchema, QuoteAction, QuoteCreate, QuoteListQuery, QuotePage, QuoteReject, QuoteSchema, QuoteUpdate, QuoteVersionSchema,
  ShareLinkCreate, ShareLinkSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { approvalError } from '../approvals/index.js';
import { pricingError } from '../pricing/index.js';
import { quoteError } from './quotes.errors.js';
import * as svc from './quotes.service.js';
import * as life from './lifecycle.service.js';
import * as share from './share.service.js';

const tags = ['quotes'];
const IdParams = z.object({ id: IdSchema });
const TokenParams = z.object({ token: Text.trim().min(10).max(200) });

export function quotesRoutes(app: App, db: Db) {
  app.get('/api/v1/quotes', {
    schema: { operationId: 'listQuotes', summary: 'List quotes', description: 'Quotes in the caller\'s data scope (reps their own, managers their team\'s), newest first.', tags, querystring: QuoteListQuery, response: { 200: QuotePage } },
    preHandler: requirePermission('quotes', 'read'),
  }, async (req) => svc.listQuotes(db, requireAuth(req), req.query));

  app.post('/api/v1/quotes', {
    schema: { operationId: 'createQuote', summary: 'Create a quote', description: 'Lines from the catalog (skuId; a bundle with its configuration) or free lines (no skuId, own price); priced at once into version 1.', tags, errors: [quoteError.only('customer_not_found', 'invalid_configuration', 'amount_too_large'), pricingError.only('budget_exhausted')], body: QuoteCreate, response: { 201: QuoteSchema } },
    preHandler: requirePermission('quotes', 'create'),
  }, async (req, reply) => reply.code(201).send(await svc.createQuote(db, requireAuth(req), req.body)));

  app.get('/api/v1/quotes/:id', {
    schema: { operationId: 'getQuote', summary: 'A quote with its lines, current pricing (trace included), approval and the prices this customer last paid', tags, errors: [quoteError.only('not_found')], params: IdParams, response: { 200: QuoteSchema } },
    preHandler: requirePermission('quotes', 'read'),
  }, async (req) => svc.getQuote(db, requireAuth(req), req.params.id));

  app.put('/api/v1/quotes/:id', {
    schema: { operationId: 'updateQuote', summary: 'Change a quote', description: 'Replaces header and lines and prices them once: a new version with a new content hash. A change to an approved or pending quote takes it back to draft — it needs approval again.', tags, errors: [quoteError.only('not_found', 'not_editable', 'invalid_configuration', 'amount_too_large'), pricingError.only('budget_exhausted')], params: IdParams, body: QuoteUpdate, response: { 200: QuoteSchema } },
    preHandler: requirePermission('quotes', 'update'),
  }, async (req) => svc.updateQuote(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/quotes/:id/versions', {
    schema: { operationId: 'listQuoteVersions', summary: 'A quote\'s priced versions', description: 'Newest first, each with its content hash and whether it is the approved content.', tags, errors: [quoteError.only('not_found')], params: IdParams, response: { 200: z.array(QuoteVersionSchema) } },
    preHandler: requirePermission('quotes', 'read'),
  }, async (req) => svc.quoteVersions(db, requireAuth(req), req.params.id));

  app.post('/api/v1/quotes/:id/submit', {
    schema: { operationId: 'submitQuote', summary: 'Submit a quote for approval', description: 'The current version\'s facts (amount, maxDiscount, marginBelowFloor, minMargin) go to the approval engine with its content hash; no matching rule approves at once.', tags, errors: [quoteError.only('not_found', 'bad_status', 'expired', 'lines_missing', 'blocked'), approvalError.only('already_pending', 'no_approver')], params: IdParams, body: QuoteAction, response: { 200: QuoteSchema } },
    preHandler: requirePermission('quotes', 'update'),
  }, async (req) => life.submitQuote(db, requireAuth(req), req.params.id, req.body.version));

  app.post('/api/v1/quotes/:id/reject', {
    schema: { operationId: 'rejectQuote', summary: 'Record that the customer declined', description: 'Closes the quote and releases its promotion budget reservations.', tags, errors: [quoteError.only('not_found', 'bad_status')], params: IdParams, body: QuoteReject, response: { 200: QuoteSchema } },
    preHandler: requirePermission('quotes', 'update'),
  }, async (req) => life.rejectQuote(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/quotes/:id/pdf', {
    schema: { operationId: 'downloadQuotePdf', summary: 'Download the quote as a PDF for the customer (Chinese)', tags, params: IdParams, download: ['application/pdf'], errors: [quoteError.only('not_found', 'lines_missing')] },
    preHandler: requirePermission('quotes', 'read'),
  }, async (req, reply) => {
    const pdf = await share.quotePdfFor(db, requireAuth(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="quote-${pdf.number}.pdf"`).header('cache-control', 'no-store').send(pdf.data);
  });

  app.post('/api/v1/quotes/:id/share-links', {
    schema: { operationId: 'createQuoteShareLink', summary: 'Create an expiring read-only link for the customer', description: 'The token is shown once; `path` is the PDF the customer opens without a login until it expires (`/api/v1/public/quotes/{token}` is the same quote as JSON).', tags, errors: [quoteError.only('not_found', 'bad_status', 'lines_missing')], params: IdParams, body: ShareLinkCreate, response: { 201: ShareLinkSchema } },
    preHandler: requirePermission('quotes', 'update'),
  }, async (req, reply) => reply.code(201).send(await share.createShareLink(db, requireAuth(req), req.params.id, req.body.days)));

  // The customer's side: no session, found by the token; rate-limited per address like the password links.
  const limit = { rateLimit: { max: 30, timeWindow: '1 minute', hook: 'preHandler' as const } };
  app.get('/api/v1/public/quotes/:token', {
    schema: { operationId: 'getSharedQuote', summary: 'A shared quote (read-only, no login)', tags, security: [], errors: [quoteError.only('link_invalid')], params: TokenParams, response: { 200: PublicQuoteSchema } },
    config: limit,
  }, async (req) => share.publicQuote(db, req.params.token));

  app.get('/api/v1/public/quotes/:token/pdf', {
    schema: { operationId: 'getSharedQuotePdf', summary: 'A shared quote as PDF (no login)', tags, security: [], params: TokenParams, download: ['application/pdf'], errors: [quoteError.only('link_invalid')] },
    config: limit,
  }, async (req, reply) => {
    const pdf = await share.publicPdf(db, req.params.token);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="quote-${pdf.number}.pdf"`).header('cache-control', 'no-store').send(pdf.data);
  });
}
