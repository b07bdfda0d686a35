// Campaigns 市场活动: the tree (top level, children on expand) with figures, one campaign, its members through the event
// flow (invite, register, check in — a check-in may make a lead), its costs (recorded with an Idempotency-Key made once
// per submission, reversed), and its ROI. A write refreshes the campaign and its ancestors' roll-ups (the whole list).
import { useQuery } from '@tanstack/react-query';
import type {
  CampaignCostList, CampaignCostSchema, CampaignFunnelSchema, CampaignMemberSchema, CampaignRoiSchema, CampaignSchema, CampaignStatus, CampaignType, CostCategory, MemberStatus,
} from '@l2c/shared';
import { api } from './client';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type Campaign = Out<typeof CampaignSchema>;
export type CampaignMember = Out<typeof CampaignMemberSchema>;
export type CampaignCost = Out<typeof CampaignCostSchema>;
export type CampaignCosts = Out<typeof CampaignCostList>;
export type CampaignRoi = Out<typeof CampaignRoiSchema>;
export type CampaignFigures = Campaign['rollup'];
export type CampaignFunnel = Out<typeof CampaignFunnelSchema>;

export interface CampaignFields {
  name: string; parentId?: string | null; type: CampaignType; status?: CampaignStatus; startOn?: string | null; endOn?: string | null;
  budget?: string; ownerId?: string; description?: string | null; currency?: string;
}
export interface CampaignPatch extends Partial<CampaignFields> { version: number }
export interface MemberFields { leadId?: string; contactId?: string; name?: string | null; company?: string | null; phone?: string | null; email?: string | null; status?: MemberStatus }
export interface CostFields { category: CostCategory; amount: string; incurredOn: string; vendor?: string | null; memo?: string | null }
export interface CampaignListFilters { q?: string; status?: string; type?: string; year?: string }

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (f: CampaignListFilters) => ['campaigns', 'list', f] as const,
  children: (parentId: string) => ['campaigns', 'children', parentId] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  members: (id: string, status?: string) => ['campaigns', 'members', id, status ?? 'all'] as const,
  costs: (id: string) => ['campaigns', 'costs', id] as const,
  roi: (id: string) => ['campaigns', 'roi', id] as const,
  funnel: (year?: number) => ['campaigns', 'funnel', year ?? 'this'] as const,
};

const enc = encodeURIComponent;

export const campaigns = {
  list: (f: CampaignListFilters, cursor?: string) => api<Page<Campaign>>('/campaigns', {
    query: { roots: f.q || f.status || f.type ? undefined : 'true', q: f.q, status: f.status, type: f.type, year: f.year, cursor, limit: 50 },
  }),
  children: (parentId: string) => api<Page<Campaign>>('/campaigns', { query: { parentCampaignId: parentId, limit: 200 } }),
  get: (id: string) => api<Campaign>(`/campaigns/${enc(id)}`),
  create: (body: CampaignFields) => api<Campaign>('/campaigns', { method: 'POST', body }),
  update: (id: string, body: CampaignPatch) => api<Campaign>(`/campaigns/${enc(id)}`, { method: 'PATCH', body }),
  members: (id: string, status?: string, cursor?: string) => api<Page<CampaignMember>>(`/campaigns/${enc(id)}/members`, { query: { status, cursor, limit: 100 } }),
  addMember: (id: string, body: MemberFields) => api<CampaignMember>(`/campaigns/${enc(id)}/members`, { method: 'POST', body }),
  step: (memberId: string, step: 'invite' | 'register' | 'check-in') => api<CampaignMember>(`/campaign-members/${enc(memberId)}/${step}`, { method: 'POST', body: {} }),
  costs: (id: string) => api<CampaignCosts>(`/campaigns/${enc(id)}/costs`),
  addCost: (id: string, body: CostFields, key: string) => api<CampaignCost>(`/campaigns/${enc(id)}/costs`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  reverseCost: (costId: string, key: string) => api<CampaignCost>(`/campaign-costs/${enc(costId)}/reverse`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': key } }),
  roi: (id: string) => api<CampaignRoi>(`/campaigns/${enc(id)}/roi`),
  funnel: (year?: number) => api<CampaignFunnel>('/campaigns/funnel', { query: { year } }),
};

export function useCampaignList(f: CampaignListFilters) {
  return usePagedQuery(campaignKeys.list(f), (cursor) => campaigns.list(f, cursor));
}

export function useCampaignChildren(parentId: string, enabled: boolean) {
  return useQuery({ queryKey: campaignKeys.children(parentId), queryFn: () => campaigns.children(parentId), enabled });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: campaignKeys.detail(id ?? ''), queryFn: () => campaigns.get(id!), enabled: !!id });
}

export function useCampaignMembers(id: string, status?: string) {
  return usePagedQuery(campaignKeys.members(id, status), (cursor) => campaigns.members(id, status, cursor));
}

export function useCampaignCosts(id: string) {
  return useQuery({ queryKey: campaignKeys.costs(id), queryFn: () => campaigns.costs(id) });
}

export function useCampaignRoi(id: string) {
  return useQuery({ queryKey: campaignKeys.roi(id), queryFn: () => campaigns.roi(id) });
}

/** The marketer's funnel of a year (this year by default), for the home page. */
export function useMarketingFunnel(enabled: boolean, year?: number) {
  return useQuery({ queryKey: campaignKeys.funnel(year), queryFn: () => campaigns.funnel(year), enabled, staleTime: 0 });
}

// Every write changes figures of the campaign and of the campaigns above it: refresh all campaign data.
const everything = () => [campaignKeys.all];

export function useCreateCampaign(handling?: ErrorHandling<CampaignFields>) {
  return useApiMutation({ mutationFn: (body: CampaignFields) => campaigns.create(body), invalidates: everything }, handling);
}

export function useUpdateCampaign(id: string, handling?: ErrorHandling<CampaignPatch>) {
  return useApiMutation({ mutationFn: (body: CampaignPatch) => campaigns.update(id, body), invalidates: everything }, handling);
}

export function useAddMember(id: string, handling?: ErrorHandling<MemberFields>) {
  return useApiMutation({ mutationFn: (body: MemberFields) => campaigns.addMember(id, body), invalidates: everything }, handling);
}

/** Invite, register or check in; a check-in may create a lead, so lead lists refresh too. */
export function useMemberStep(handling?: ErrorHandling<{ memberId: string; step: 'invite' | 'register' | 'check-in' }>) {
  return useApiMutation({
    mutationFn: (v: { memberId: string; step: 'invite' | 'register' | 'check-in' }) => campaigns.step(v.memberId, v.step),
    invalidates: () => [campaignKeys.all, ['leads']],
  }, handling);
}

export function useAddCost(id: string, handling?: ErrorHandling<{ body: CostFields; key: string }>) {
  return useApiMutation({ mutationFn: (v: { body: CostFields; key: string }) => campaigns.addCost(id, v.body, v.key), invalidates: everything }, handling);
}

export function useReverseCost(handling?: ErrorHandling<{ costId: string; key: string }>) {
  return useApiMutation({ mutationFn: (v: { costId: string; key: string }) => campaigns.reverseCost(v.costId, v.key), invalidates: everything }, handling);
}
