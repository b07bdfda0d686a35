// Payments 回款: the list, one payment, register (with an Idempotency-Key made once per submission), confirm, reject;
// and its receipt files 回款凭证 (list, upload one file per request, download).
import type { PaymentFileSchema } from '@l2c/shared';
import { useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from './client';
import { moneyMovedKeys, paymentKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page, Payment, PaymentFields, PaymentFilters } from './types';

export { paymentKeys };

export type PaymentFile = ReturnType<(typeof PaymentFileSchema)['parse']>;

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'Idempotency-Key': key });

export const payments = {
  list: (filters: PaymentFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Payment>>('/payments', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Payment>(`/payments/${enc(id)}`),
  create: (body: PaymentFields, key: string) => api<Payment>('/payments', { method: 'POST', body, headers: idem(key) }),
  confirm: (id: string, version: number) => api<Payment>(`/payments/${enc(id)}/confirm`, { method: 'POST', body: { version } }),
  reject: (id: string, reason: string, version: number) =>
    api<Payment>(`/payments/${enc(id)}/reject`, { method: 'POST', body: { reason, version } }),
};

export const paymentFiles = {
  list: (paymentId: string) => api<{ items: PaymentFile[] }>(`/payments/${enc(paymentId)}/files`),
  upload: (paymentId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<PaymentFile>(`/payments/${enc(paymentId)}/files`, { method: 'POST', body: form });
  },
  download: (paymentId: string, file: Pick<PaymentFile, 'id' | 'name'>) =>
    download(`/payments/${enc(paymentId)}/files/${enc(file.id)}`, undefined, file.name),
};

export function usePaymentList(filters: PaymentFilters) {
  return usePagedQuery(paymentKeys.list(filters), (cursor) => payments.list(filters, cursor));
}

/** A customer's confirmed payments with money left to apply, oldest first (the workbench's sources). */
export function useUnappliedPayments(customerId: string | null) {
  const filters: PaymentFilters = { customerId: customerId ?? undefined, status: 'confirmed', unapplied: 'true', sort: 'receivedOn' };
  return useQuery({ queryKey: paymentKeys.list(filters, 100), queryFn: () => payments.list(filters, undefined, 100), enabled: !!customerId });
}

export function usePayment(id: string | null) {
  return useQuery({ queryKey: paymentKeys.detail(id ?? ''), queryFn: () => payments.get(id!), enabled: !!id });
}

export function usePaymentFiles(paymentId: string) {
  return useQuery({ queryKey: paymentKeys.files(paymentId), queryFn: () => paymentFiles.list(paymentId) });
}

/**
 * Register a payment, then upload the receipts picked with it. Once the payment exists nothing may fail the whole
 * (a resubmit would book it again): a receipt that fails is handed to `onReceiptFailed` and can be added again from
 * the payment's drawer.
 */
export function useRegisterPaymentMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: async ({ body, key, receipts, onReceiptFailed }: {
      body: PaymentFields; key: string; receipts: File[]; onReceiptFailed: (file: File, err: unknown) => void;
    }) => {
      const created = await payments.create(body, key);
      let failed = 0;
      for (const file of receipts) {
        try {
          await paymentFiles.upload(created.id, file);
        } catch (e) {
          failed++;
          onReceiptFailed(file, e);
        }
      }
      return { payment: created, failedReceipts: failed };
    },
    invalidates: moneyMovedKeys,
  }, handling);
}

export function useConfirmPaymentMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (p: Payment) => payments.confirm(p.id, p.version), invalidates: moneyMovedKeys }, handling);
}

export function useRejectPaymentMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ payment, reason }: { payment: Payment; reason: string }) => payments.reject(payment.id, reason, payment.version),
    invalidates: moneyMovedKeys,
  }, handling);
}

/**
 * Upload one receipt file (call it once per file; several may run at once, `uploading` counts them, and `onUploaded`
 * hears of each, since mutate()'s own callbacks only follow the latest call). `known` says whether the server
 * answered with a file the payment already had (the same content is stored once).
 */
export function useUploadPaymentFileMutation(
  paymentId: string, onUploaded: (result: { stored: PaymentFile; known: boolean }, file: File) => void, handling?: ErrorHandling<File>,
) {
  const client = useQueryClient();
  const mutationKey = paymentKeys.files(paymentId);
  const uploading = useIsMutating({ mutationKey });
  const mutation = useApiMutation({
    mutationKey,
    mutationFn: async (file: File) => {
      const before = new Set((client.getQueryData<{ items: PaymentFile[] }>(paymentKeys.files(paymentId))?.items ?? []).map((x) => x.id));
      const stored = await paymentFiles.upload(paymentId, file);
      return { stored, known: before.has(stored.id) };
    },
    onSuccess: (result, file) => onUploaded(result, file),
    invalidates: () => [paymentKeys.all],
  }, handling);
  return { ...mutation, uploading };
}
