// The customer 360: a customer's money summary and its one timeline (audit trail, follow-ups, money facts).
// Keys hang under the customer's detail key and the money keys' prefixes are not needed: a money write on the customer
// page refreshes `customerKeys.detail(id)` through its own invalidations, and the summary is read again on focus.
import { useQuery } from '@tanstack/react-query';
import type { CustomerSummary, RecordRef, TimelineEvent } from '@l2c/shared';
import { api } from './client';
import { usePagedQuery } from './query';
import type { Page } from './types';

const enc = encodeURIComponent;
export type { CustomerSummary, TimelineEvent };
export type TimelineKind = TimelineEvent['kind'];
export type TimelinePage = Page<TimelineEvent> & { refs: RecordRef[] };

export const customer360 = {
  summary: (id: string) => api<CustomerSummary>(`/customers/${enc(id)}/summary`),
  timeline: (id: string, kind: TimelineKind | undefined, cursor?: string, limit = 30) =>
    api<TimelinePage>(`/customers/${enc(id)}/timeline`, { query: { kind, limit, cursor } }),
};

export const customer360Keys = {
  summary: (id: string) => ['customers', 'detail', id, 'summary'] as const,
  timeline: (id: string, kind: TimelineKind | undefined) => ['customers', 'detail', id, 'timeline', kind ?? 'all'] as const,
};

export function useCustomerSummary(id: string, enabled = true) {
  return useQuery({ queryKey: customer360Keys.summary(id), queryFn: () => customer360.summary(id), enabled, staleTime: 5_000 });
}

export function useCustomerTimeline(id: string, kind: TimelineKind | undefined) {
  return usePagedQuery(customer360Keys.timeline(id, kind), (cursor) => customer360.timeline(id, kind, cursor));
}
