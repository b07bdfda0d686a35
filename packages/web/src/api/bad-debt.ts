// Bad-debt requests 坏账核销申请: the list (filters, "awaiting my decision"), one by id, and the decision.
import type { BadDebtRequestSchema, BadDebtRequestStatus } from '@l2c/shared';
import { api } from './client';
import type { Page } from './types';

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

/** Query keys: every list lives under BAD_DEBT_KEY, so one invalidation refreshes the inbox, lists and drawers. */
export const BAD_DEBT_KEY = ['bad-debt-requests'] as const;

const enc = encodeURIComponent;

export const badDebtRequests = {
  list: (filters: BadDebtRequestFilters, cursor?: string, limit = 50) =>
    api<Page<BadDebtRequest>>('/bad-debt-requests', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<BadDebtRequest>(`/bad-debt-requests/${enc(id)}`),
  decide: (id: string, decision: 'approve' | 'reject', comment: string | null) =>
    api<{ id: string; status: string; writeOffId: string | null }>(`/bad-debt-requests/${enc(id)}/${decision}`, { method: 'POST', body: { comment } }),
};
