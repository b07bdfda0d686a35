// Receipt files of payments 回款凭证: list, upload (multipart, one file per request) and download; one payment by id.
import type { PaymentFileSchema } from '@l2c/shared';
import { api, download } from './client';
import type { Payment } from './types';

export type PaymentFile = ReturnType<(typeof PaymentFileSchema)['parse']>;

/** Query key of one payment's files; the payment itself is under ['payment', id]. */
export const paymentFilesKey = (paymentId: string | null) => ['payment-files', paymentId] as const;

const enc = encodeURIComponent;

export const paymentFiles = {
  /** The payment itself, with its files (for the payment drawer). */
  payment: (paymentId: string) => api<Payment>(`/payments/${enc(paymentId)}`),
  list: (paymentId: string) => api<{ items: PaymentFile[] }>(`/payments/${enc(paymentId)}/files`),
  upload: (paymentId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<PaymentFile>(`/payments/${enc(paymentId)}/files`, { method: 'POST', body: form });
  },
  download: (paymentId: string, file: Pick<PaymentFile, 'id' | 'name'>) =>
    download(`/payments/${enc(paymentId)}/files/${enc(file.id)}`, undefined, file.name),
};
