// Thin HTTP layer for collections: aging, drill-down, trend, top overdue customers, DSO, the overdue list, statements.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import {
  AgingDrillQuery, AgingQuery, AgingReport, AgingTrend, AgingTrendQuery, DsoQuery, DsoReport, OpenReceivablePage, OverdueListQuery,
  Statement, StatementQuery, TopOverdueCustomers, TopOverdueQuery, IdSchema,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { collectionsError } from './collections.errors.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { fastResponse } from '../../platform/fast-json.js';
import { todayFor } from '../../platform/clock.js';
import * as aging from './aging.service.js';
import * as metrics from './metrics.service.js';
import { statementOf } from './statement.service.js';
import { statementPdf } from './statement.pdf.js';
import { statementXlsx } from './statement.xlsx.js';
import type { Lang } from './statement.labels.js';

const tags = ['collections'];
// Aging and statements are views of receivables: whoever may read receivables sees them, within their data scope.
const canRead = requirePermission('receivables', 'read');

function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

function pickLang(explicit: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (explicit) return explicit;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

function sendFile(reply: FastifyReply, data: Buffer, type: string, filename: string, ascii: string) {
  return reply.header('content-type', type).header('content-disposition', attachment(filename, ascii)).header('cache-control', 'no-store').send(data);
}

export function collectionsRoutes(app: App, db: Db) {
  app.get('/api/v1/aging', {
    schema: { operationId: 'getAgingReport', summary: 'Get the aging report', errors: [collectionsError.only('bad_bucket')], tags, querystring: AgingQuery, response: { 200: fastResponse(AgingReport) }, description: 'Aging 账龄 of open invoices by days past due, as of a day (default today).' },
    preHandler: canRead,
    // begin + settings with the authentication (platform/request-tx.ts): one inTenant, nothing before it. Generic plans
    // kept (platform/auth.ts plansPerCall): the summary statements' were checked — the only skewed question, "is any
    // step dated after the day?", is asked as the latest step's date, an index probe in any plan (session 5).
    config: { openTx: true, genericPlans: true },
  }, async (req) => aging.agingReport(db, requireAuth(req), req.query));

  app.get('/api/v1/aging/receivables', {
    schema: { operationId: 'listAgingReceivables', summary: 'List the receivables of an aging cell', errors: [collectionsError.only('bad_bucket')], tags, querystring: AgingDrillQuery, response: { 200: OpenReceivablePage }, description: 'The receivables behind one cell of the aging report.' },
    preHandler: canRead,
  }, async (req) => aging.agingDrillDown(db, requireAuth(req), req.query));

  app.get('/api/v1/aging/trend', {
    schema: { operationId: 'getAgingTrend', summary: 'Get the aging trend', tags, querystring: AgingTrendQuery, response: { 200: AgingTrend }, description: 'Open and overdue totals at each month end (as of that day), the last point today.' },
    preHandler: canRead,
  }, async (req) => metrics.agingTrend(db, requireAuth(req), req.query));

  app.get('/api/v1/aging/top-customers', {
    schema: { operationId: 'listTopOverdueCustomers', summary: 'List the customers with the most overdue', tags, querystring: TopOverdueQuery, response: { 200: TopOverdueCustomers }, description: 'Customers with the most money past due.' },
    preHandler: canRead,
  }, async (req) => aging.topOverdue(db, requireAuth(req), req.query));

  app.get('/api/v1/dso', {
    schema: { operationId: 'getDso', summary: 'Get days sales outstanding', tags, querystring: DsoQuery, response: { 200: DsoReport }, description: 'Days sales outstanding, simple and countback.' },
    preHandler: canRead,
  }, async (req) => metrics.dso(db, requireAuth(req), req.query));

  app.get('/api/v1/receivables/overdue', {
    schema: { operationId: 'listOverdueReceivables', summary: 'List overdue receivables', tags: ['collections'], querystring: OverdueListQuery, response: { 200: OpenReceivablePage }, description: 'Receivables past due as of a day, oldest first.' },
    preHandler: canRead,
  }, async (req) => aging.overdueList(db, requireAuth(req), req.query));

  const StatementParams = z.object({ id: IdSchema });
  app.get('/api/v1/customers/:id/statement', {
    schema: { operationId: 'getStatement', summary: 'Get a statement of account', errors: [collectionsError.only('customer_not_found')], tags, params: StatementParams, querystring: StatementQuery, response: { 200: Statement }, description: 'Statement of account 对账单 of one customer for a period.' },
    preHandler: canRead,
  }, async (req) => statementOf(db, requireAuth(req), req.params.id, req.query));

  // A statement is one customer's document that a rep sends to that customer: reading it is enough to download it.
  app.get('/api/v1/customers/:id/statement.xlsx', {
    schema: { operationId: 'downloadStatementXlsx', download: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], summary: 'Download a statement of account as Excel', errors: [collectionsError.only('customer_not_found')], tags, params: StatementParams, querystring: StatementQuery, description: 'The statement as an Excel workbook.' },
    preHandler: canRead,
  }, async (req, reply) => {
    const s = await statementOf(db, requireAuth(req), req.params.id, req.query);
    const lang = pickLang(req.query.lang, req.headers['accept-language']);
    const data = await statementXlsx({ ...s, generatedOn: todayFor(req.auth ?? {}) }, lang);
    return sendFile(reply, data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `${lang === 'zh' ? '对账单' : 'statement'}-${s.customer.number}-${s.from}-${s.to}.xlsx`, `statement-${s.customer.number}-${s.from}-${s.to}.xlsx`);
  });

  app.get('/api/v1/customers/:id/statement.pdf', {
    schema: { operationId: 'downloadStatementPdf', download: ['application/pdf'], summary: 'Download a statement of account as PDF', errors: [collectionsError.only('customer_not_found')], tags, params: StatementParams, querystring: StatementQuery, description: 'The statement as a PDF (Chinese text in an embedded CJK font).' },
    preHandler: canRead,
  }, async (req, reply) => {
    const s = await statementOf(db, requireAuth(req), req.params.id, req.query);
    const lang = pickLang(req.query.lang, req.headers['accept-language']);
    const pdf = await statementPdf({ ...s, generatedOn: todayFor(req.auth ?? {}) }, lang);
    if (!pdf.font) req.log.warn('no CJK font found for PDFs: Chinese text cannot be shown; install @embedpdf/fonts-sc or set L2C_PDF_FONT');
    return sendFile(reply, pdf.data, 'application/pdf',
      `${lang === 'zh' ? '对账单' : 'statement'}-${s.customer.number}-${s.from}-${s.to}.pdf`, `statement-${s.customer.number}-${s.from}-${s.to}.pdf`);
  });
}
