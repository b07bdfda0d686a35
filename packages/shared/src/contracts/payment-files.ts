// API contracts of payment receipt files 回款凭证: the bank receipt 银行回单 or remittance advice behind a payment.
// Upload as multipart/form-data (one part named "file") or as JSON with the content in base64.
import { z } from 'zod';
import { IdSchema, Text, UserRefSchema } from './common.js';

/** Accepted content types and the file-name extensions that go with them. */
export const PAYMENT_FILE_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/ofd': ['ofd'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
} as const satisfies Record<string, readonly string[]>;
export type PaymentFileType = keyof typeof PAYMENT_FILE_TYPES;
export const PAYMENT_FILE_EXTENSIONS = Object.values(PAYMENT_FILE_TYPES).flat();
/** At most 10 MB per file and 20 files per payment. */
export const PAYMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const PAYMENT_FILES_MAX = 20;

export const PaymentFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: UserRefSchema,
  uploadedAt: z.string(),
});
export const PaymentFileList = z.object({ items: z.array(PaymentFileSchema) });

/** The JSON form of an upload; multipart/form-data with a part named "file" is the other. */
export const PaymentFileUpload = z.object({
  fileName: Text.trim().min(1).max(200),
  /** Optional: taken from the file name's extension when missing or generic (application/octet-stream). */
  contentType: Text.trim().max(120).optional(),
  contentBase64: Text.min(1).max(14_000_000),
});
export const PaymentFileParams = z.object({ id: IdSchema, fileId: IdSchema });
