// Lead imports: upload (answers the job at once), its progress, the recent jobs, and the failed rows as .xlsx.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { IdSchema, LeadImportSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { leadError } from './leads.errors.js';
import * as imports from './import.service.js';
import { LEAD_IMPORT_MAX_BYTES, LEAD_IMPORT_MAX_ROWS } from './import.reader.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IdParams = z.object({ id: IdSchema });
const tags = ['leads'];
const StartQuery = z.object({ campaignId: IdSchema.optional() });
const ReportQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });

async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw leadError('bad_file', 'Send the file as multipart/form-data in the field "file"', { errors: [{ path: 'file', message: 'multipart/form-data with a field "file"' }] });
  const part = await req.file({ limits: { fileSize: LEAD_IMPORT_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') throw leadError('bad_file', 'No file in the field "file"', { errors: [{ path: 'file', message: 'required' }] });
  const data = await part.toBuffer().catch(() => null);
  if (!data || part.file.truncated) throw commonError('too_large', `A lead import file may be at most ${LEAD_IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  return { filename: part.filename || 'leads.csv', data };
}

export function leadImportsRoutes(app: App, db: Db) {
  app.post('/api/v1/lead-imports', {
    schema: {
      operationId: 'startLeadImport', summary: 'Import leads from Excel or CSV', tags, querystring: StartQuery, response: { 202: LeadImportSchema },
      errors: [leadError.only('bad_file', 'too_many_rows', 'campaign_not_found')],
      description: `multipart/form-data with one .xlsx or .csv (UTF-8 or GBK) in the field "file": at most ${LEAD_IMPORT_MAX_BYTES / 1024 / 1024} MB and ${LEAD_IMPORT_MAX_ROWS.toLocaleString('en')} rows. `
        + 'The file is checked at once and the job answered (202); rows are written in batches — poll `GET /api/v1/lead-imports/{id}` for the progress, then download the rows that failed.',
    },
    preHandler: requirePermission('leads', 'import'),
  }, async (req, reply) => {
    const auth = requireAuth(req);
    const upload = await readUpload(req);
    const { job } = await imports.startImport(db, auth, { ...upload, campaignId: req.query.campaignId ?? null });
    return reply.code(202).send(job);
  });

  app.get('/api/v1/lead-imports', {
    schema: { operationId: 'listLeadImports', summary: 'List recent lead imports', tags, response: { 200: z.object({ items: z.array(LeadImportSchema) }) } },
    preHandler: requirePermission('leads', 'import'),
  }, async (req) => imports.listImports(db, requireAuth(req)));

  app.get('/api/v1/lead-imports/:id', {
    schema: { operationId: 'getLeadImport', summary: 'Get a lead import\'s progress', errors: [leadError.only('import_not_found')], tags, params: IdParams, response: { 200: LeadImportSchema } },
    preHandler: requirePermission('leads', 'import'),
  }, async (req) => imports.getImport(db, requireAuth(req), req.params.id));

  app.get('/api/v1/lead-imports/:id/failures.xlsx', {
    schema: { operationId: 'getLeadImportFailures', download: [XLSX], summary: 'Download the rows a lead import did not take', description: 'Each failed row with its row number in the file, its values and the reasons.', errors: [leadError.only('import_not_found')], tags, params: IdParams, querystring: ReportQuery },
    preHandler: requirePermission('leads', 'import'),
  }, async (req, reply) => {
    const lang = req.query.lang ?? (req.headers['accept-language']?.toLowerCase().startsWith('en') ? 'en' : 'zh');
    const data = await imports.failuresWorkbook(db, requireAuth(req), req.params.id, lang);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="lead-import-failures.xlsx"`).header('cache-control', 'no-store').send(data);
  });
}
