// Visits 拜访 (plan, check-in/out, record) and key accounts 大客户 (the group tree, the decision map). A check-out also
// writes the customer's follow-up, so it refreshes the customer's follow-ups too.
import { useQuery } from '@tanstack/react-query';
import type { AccountTreeSchema, DecisionMapSchema, VisitSchema, ATTITUDES, BUYING_ROLES, RELATION_KINDS, VISIT_OUTCOMES } from '@l2c/shared';
import { api } from './client';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type Visit = Out<typeof VisitSchema>;
export type AccountTree = Out<typeof AccountTreeSchema>;
export type DecisionMap = Out<typeof DecisionMapSchema>;

export interface VisitFilters { from?: string; to?: string; status?: string; customerId?: string }
export interface VisitFields { customerId: string; contactId?: string | null; opportunityId?: string | null; plannedOn: string; purpose: string }
export interface CheckInFields { version: number; lat: number; lng: number; source: 'gps' | 'manual' }
export interface CheckOutFields {
  version: number; lat?: number | null; lng?: number | null; source?: 'gps' | 'manual'; nextDate?: string | null;
  record: { attendees?: string | null; discussed: string; outcome: (typeof VISIT_OUTCOMES)[number]; customerNeeds?: string | null; competitorInfo?: string | null; nextSteps?: string | null };
}
export interface RoleFields { role: (typeof BUYING_ROLES)[number]; influence: number; attitude: (typeof ATTITUDES)[number]; note?: string | null }
export interface RelationFields { fromContactId: string; toContactId: string; kind: (typeof RELATION_KINDS)[number]; note?: string | null }

export const visitKeys = {
  all: ['visits'] as const,
  list: (f: VisitFilters) => ['visits', 'list', f] as const,
  tree: (id: string) => ['key-accounts', 'tree', id] as const,
  map: (id: string) => ['key-accounts', 'map', id] as const,
  keyAccounts: ['key-accounts'] as const,
};

const enc = encodeURIComponent;

export const visits = {
  list: (f: VisitFilters, cursor?: string) => api<Page<Visit>>('/visits', { query: { ...f, cursor, limit: 100 } }),
  create: (body: VisitFields) => api<Visit>('/visits', { method: 'POST', body }),
  checkIn: (id: string, body: CheckInFields) => api<Visit>(`/visits/${enc(id)}/check-in`, { method: 'POST', body }),
  checkOut: (id: string, body: CheckOutFields) => api<Visit>(`/visits/${enc(id)}/check-out`, { method: 'POST', body }),
  cancel: (id: string, version: number) => api<Visit>(`/visits/${enc(id)}/cancel`, { method: 'POST', body: { version } }),
  setLocation: (customerId: string, body: { lat: number; lng: number }) => api(`/customer-locations/${enc(customerId)}`, { method: 'PUT', body: { ...body, source: 'manual' } }),
  tree: (id: string) => api<AccountTree>(`/key-accounts/${enc(id)}/tree`),
  map: (id: string) => api<DecisionMap>(`/key-accounts/${enc(id)}/decision-map`),
  setRole: (contactId: string, body: RoleFields) => api<DecisionMap>(`/decision-roles/${enc(contactId)}`, { method: 'PUT', body }),
  relate: (body: RelationFields) => api<DecisionMap>('/contact-relations', { method: 'POST', body }),
  unrelate: (id: string) => api<DecisionMap>(`/contact-relations/${enc(id)}`, { method: 'DELETE' }),
};

export function useVisitList(f: VisitFilters) {
  return usePagedQuery(visitKeys.list(f), (cursor) => visits.list(f, cursor));
}
export function useAccountTree(id: string | undefined) {
  return useQuery({ queryKey: visitKeys.tree(id ?? ''), queryFn: () => visits.tree(id!), enabled: !!id });
}
export function useDecisionMap(id: string | undefined) {
  return useQuery({ queryKey: visitKeys.map(id ?? ''), queryFn: () => visits.map(id!), enabled: !!id });
}

const visitsAndFollowUps = () => [visitKeys.all, ['followups'], ['customers']] as const;

export function usePlanVisit(handling?: ErrorHandling<VisitFields>) {
  return useApiMutation({ mutationFn: visits.create, invalidates: () => [visitKeys.all] }, handling);
}
export function useCheckIn(handling?: ErrorHandling<{ id: string } & CheckInFields>) {
  return useApiMutation({ mutationFn: ({ id, ...b }: { id: string } & CheckInFields) => visits.checkIn(id, b), invalidates: () => [visitKeys.all] }, handling);
}
export function useCheckOut(handling?: ErrorHandling<{ id: string } & CheckOutFields>) {
  return useApiMutation({ mutationFn: ({ id, ...b }: { id: string } & CheckOutFields) => visits.checkOut(id, b), invalidates: visitsAndFollowUps }, handling);
}
export function useCancelVisit() {
  return useApiMutation({ mutationFn: (v: { id: string; version: number }) => visits.cancel(v.id, v.version), invalidates: () => [visitKeys.all] });
}
export function useSetLocation() {
  return useApiMutation({ mutationFn: (v: { customerId: string; lat: number; lng: number }) => visits.setLocation(v.customerId, v), invalidates: () => [visitKeys.all] });
}
export function useSetDecisionRole(handling?: ErrorHandling<{ contactId: string } & RoleFields>) {
  return useApiMutation({ mutationFn: ({ contactId, ...b }: { contactId: string } & RoleFields) => visits.setRole(contactId, b), invalidates: () => [visitKeys.keyAccounts, ['opportunities']] }, handling);
}
export function useRelateContacts(handling?: ErrorHandling<RelationFields>) {
  return useApiMutation({ mutationFn: visits.relate, invalidates: () => [visitKeys.keyAccounts] }, handling);
}
export function useUnrelateContacts() {
  return useApiMutation({ mutationFn: visits.unrelate, invalidates: () => [visitKeys.keyAccounts] });
}
