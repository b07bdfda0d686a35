// Thin HTTP for invoices 发票: requests 开票申请 (approved in the approval inbox), the register of issued invoices with
// their PDF, red-letter confirmations 红字确认单, the tax platform's workbooks, settings, and the invoicing figures of a
// receivable or contract. Writes that create invoicing facts honour the Idempotency-Key header.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  IdSchema, InvoiceBatchQuery, InvoiceImportReport, InvoiceIssue, InvoiceListQuery, InvoicePage, InvoiceRequestCancel, InvoiceRequestCreate,
  InvoiceRequestListQuery, InvoiceRequestPage, InvoiceRequestSchema, InvoiceSchema, InvoiceSettings, InvoiceSettingsView, InvoicingFiguresSchema,
  RedConfirmationCreate, RedConfirmationListQuery, RedConfirmationPage, RedConfirmationSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { approvalError } from '../approvals/index.js';
import { invoiceError } from './invoices.errors.js';
import * as requests from './requests.service.js';
import * as issue from './issue.service.js';
import * as red from './red.service.js';
import * as workbook from './workbook.service.js';
import * as settings from './settings.service.js';
import * as figures from './figures.service.js';
import { invoicePdf } from './invoice.pdf.js';

const tags = ['invoices'];
const IdParams = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IssueResult = z.object({ created: z.boolean(), invoice: InvoiceSchema });
const MAX_UPLOAD = 10 * 1024 * 1024;

function send<T>(reply: FastifyReply, stored: { statusCode: number; body: T; replayed: boolean }) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

async function readUpload(req: FastifyRequest): Promise<Buffer> {
  const problem = { errors: [{ path: 'file', message: 'send the .xlsx workbook as multipart/form-data in the field "file"' }] };
  if (!req.isMultipart()) throw invoiceError('bad_file', undefined, problem);
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD } });
  if (!part || part.fieldname !== 'file') throw invoiceError('bad_file', undefined, problem);
  const data = await part.toBuffer().catch(() => null);
  if (!data || part.file.truncated) throw invoiceError('bad_file', 'The workbook is larger than 10 MB', { errors: [{ path: 'file', message: 'at most 10 MB' }] });
  return data;
}

export function invoicesRoutes(app: App, db: Db) {
  app.get('/api/v1/invoice-requests', {
    schema: {
      operationId: 'listInvoiceRequests', summary: 'List invoice requests', tags, querystring: InvoiceRequestListQuery, response: { 200: InvoiceRequestPage },
      description: 'Invoice requests 开票申请 newest first; filters: status (comma-separated), customerId, receivableId, contractId, q (number or customer). Only requests on customers in the caller\'s data scope, or made by someone in it.',
    },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => requests.listInvoiceRequests(db, requireAuth(req), req.query));

  app.post('/api/v1/invoice-requests', {
    schema: {
      operationId: 'createInvoiceRequest', summary: 'Request an invoice', tags, headers: IdemHeaders, body: InvoiceRequestCreate, response: { 201: InvoiceRequestSchema },
      errors: [invoiceError.only('source_not_found', 'not_invoiceable', 'mixed_sources', 'over_invoiced', 'lines_mismatch'), approvalError.only('no_approver')],
      description: 'An invoice over one or several receivables or signed contracts of one customer, each in full or in part. The lines (tax classification code, name, quantity, unit price or amount, rate) must add up with tax to the items; pricesIncludeTax says whether prices include tax. Refused with 409 invoices.over_invoiced when a source would be invoiced beyond its amount. Goes to the approval engine (document type invoice_request).',
    },
    preHandler: requirePermission('invoices', 'create'),
  }, async (req, reply) => send(reply, await requests.createInvoiceRequest(db, requireAuth(req), req.body, req.headers['idempotency-key'])));

  app.get('/api/v1/invoice-requests/batch.xlsx', {
    schema: {
      operationId: 'exportInvoiceBatch', summary: 'Export the batch-issue workbook of approved requests', tags, querystring: InvoiceBatchQuery, download: [XLSX],
      description: 'The approved requests in the caller\'s scope as a workbook for the tax platform\'s batch issue 批量开票: one row per line, the request number first in the remarks (备注).',
    },
    preHandler: requirePermission('invoices', 'export'),
  }, async (req, reply) => {
    const { data } = await workbook.batchWorkbook(db, requireAuth(req), req.query.customerId ?? null);
    return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="invoice-batch.xlsx"').header('cache-control', 'no-store').send(data);
  });

  app.get('/api/v1/invoice-requests/:id', {
    schema: { operationId: 'getInvoiceRequest', summary: 'Get an invoice request', tags, params: IdParams, response: { 200: InvoiceRequestSchema }, errors: [invoiceError.only('request_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => requests.getInvoiceRequest(db, requireAuth(req), req.params.id));

  app.post('/api/v1/invoice-requests/:id/cancel', {
    schema: {
      operationId: 'cancelInvoiceRequest', summary: 'Cancel an invoice request', tags, params: IdParams, body: InvoiceRequestCancel, response: { 200: InvoiceRequestSchema },
      errors: [invoiceError.only('request_not_found', 'bad_status', 'not_yours')], description: 'A pending or approved request not yet issued: its approval is withdrawn and its amounts are free to invoice again.',
    },
    preHandler: requirePermission('invoices', 'create'),
  }, async (req) => requests.cancelInvoiceRequest(db, requireAuth(req), req.params.id, req.body.reason ?? null));

  app.post('/api/v1/invoice-requests/:id/issue', {
    schema: {
      operationId: 'recordIssuedInvoice', summary: 'Record the invoice issued for a request', tags, params: IdParams, body: InvoiceIssue, response: { 200: IssueResult },
      errors: [invoiceError.only('request_not_found', 'bad_status', 'number_taken', 'no_seller')],
      description: 'The 20-digit number and date the tax platform gave the approved request\'s invoice. The same number again is a no-op (created: false).',
    },
    preHandler: requirePermission('invoices', 'update'),
  }, async (req) => issue.issueInvoice(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/invoices', {
    schema: {
      operationId: 'listInvoices', summary: 'List issued invoices', tags, querystring: InvoiceListQuery, response: { 200: InvoicePage },
      description: 'The register of issued invoices, blue and red, newest first; filters: color, customerId, receivableId, contractId, q (number or customer).',
    },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => issue.listInvoices(db, requireAuth(req), req.query));

  app.post('/api/v1/invoices/import', {
    schema: {
      operationId: 'importIssuedInvoices', summary: 'Import issued invoices from the tax platform', tags, response: { 200: InvoiceImportReport },
      errors: [invoiceError.only('bad_file', 'no_mapping')],
      description: 'The tax platform\'s export workbook (multipart/form-data, field "file", .xlsx, at most 10 MB), read through the saved column mapping: each row\'s number is attached to its request. Rows already attached count as alreadyIssued and create nothing; refused rows are listed with their row number.',
    },
    preHandler: requirePermission('invoices', 'import'),
  }, async (req) => workbook.importIssued(db, requireAuth(req), await readUpload(req)));

  app.get('/api/v1/invoices/:id', {
    schema: { operationId: 'getInvoice', summary: 'Get an issued invoice', tags, params: IdParams, response: { 200: InvoiceSchema }, errors: [invoiceError.only('invoice_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => issue.getInvoice(db, requireAuth(req), req.params.id));

  app.get('/api/v1/invoices/:id/pdf', {
    schema: { operationId: 'downloadInvoicePdf', summary: 'Download an invoice as PDF for the customer', tags, params: IdParams, download: ['application/pdf'], errors: [invoiceError.only('invoice_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req, reply) => {
    const inv = await issue.getInvoice(db, requireAuth(req), req.params.id);
    const data = await invoicePdf(inv);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="invoice-${inv.number}.pdf"`).header('cache-control', 'no-store').send(data);
  });

  app.post('/api/v1/invoices/:id/red-confirmations', {
    schema: {
      operationId: 'createRedConfirmation', summary: 'Ask to reverse a blue invoice (red-letter confirmation)', tags, headers: IdemHeaders, params: IdParams,
      body: RedConfirmationCreate, response: { 201: RedConfirmationSchema },
      errors: [invoiceError.only('invoice_not_found', 'not_blue', 'red_exceeds', 'credit_note_mismatch')],
      description: 'A red-letter confirmation 红字确认单 over all of the blue invoice (no lines) or part of it (an amount with tax per line), optionally linked to the credit note booked for it. Never more red than blue.',
    },
    preHandler: requirePermission('invoices', 'update'),
  }, async (req, reply) => send(reply, await red.createRedConfirmation(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.get('/api/v1/red-confirmations', {
    schema: { operationId: 'listRedConfirmations', summary: 'List red-letter confirmations', tags, querystring: RedConfirmationListQuery, response: { 200: RedConfirmationPage } },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => red.listRedConfirmations(db, requireAuth(req), req.query));

  app.get('/api/v1/red-confirmations/:id', {
    schema: { operationId: 'getRedConfirmation', summary: 'Get a red-letter confirmation', tags, params: IdParams, response: { 200: RedConfirmationSchema }, errors: [invoiceError.only('red_confirmation_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => red.getRedConfirmation(db, requireAuth(req), req.params.id));

  app.post('/api/v1/red-confirmations/:id/confirm', {
    schema: { operationId: 'confirmRedConfirmation', summary: 'Record the buyer\'s confirmation', tags, params: IdParams, response: { 200: RedConfirmationSchema }, errors: [invoiceError.only('red_confirmation_not_found', 'bad_status')] },
    preHandler: requirePermission('invoices', 'update'),
  }, async (req) => red.confirmRedConfirmation(db, requireAuth(req), req.params.id));

  app.post('/api/v1/red-confirmations/:id/cancel', {
    schema: { operationId: 'cancelRedConfirmation', summary: 'Cancel a red-letter confirmation', tags, params: IdParams, response: { 200: RedConfirmationSchema }, errors: [invoiceError.only('red_confirmation_not_found', 'bad_status')] },
    preHandler: requirePermission('invoices', 'update'),
  }, async (req) => red.cancelRedConfirmation(db, requireAuth(req), req.params.id));

  app.post('/api/v1/red-confirmations/:id/issue', {
    schema: {
      operationId: 'recordRedInvoice', summary: 'Record the red invoice issued for a confirmation', tags, params: IdParams, body: InvoiceIssue, response: { 200: IssueResult },
      errors: [invoiceError.only('red_confirmation_not_found', 'bad_status', 'number_taken')],
      description: 'The red invoice\'s 20-digit number and date: negative lines, and the reversed amount is uninvoiced again on the receivables. The same number again is a no-op.',
    },
    preHandler: requirePermission('invoices', 'update'),
  }, async (req) => red.issueRedInvoice(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/invoice-settings', {
    schema: { operationId: 'getInvoiceSettings', summary: 'Get invoice settings', tags, response: { 200: InvoiceSettingsView } },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => settings.getInvoiceSettings(db, requireAuth(req)));

  app.put('/api/v1/invoice-settings', {
    schema: {
      operationId: 'updateInvoiceSettings', summary: 'Save invoice settings', tags, body: InvoiceSettings, response: { 200: InvoiceSettingsView },
      description: 'The seller 销售方 (name, taxpayer id) every recorded invoice carries, and the column mapping of the tax platform\'s export workbook.',
    },
    preHandler: requirePermission('invoices', 'import'),
  }, async (req) => settings.updateInvoiceSettings(db, requireAuth(req), req.body));

  app.get('/api/v1/receivables/:id/invoicing', {
    schema: { operationId: 'getReceivableInvoicing', summary: 'Get what of a receivable is invoiced, uninvoiced and paid', tags, params: IdParams, response: { 200: InvoicingFiguresSchema }, errors: [invoiceError.only('record_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => figures.receivableInvoicing(db, requireAuth(req), req.params.id));

  app.get('/api/v1/contracts/:id/invoicing', {
    schema: { operationId: 'getContractInvoicing', summary: 'Get what of a contract is invoiced, uninvoiced and paid', tags, params: IdParams, response: { 200: InvoicingFiguresSchema }, errors: [invoiceError.only('record_not_found')] },
    preHandler: requirePermission('invoices', 'read'),
  }, async (req) => figures.contractInvoicing(db, requireAuth(req), req.params.id));
}
