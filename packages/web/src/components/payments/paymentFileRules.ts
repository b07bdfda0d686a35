// What the server accepts as a payment receipt file, checked before sending, and its refusals in words.
import { PAYMENT_FILE_EXTENSIONS, PAYMENT_FILE_MAX_BYTES, PAYMENT_FILES_MAX } from '@l2c/shared';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { errorText } from '../../lib/errors';

/** For <Upload accept>: the extensions, so the browser's picker offers exactly these. */
export const RECEIPT_ACCEPT = PAYMENT_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');
export { PAYMENT_FILES_MAX };

/** Why this file would be refused, or null when it may be sent. */
export function receiptProblem(t: TFunction, file: { name: string; size: number }): string | null {
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!(PAYMENT_FILE_EXTENSIONS as readonly string[]).includes(ext)) return t('paymentFiles.errors.type', { name: file.name });
  if (file.size === 0) return t('paymentFiles.errors.empty', { name: file.name });
  if (file.size > PAYMENT_FILE_MAX_BYTES) return t('paymentFiles.errors.tooLarge', { name: file.name });
  return null;
}

/** A failed upload in words, naming the file. */
export function receiptUploadError(t: TFunction, name: string, err: unknown): string {
  if (isApiError(err)) {
    switch (err.code) {
      case 'payments.file_type':
        return (err.errors[0]?.message ?? '').startsWith('the content') ? t('paymentFiles.errors.content', { name }) : t('paymentFiles.errors.type', { name });
      case 'payments.file_too_large': return t('paymentFiles.errors.tooLarge', { name });
      case 'payments.too_many_files': return t('paymentFiles.errors.tooMany');
      default: break;
    }
  }
  return t('paymentFiles.uploadFailed', { name, reason: errorText(t, err) });
}

/** 1234567 → "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
