// Bad-debt requests 坏账核销申请: the list (filters, "awaiting my decision"), a receivable's, one by id; asking for
// one on a receivable, and the decision.
import type { BadDebtRequestSchema, BadDebtRequestStatus } from '@l2c/shared';
import { useQuery } from '@tanstack/react-query';
import { auditKeys } from './audit';
import { api } from './client';
import { approvalKeys, badDebtKeys, moneyMovedKeys } from './keys';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

export { badDebtKeys };

export type BadDebtRequest = ReturnType<(typeof BadDebtRequestSchema)['parse']>;
export type { BadDebtRequestStatus };

export interface BadDebtRequestFilters {
  /** Comma-separated statuses, e.g. "approved,rejected". */
  status?: string;
  customerId?: string;
  receivableId?: string;
  q?: string;
  mine?: 'awaiting';
  sort?: 'requestedAt' | '-requestedAt';
}

const enc = encodeURIComponent;

export const badDebtRequests = {
  list: (filters: BadDebtRequestFilters, cursor?: string, limit = 50) =>
    api<Page<BadDebtRequest>>('/bad-debt-requests', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<BadDebtRequest>(`/bad-debt-requests/${enc(id)}`),
  request: (receivableId: string, body: { amount?: string; reason: string }) =>
    api<{ id: string; status: string }>(`/receivables/${enc(receivableId)}/bad-debt-requests`, { method: 'POST', body }),
  decide: (id: string, decision: 'approve' | 'reject', comment: string | null) =>
    api<{ id: string; status: string; writeOffId: string | null }>(`/bad-debt-requests/${enc(id)}/${decision}`, { method: 'POST', body: { comment } }),
};

/** The requests awaiting my decision; the menu badge polls it (`poll`), the inbox tab reads the same cache entry. */
export function useAwaitingBadDebtRequests(enabled: boolean, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: badDebtKeys.awaiting(),
    queryFn: () => badDebtRequests.list({ mine: 'awaiting', sort: 'requestedAt' }, undefined, 200),
    enabled, refetchInterval: options.poll ? 60_000 : undefined,
  });
}

export function useBadDebtRequestList(filters: BadDebtRequestFilters, enabled: boolean) {
  return usePagedQuery(badDebtKeys.list(filters), (cursor) => badDebtRequests.list(filters, cursor), { enabled });
}

/** The requests of one receivable, newest first (up to 20). */
export function useReceivableBadDebtRequestList(receivableId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: badDebtKeys.ofReceivable(receivableId),
    queryFn: () => badDebtRequests.list({ receivableId: receivableId! }, undefined, 20),
    enabled: !!receivableId && enabled,
  });
}

export function useRequestBadDebtMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ receivableId, ...body }: { receivableId: string; amount?: string; reason: string }) => badDebtRequests.request(receivableId, body),
    // the request is submitted for approval: it joins the approval inbox
    invalidates: () => [...moneyMovedKeys(), approvalKeys.all],
  }, handling);
}

/** Decided through the approval engine; approving books the write-off: money, the history and the inbox refresh. */
export function useBadDebtDecisionMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ request, decision, comment }: { request: BadDebtRequest; decision: 'approve' | 'reject'; comment: string | null }) =>
      badDebtRequests.decide(request.id, decision, comment),
    invalidates: () => [...moneyMovedKeys(), auditKeys.all, approvalKeys.all],
  }, handling);
}
