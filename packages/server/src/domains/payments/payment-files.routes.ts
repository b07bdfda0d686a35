// Thin HTTP layer for payment receipt files 回款凭证: upload (multipart "file" part, or JSON with base64), list, download.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, PaymentFileList, PaymentFileParams, PaymentFileSchema, PaymentFileUpload, IdSchema } from '@l2c/shared';
import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { paymentError } from './payments.errors.js';
import * as files from './payment-files.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['payments'];

/** Who registers or confirms payments may attach their receipts. */
async function canAttach(req: FastifyRequest, _reply: FastifyReply) {
  const auth = requireAuth(req);
  if (!can(auth.role, 'payments', 'create') && !can(auth.role, 'payments', 'confirm')) {
    throw commonError('forbidden', `Role ${auth.role} may not attach files to payments`);
  }
}

function tooLarge(): never {
  throw paymentError('file_too_large', undefined, { errors: [{ path: 'file', message: 'at most 10 MB' }] });
}

/** The upload as multipart (one part named "file") or JSON ({fileName, contentType, contentBase64}). */
async function readUpload(req: FastifyRequest): Promise<files.UploadInput> {
  if (req.isMultipart()) {
    let file: files.UploadInput | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          throw paymentError('bad_file', 'Send one file per request, in the part named "file"', { errors: [{ path: part.fieldname, message: 'send one file, in the part named "file"' }] });
        }
        file = { name: part.filename || null, contentType: part.mimetype || null, content: await part.toBuffer(),
          paths: { name: 'file', contentType: 'file', content: 'file' } };
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') tooLarge();
      if (code === 'FST_FILES_LIMIT') throw paymentError('bad_file', 'Send one file per request', { errors: [{ path: 'file', message: 'send one file per request' }] });
      throw err;
    }
    if (!file) throw paymentError('bad_file', 'Attach the file as a part named "file"', { errors: [{ path: 'file', message: 'attach the file as a part named "file"' }] });
    return file;
  }
  const parsed = PaymentFileUpload.safeParse(req.body ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
    throw commonError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const b64 = parsed.data.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw paymentError('bad_file', 'contentBase64: not valid base64', { errors: [{ path: 'contentBase64', message: 'not valid base64' }] });
  }
  return { name: parsed.data.fileName, contentType: parsed.data.contentType ?? null, content: Buffer.from(b64, 'base64'),
    paths: { name: 'fileName', contentType: 'contentType', content: 'contentBase64' } };
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name (Chinese names survive every current browser). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const star = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${star}`;
}

export function paymentFilesRoutes(app: App, db: Db) {
  app.post('/api/v1/payments/:id/files', {
    schema: { operationId: 'uploadPaymentFile', errors: [paymentError.only('not_found', 'bad_file', 'file_type', 'file_too_large', 'too_many_files')],
      tags, params: IdParams, response: { 201: PaymentFileSchema, 200: PaymentFileSchema },
      summary: 'Attach a receipt file (银行回单) to a payment',
      description: 'multipart/form-data with one part named "file", or JSON {fileName, contentType?, contentBase64}. PDF, PNG, JPEG, OFD or XLSX, '
        + 'at most 10 MB, at most 20 files per payment. 201 with the stored file; 200 with the file already attached when the same content '
        + 'is sent again. Requires payments:create or payments:confirm and a payment in the caller\'s data scope (else 404).',
    },
    bodyLimit: 15 * 1024 * 1024,
    preHandler: canAttach,
  }, async (req, reply) => {
    const auth = requireAuth(req);
    const { file, created } = await files.uploadFile(db, auth, req.params.id, await readUpload(req));
    return reply.code(created ? 201 : 200).send(file);
  });

  app.get('/api/v1/payments/:id/files', {
    schema: { operationId: 'listPaymentFiles', errors: [paymentError.only('not_found')], tags, params: IdParams, response: { 200: PaymentFileList }, summary: 'The receipt files of a payment' },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => files.listFiles(db, requireAuth(req), req.params.id));

  app.get('/api/v1/payments/:id/files/:fileId', {
    schema: { operationId: 'downloadPaymentFile', download: ['application/pdf', 'image/png', 'image/jpeg', 'application/ofd', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], errors: [paymentError.only('not_found', 'file_not_found')], tags, params: PaymentFileParams, summary: 'Download a receipt file', description: 'The file as uploaded, with its content type, a Content-Disposition with the UTF-8 file name and X-Content-SHA256.' },
    preHandler: requirePermission('payments', 'read'),
  }, async (req, reply) => {
    const f = await files.fileContent(db, requireAuth(req), req.params.id, req.params.fileId);
    return reply.type(f.content_type).header('content-disposition', contentDisposition(f.file_name))
      .header('x-content-sha256', f.sha256).header('cache-control', 'private, no-store').send(f.content);
  });
}
