// Document number formats 单据编号规则 (admins): the list with each type's next number, a preview of a format being
// edited, and saving one (audited). The formats and the counters are the platform's (platform/numbering.ts).
import { z } from 'zod';
import { DocNumberFormatInput, DocNumberFormatSchema, DocNumberPreviewInput, Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { listNumberFormats, numberingError, previewNumberFormat, putNumberFormat } from '../../platform/numbering.js';

const DocTypeParams = z.object({ docType: Text.regex(/^[A-Z]{2,4}$/, 'a document code such as HT') });
const tags = ['settings'];

export function numberingRoutes(app: App, db: Db) {
  app.get('/api/v1/settings/number-formats', {
    schema: { operationId: 'listNumberFormats', summary: 'List document number formats', description: 'Every numbered document type, its format (built in until an admin saves one) and the number its next document would get today.', tags, response: { 200: z.object({ items: z.array(DocNumberFormatSchema) }) } },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => listNumberFormats(db, requireAuth(req)));

  app.post('/api/v1/settings/number-formats/:docType/preview', {
    schema: { operationId: 'previewNumberFormat', summary: 'Preview the next number under a format', description: 'Nothing is stored or reserved.', errors: [numberingError.only('unknown_type', 'bad_reset')], tags, params: DocTypeParams, body: DocNumberPreviewInput, response: { 200: z.object({ next: z.string() }) } },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => previewNumberFormat(db, requireAuth(req), req.params.docType, req.body));

  app.put('/api/v1/settings/number-formats/:docType', {
    schema: {
      operationId: 'updateNumberFormat', summary: 'Set a document type\'s number format',
      description: 'Applies to the next document at once. A counter keeps counting; a new reset period starts above the highest number the type has had, so no number repeats. Audited.',
      errors: [numberingError], tags, params: DocTypeParams, body: DocNumberFormatInput, response: { 200: DocNumberFormatSchema },
    },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => putNumberFormat(db, requireAuth(req), req.params.docType, req.body));
}
