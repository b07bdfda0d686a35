// Approvals 审批: my inbox, one request, and the decision (approve / reject / return) on a contract's step.
import { useQuery } from '@tanstack/react-query';
import { auditKeys } from './audit';
import { api } from './client';
import { approvalKeys, contractKeys, moneyMovedKeys, notificationKeys } from './keys';
import { useApiMutation, type ErrorHandling } from './query';
import type { ApprovalInboxItem, ApprovalRequest } from './types';

export { approvalKeys };

const enc = encodeURIComponent;

export const approvals = {
  inbox: (limit = 200) => api<{ items: ApprovalInboxItem[] }>('/approvals/inbox', { query: { limit } }),
  get: (id: string) => api<ApprovalRequest>(`/approvals/${enc(id)}`),
  act: (id: string, action: 'approve' | 'reject' | 'return', comment: string | null) =>
    api<ApprovalRequest>(`/approvals/${enc(id)}/${action}`, { method: 'POST', body: { comment } }),
};

/** The inbox; the menu badge polls it (`poll`), the inbox page reads the same cache entry. */
export function useApprovalInbox(enabled: boolean, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: approvalKeys.inbox(), queryFn: () => approvals.inbox(), enabled, refetchInterval: options.poll ? 60_000 : undefined,
  });
}

export type ApprovalAction = 'approve' | 'reject' | 'return';

/** Decide a step; the contract it belongs to moves on (or back), so the contract, history and bell refresh too; a
 * bad-debt approval books money, so everything that shows money refreshes as well. */
export function useApprovalDecisionMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ item, action, comment }: { item: ApprovalInboxItem; action: ApprovalAction; comment: string | null }) =>
      approvals.act(item.id, action, comment),
    invalidates: (_r, { item }) => [
      approvalKeys.all, contractKeys.detail(item.docId), contractKeys.all, auditKeys.all, notificationKeys.all,
      ...(item.docType === 'bad_debt' ? moneyMovedKeys() : []),
    ],
  }, handling);
}
