// Write-offs 核销: the proposal for a payment in a strategy, applying allocations (with an Idempotency-Key made once
// per submission), the history of a customer or a receivable, and reversal.
import { useQuery } from '@tanstack/react-query';
import { auditKeys } from './audit';
import { api } from './client';
import { moneyMovedKeys, writeOffKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page, WriteOff, WriteOffFields, WriteOffProposal, WriteOffStrategy } from './types';

export { writeOffKeys };

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'Idempotency-Key': key });

export const writeOffs = {
  proposal: (paymentId: string, strategy: WriteOffStrategy, contractId?: string) =>
    api<WriteOffProposal>('/write-offs/proposal', { query: { paymentId, strategy, contractId } }),
  apply: (body: WriteOffFields, key: string) => api<WriteOff>('/write-offs', { method: 'POST', body, headers: idem(key) }),
  list: (filters: { customerId?: string; paymentId?: string; receivableId?: string }, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<WriteOff>>('/write-offs', { query: { ...filters, limit, cursor } }),
  reverse: (id: string, reason: string, key: string) =>
    api<WriteOff>(`/write-offs/${enc(id)}/reverse`, { method: 'POST', body: { reason }, headers: idem(key) }),
};

/** The server's proposal of how a payment pays open receivables; always asked afresh. */
export function useWriteOffProposal(paymentId: string | null, strategy: WriteOffStrategy, contractId: string | undefined) {
  return useQuery({
    queryKey: writeOffKeys.proposal(paymentId, strategy, contractId),
    queryFn: () => writeOffs.proposal(paymentId!, strategy, contractId),
    enabled: !!paymentId, staleTime: 0,
  });
}

/** A customer's write-offs, newest first, 20 a page. */
export function useCustomerWriteOffs(customerId: string) {
  const filters = { customerId };
  return usePagedQuery(writeOffKeys.list(filters, 20), (cursor) => writeOffs.list(filters, cursor, 20));
}

/** The write-offs that paid one receivable (up to 200). */
export function useReceivableWriteOffs(receivableId: string | null, enabled: boolean) {
  const filters = { receivableId: receivableId ?? undefined };
  return useQuery({
    queryKey: writeOffKeys.list(filters, 200), queryFn: () => writeOffs.list(filters, undefined, 200), enabled: !!receivableId && enabled,
  });
}

export function useApplyWriteOffMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ body, key }: { body: WriteOffFields; key: string }) => writeOffs.apply(body, key),
    invalidates: moneyMovedKeys,
  }, handling);
}

export function useReverseWriteOffMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, reason, key }: { id: string; reason: string; key: string }) => writeOffs.reverse(id, reason, key),
    invalidates: () => [...moneyMovedKeys(), auditKeys.all],
  }, handling);
}
