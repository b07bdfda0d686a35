// Thin HTTP layer for customer spreadsheets: export, the import template, import.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CustomerListQuery, ImportReport } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { customerError } from './customers.errors.js';
import { readerError } from './excel.reader.js';
import * as excel from './excel.service.js';
import { excelError } from './excel.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import type { Lang } from './excel.columns.js';

const tags = ['customers'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ExportQuery = CustomerListQuery.omit({ limit: true, cursor: true }).extend({
  /** Header and label language; without it, Accept-Language decides, and Chinese is the default. */
  lang: z.enum(['zh', 'en']).optional(),
});
const ImportQuery = z.object({
  /** Import rows whose name matches an existing customer (a matching credit code is still refused). */
  allowDuplicates: z.enum(['true', 'false']).default('false'),
});

function pickLang(explicit: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (explicit) return explicit;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name that browsers prefer. */
export function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

function sendXlsx(reply: FastifyReply, data: Buffer | Readable, filename: string, asciiFallback = filename) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(filename, asciiFallback))
    .header('cache-control', 'no-store') // customer data: not for shared caches
    .send(data);
}

const FILE_FIELD = { errors: [{ path: 'file', message: 'send the .xlsx workbook as multipart/form-data in the field "file"' }] };

/** The one uploaded file, from the multipart field "file". */
async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Readable }> {
  if (!req.isMultipart()) throw customerError('bad_file', 'Send the workbook as multipart/form-data in the field "file"', FILE_FIELD);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw customerError('bad_file', 'Send the workbook as multipart/form-data in the field "file"', FILE_FIELD);
  // The stream as it arrives: the import reads it while it comes and stops at the row limit (excel.reader.ts).
  return { filename: part.filename || 'upload', data: part.file };
}

export function customersExcelRoutes(app: App, db: Db) {
  app.get('/api/v1/customers/export.xlsx', {
    schema: { operationId: 'exportCustomers', download: [XLSX], summary: 'Export customers to Excel', errors: [excelError], tags, querystring: ExportQuery, description: `The customers matching the list filters, in the caller's data scope, as .xlsx (at most ${excel.EXPORT_MAX_ROWS}).` },
    preHandler: requirePermission('customers', 'export'),
  }, async (req, reply) => {
    const { lang, ...filters } = req.query;
    const data = await excel.exportCustomers(db, requireAuth(req), filters, pickLang(lang, req.headers['accept-language']));
    return sendXlsx(reply, data, `customers-${todayFor(req.auth ?? {})}.xlsx`);
  });

  app.get('/api/v1/customers/import-template.xlsx', {
    schema: { operationId: 'getCustomerImportTemplate', download: [XLSX], summary: 'Download the customer import template', tags, description: 'An empty import workbook with the header row, an example row and a 说明 sheet.' },
    preHandler: requirePermission('customers', 'import'),
  }, async (_req, reply) => sendXlsx(reply, await excel.importTemplate(), '客户导入模板.xlsx', 'customers-import-template.xlsx'));

  app.post('/api/v1/customers/import', {
    schema: { operationId: 'importCustomers', summary: 'Import customers from Excel', errors: [customerError.only('bad_file', 'duplicate', 'duplicate_credit_code'), readerError],
      tags, querystring: ImportQuery, response: { 200: ImportReport },
      description: `multipart/form-data with one .xlsx in the field "file": at most 10 MB and ${excel.IMPORT_MAX_ROWS} filled rows per sheet. `
        + 'The file is read as it arrives and refused at the first row over the limit (400 customers.too_many_rows; 413 over 10 MB). Bad rows are reported and skipped.',
    },
    preHandler: requirePermission('customers', 'import'),
  }, async (req) => {
    const auth = requireAuth(req);
    const upload = await readUpload(req);
    return excel.importCustomers(db, auth, upload, { allowDuplicates: req.query.allowDuplicates === 'true' });
  });
}
