// Receipt files of payments 回款凭证: the bank receipt 银行回单 or remittance advice a rep or finance attaches to a
// payment. Stored in the database with their SHA-256, never edited or removed (append-only by grant), audited on the
// payment. Who can see the payment (its data scope) can list and download them; who may register or confirm payments
// can add them. Only PDF, PNG, JPEG, OFD and XLSX, checked by extension, declared type and content signature.
import crypto from 'node:crypto';
import {
  PAYMENT_FILE_EXTENSIONS, PAYMENT_FILE_MAX_BYTES, PAYMENT_FILE_TYPES, PAYMENT_FILES_MAX, type PaymentFileType,
} from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { paymentError } from './payments.errors.js';
import { loadPayment } from './payments.service.js';
import * as q from './payment-files.sql.js';

export interface PaymentFile {
  id: string; name: string; contentType: string; size: number; sha256: string;
  uploadedBy: { id: string; name: string } | null; uploadedAt: string;
}

export function toFile(r: q.PaymentFileRow): PaymentFile {
  return {
    id: r.id, name: r.file_name, contentType: r.content_type, size: r.size_bytes, sha256: r.sha256,
    uploadedBy: r.uploaded_by ? { id: r.uploaded_by, name: r.uploaded_name ?? '' } : null, uploadedAt: r.created_at,
  };
}

/** An upload as the HTTP layer read it, with the request fields to name in a 400 (they differ for JSON and multipart). */
export interface UploadInput {
  name: string | null;
  contentType: string | null;
  content: Buffer;
  paths: { name: string; contentType: string; content: string };
}

/** Types some browsers and tools send that mean nothing about the content; the extension decides then. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary', 'application/x-download', 'application/force-download']);
/** Other spellings of an accepted type. */
const ALIASES: Record<string, PaymentFileType> = {
  'application/x-pdf': 'application/pdf', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-ofd': 'application/ofd',
};
const KIND_NAMES: Record<PaymentFileType, string> = {
  'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'application/ofd': 'OFD',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};
const ACCEPTED = `accepted: PDF, PNG, JPEG, OFD, XLSX (${PAYMENT_FILE_EXTENSIONS.map((e) => `.${e}`).join(', ')})`;

function typeOfExtension(ext: string): PaymentFileType | null {
  for (const [type, exts] of Object.entries(PAYMENT_FILE_TYPES) as Array<[PaymentFileType, readonly string[]]>) if (exts.includes(ext)) return type;
  return null;
}

/** Does the content start like a file of this type? (OFD and XLSX are ZIP packages.) */
function looksLike(type: PaymentFileType, b: Buffer): boolean {
  switch (type) {
    case 'application/pdf': return b.subarray(0, 1024).includes('%PDF-');
    case 'image/png': return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg': return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    default: return b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  }
}

/** A file name without directories or control characters, at most 200 characters, keeping its extension. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

const bad = (path: string, message: string, code: 'bad_file' | 'file_type' = 'bad_file') =>
  paymentError(code, `${path}: ${message}`, { errors: [{ path, message }] });

/** Validate an upload; returns the clean name and the content type it is stored and served with. */
export function checkUpload(input: UploadInput): { name: string; contentType: PaymentFileType } {
  const name = cleanFileName(input.name ?? '');
  if (!name) throw bad(input.paths.name, 'the file needs a name with its extension, e.g. 招商银行回单.pdf');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const type = typeOfExtension(ext);
  if (!type) throw bad(input.paths.name, `${ext ? `.${ext} files are` : 'a file without an extension is'} not accepted; ${ACCEPTED}`, 'file_type');
  const declaredRaw = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = ALIASES[declaredRaw] ?? declaredRaw;
  if (!GENERIC_TYPES.has(declared)) {
    if (!(declared in PAYMENT_FILE_TYPES)) throw bad(input.paths.contentType, `${declaredRaw} is not accepted; ${ACCEPTED}`, 'file_type');
    if (declared !== type) throw bad(input.paths.contentType, `${declaredRaw} does not match the file name ${name}`, 'file_type');
  }
  if (input.content.length === 0) throw bad(input.paths.content, 'the file is empty');
  if (input.content.length > PAYMENT_FILE_MAX_BYTES) {
    throw paymentError('file_too_large', undefined, { errors: [{ path: input.paths.content, message: `at most ${PAYMENT_FILE_MAX_BYTES / 1024 / 1024} MB` }] });
  }
  if (!looksLike(type, input.content)) throw bad(input.paths.content, `the content is not a ${KIND_NAMES[type]} file`, 'file_type');
  return { name, contentType: type };
}

/**
 * Attach a file to a payment the caller can see. The same content attached again returns the file already there
 * (created: false) and records nothing, so a retried upload does not duplicate evidence.
 */
export async function uploadFile(db: Db, auth: AuthContext, paymentId: string, input: UploadInput): Promise<{ file: PaymentFile; created: boolean }> {
  return inTenant(db, auth, async (tx) => {
    await loadPayment(tx, auth, paymentId);
    // Validated after the visibility check: a payment out of scope is a 404 whatever was sent.
    const { name, contentType } = checkUpload(input);
    await q.lockPaymentForFiles(tx, paymentId);
    const existing = await q.filesOf(tx, paymentId);
    const sha256 = crypto.createHash('sha256').update(input.content).digest('hex');
    const same = existing.find((f) => f.sha256 === sha256);
    if (same) return { file: toFile(same), created: false };
    if (existing.length >= PAYMENT_FILES_MAX) throw paymentError('too_many_files', `A payment holds at most ${PAYMENT_FILES_MAX} files`);
    const id = await q.insertFile(tx, { tenantId: auth.tenantId, paymentId, name, contentType, content: input.content, sha256, userId: auth.userId });
    await recordAudit(tx, auth, { action: 'attach_file', entityType: 'payment', entityId: paymentId,
      changes: [{ field: 'attachments', before: null, after: { fileId: id, name, contentType, size: input.content.length, sha256 } }] });
    const row = (await q.filesOf(tx, paymentId)).find((f) => f.id === id)!;
    return { file: toFile(row), created: true };
  });
}

export async function listFiles(db: Db, auth: AuthContext, paymentId: string): Promise<{ items: PaymentFile[] }> {
  return inTenant(db, auth, async (tx) => {
    await loadPayment(tx, auth, paymentId);
    return { items: (await q.filesOf(tx, paymentId)).map(toFile) };
  });
}

export async function fileContent(db: Db, auth: AuthContext, paymentId: string, fileId: string) {
  return inTenant(db, auth, async (tx) => {
    await loadPayment(tx, auth, paymentId);
    const f = await q.fileWithContent(tx, paymentId, fileId);
    if (!f) throw paymentError('file_not_found');
    return f;
  });
}
