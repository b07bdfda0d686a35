// A customer's follow-ups 跟进记录: the history and a new entry.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { customerKeys } from './customers';
import { useApiMutation, type ErrorHandling } from './query';
import type { FollowUp, FollowUpFields } from './types';

const enc = encodeURIComponent;

export const followUps = {
  list: (customerId: string) => api<{ items: FollowUp[] }>(`/customers/${enc(customerId)}/followups`),
  create: (customerId: string, body: FollowUpFields) =>
    api<FollowUp>(`/customers/${enc(customerId)}/followups`, { method: 'POST', body }),
};

export const followUpKeys = {
  ofCustomer: (customerId: string) => [...customerKeys.detail(customerId), 'followups'] as const,
};

export function useFollowUps(customerId: string) {
  return useQuery({ queryKey: followUpKeys.ofCustomer(customerId), queryFn: () => followUps.list(customerId) });
}

/** A follow-up moves the customer's "last follow-up" too: refresh the customer and the lists. */
export function useCreateFollowUpMutation(customerId: string, handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: (body: FollowUpFields) => followUps.create(customerId, body),
    invalidates: () => [customerKeys.detail(customerId), customerKeys.lists()],
  }, handling);
}
