// Opportunities 商机: processes and stages, the list, one opportunity (lines, tasks, history, health), stage moves (a
// 422 names the missing requirements), win (a draft order contract) and lose, the kanban, the funnel and the forecast
// with managers' adjustments. A write refreshes every opportunity view (lists, kanban, funnel, forecast share a prefix).
import { useQuery } from '@tanstack/react-query';
import type {
  FORECAST_CATEGORIES, ForecastAdjustmentList, ForecastAdjustmentSchema, ForecastSchema, FunnelSchema, KanbanSchema, LOST_REASONS,
  OpportunitySchema, OpportunitySummarySchema, SalesProcessSchema, StageRequirement, WinResult,
} from '@l2c/shared';
import { api } from './client';
import { contractKeys } from './keys';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type Opportunity = Out<typeof OpportunitySchema>;
export type OpportunitySummary = Out<typeof OpportunitySummarySchema>;
export type SalesProcess = Out<typeof SalesProcessSchema>;
export type Kanban = Out<typeof KanbanSchema>;
export type Funnel = Out<typeof FunnelSchema>;
export type Forecast = Out<typeof ForecastSchema>;
export type ForecastAdjustment = Out<typeof ForecastAdjustmentSchema>;
export type Won = Out<typeof WinResult>;
export type { StageRequirement };

export interface OpportunityFilters { q?: string; status?: string; processId?: string; stageId?: string; ownerId?: string; customerId?: string; campaignId?: string }
export interface LineFields { productId?: string | null; productCode?: string | null; productName: string; quantity: string; unitPrice: string; discountRate?: string }
export interface OpportunityFields {
  name: string; customerId: string; contactId?: string | null; processId?: string | null; currency?: string; amount?: string; closeDate?: string | null;
  forecastCategory?: (typeof FORECAST_CATEGORIES)[number]; lines?: LineFields[]; campaignId?: string | null; ownerId?: string;
}
export interface OpportunityPatch {
  version: number; name?: string; contactId?: string | null; ownerId?: string; amount?: string; closeDate?: string | null;
  forecastCategory?: (typeof FORECAST_CATEGORIES)[number]; competitor?: string | null; lines?: LineFields[];
  health?: Partial<Record<string, { score: number; note: string | null }>>;
}
export interface LoseFields { version: number; reason: (typeof LOST_REASONS)[number]; competitor?: string | null; note?: string | null }
export interface AdjustmentFields { period: string; subjectKind: 'rep' | 'team'; subjectId: string; category: 'commit' | 'best_case' | 'pipeline' | 'weighted'; currency?: string; amount: string; reason: string }

export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (f: OpportunityFilters) => ['opportunities', 'list', f] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
  kanban: (process?: string, ownerId?: string) => ['opportunities', 'kanban', process ?? '', ownerId ?? ''] as const,
  funnel: (process?: string, from?: string, to?: string) => ['opportunities', 'funnel', process ?? '', from ?? '', to ?? ''] as const,
  forecast: (period: string, groupBy: string) => ['opportunities', 'forecast', period, groupBy] as const,
  adjustments: (period: string) => ['opportunities', 'adjustments', period] as const,
  processes: ['sales-processes'] as const,
};

const enc = encodeURIComponent;

export const opportunities = {
  list: (f: OpportunityFilters, cursor?: string) => api<Page<OpportunitySummary>>('/opportunities', { query: { ...f, cursor, limit: 50 } }),
  get: (id: string) => api<Opportunity>(`/opportunities/${enc(id)}`),
  create: (body: OpportunityFields) => api<Opportunity>('/opportunities', { method: 'POST', body }),
  update: (id: string, body: OpportunityPatch) => api<Opportunity>(`/opportunities/${enc(id)}`, { method: 'PATCH', body }),
  stage: (id: string, version: number, stageId: string) => api<Opportunity>(`/opportunities/${enc(id)}/stage`, { method: 'POST', body: { version, stageId } }),
  /** A draft quote made from the opportunity (its customer, name and lines); accepting it wins the opportunity. */
  quote: (id: string) => api<{ id: string; number: string }>(`/opportunities/${enc(id)}/quotes`, { method: 'POST', body: {} }),
  win: (id: string, version: number, createContract: boolean) => api<Won>(`/opportunities/${enc(id)}/win`, { method: 'POST', body: { version, createContract } }),
  lose: (id: string, body: LoseFields) => api<Opportunity>(`/opportunities/${enc(id)}/lose`, { method: 'POST', body }),
  addTask: (id: string, body: { title: string; key?: string | null; dueDate?: string | null }) => api<Opportunity>(`/opportunities/${enc(id)}/tasks`, { method: 'POST', body }),
  doneTask: (taskId: string) => api<Opportunity>(`/opportunity-tasks/${enc(taskId)}/done`, { method: 'POST', body: {} }),
  processes: () => api<{ items: SalesProcess[] }>('/sales-processes'),
  kanban: (process?: string, ownerId?: string) => api<Kanban>('/opportunities/kanban', { query: { process, ownerId } }),
  funnel: (process?: string, from?: string, to?: string) => api<Funnel>('/opportunities/funnel', { query: { process, from, to } }),
  forecast: (period: string, groupBy: string) => api<Forecast>('/forecast', { query: { period, groupBy } }),
  adjustments: (period: string) => api<Out<typeof ForecastAdjustmentList>>('/forecast/adjustments', { query: { period } }),
  adjust: (body: AdjustmentFields) => api<ForecastAdjustment>('/forecast/adjustments', { method: 'POST', body }),
};

export function useOpportunityList(f: OpportunityFilters) {
  return usePagedQuery(opportunityKeys.list(f), (cursor) => opportunities.list(f, cursor));
}
export function useOpportunity(id: string | undefined) {
  return useQuery({ queryKey: opportunityKeys.detail(id ?? ''), queryFn: () => opportunities.get(id!), enabled: !!id });
}
export function useSalesProcesses() {
  return useQuery({ queryKey: opportunityKeys.processes, queryFn: opportunities.processes, staleTime: 60_000 });
}
export function useKanban(process?: string, ownerId?: string) {
  return useQuery({ queryKey: opportunityKeys.kanban(process, ownerId), queryFn: () => opportunities.kanban(process, ownerId) });
}
export function useFunnel(process?: string, from?: string, to?: string) {
  return useQuery({ queryKey: opportunityKeys.funnel(process, from, to), queryFn: () => opportunities.funnel(process, from, to) });
}
export function useForecast(period: string, groupBy: string) {
  return useQuery({ queryKey: opportunityKeys.forecast(period, groupBy), queryFn: () => opportunities.forecast(period, groupBy) });
}
export function useForecastAdjustments(period: string) {
  return useQuery({ queryKey: opportunityKeys.adjustments(period), queryFn: () => opportunities.adjustments(period) });
}

const all = () => [opportunityKeys.all] as const;

export function useCreateOpportunity(handling?: ErrorHandling<OpportunityFields>) {
  return useApiMutation({ mutationFn: opportunities.create, invalidates: all }, handling);
}
export function useUpdateOpportunity(id: string, handling?: ErrorHandling<OpportunityPatch>) {
  return useApiMutation({ mutationFn: (b: OpportunityPatch) => opportunities.update(id, b), invalidates: all }, handling);
}
/** A stage move; the kanban passes its own handling so a 422 shows what is missing on the card. */
export function useMoveStage(handling?: ErrorHandling<{ id: string; version: number; stageId: string }>) {
  return useApiMutation({ mutationFn: (v: { id: string; version: number; stageId: string }) => opportunities.stage(v.id, v.version, v.stageId), invalidates: all }, handling);
}
export function useWinOpportunity(id: string, handling?: ErrorHandling<{ version: number; createContract: boolean }>) {
  return useApiMutation({
    mutationFn: (v: { version: number; createContract: boolean }) => opportunities.win(id, v.version, v.createContract),
    invalidates: () => [opportunityKeys.all, contractKeys.all],
  }, handling);
}
export function useQuoteOpportunity(id: string) {
  return useApiMutation({ mutationFn: () => opportunities.quote(id), invalidates: () => [opportunityKeys.all, ['quotes']] });
}
export function useLoseOpportunity(id: string, handling?: ErrorHandling<LoseFields>) {
  return useApiMutation({ mutationFn: (b: LoseFields) => opportunities.lose(id, b), invalidates: all }, handling);
}
export function useAddTask(id: string) {
  return useApiMutation({ mutationFn: (b: { title: string; key?: string | null; dueDate?: string | null }) => opportunities.addTask(id, b), invalidates: all });
}
export function useCompleteTask() {
  return useApiMutation({ mutationFn: (taskId: string) => opportunities.doneTask(taskId), invalidates: all });
}
export function useAdjustForecast(handling?: ErrorHandling<AdjustmentFields>) {
  return useApiMutation({ mutationFn: opportunities.adjust, invalidates: all }, handling);
}
