// Scoring 评分: the tenant's scoring settings and rules, the conversion model (train now), a lead's score with its
// factors, behaviour events, the grade override; a customer's RFM. Saving rules or training rescores every open lead.
import { useQuery } from '@tanstack/react-query';
import type { CustomerRfm, LeadScore, ScoreModel, ScoringConfig, ScoringConfigInput } from '@l2c/shared';
import { api } from './client';
import { useApiMutation, type ErrorHandling } from './query';

export type { CustomerRfm, LeadScore, ScoreModel, ScoringConfig, ScoringConfigInput };
const enc = encodeURIComponent;

export const scoringKeys = {
  config: ['scoring', 'config'] as const,
  model: ['scoring', 'model'] as const,
  lead: (id: string) => ['scoring', 'lead', id] as const,
  rfm: (id: string) => ['scoring', 'rfm', id] as const,
};

export const scoring = {
  config: () => api<ScoringConfig>('/scoring/config'),
  saveConfig: (body: ScoringConfigInput) => api<ScoringConfig>('/scoring/config', { method: 'PUT', body }),
  model: () => api<ScoreModel>('/scoring/model'),
  train: () => api<{ model: ScoreModel; rescored: number }>('/scoring/model/train', { method: 'POST', body: {} }),
  lead: (id: string) => api<LeadScore>(`/leads/${enc(id)}/score`),
  behaviour: (id: string, event: string) => api<LeadScore>(`/leads/${enc(id)}/behaviours`, { method: 'POST', body: { event } }),
  override: (id: string, body: { grade: string; reason: string; version: number }) => api<LeadScore>(`/leads/${enc(id)}/score/override`, { method: 'PUT', body }),
  clearOverride: (id: string, version: number) => api<LeadScore>(`/leads/${enc(id)}/score/override/clear`, { method: 'POST', body: { version } }),
  rfm: (id: string) => api<CustomerRfm>(`/customers/${enc(id)}/rfm`),
  refreshRfm: (id: string) => api<CustomerRfm>(`/customers/${enc(id)}/rfm`, { method: 'POST', body: {} }),
};

export function useScoringConfig() {
  return useQuery({ queryKey: scoringKeys.config, queryFn: scoring.config });
}

export function useSaveScoringConfig(handling?: ErrorHandling<ScoringConfigInput>) {
  return useApiMutation({ mutationFn: (body: ScoringConfigInput) => scoring.saveConfig(body), invalidates: () => [['scoring'], ['leads']] }, handling);
}

export function useScoreModel() {
  return useQuery({ queryKey: scoringKeys.model, queryFn: scoring.model });
}

export function useTrainModel(handling?: ErrorHandling<void>) {
  return useApiMutation({ mutationFn: () => scoring.train(), invalidates: () => [['scoring'], ['leads']] }, handling);
}

export function useLeadScore(id: string | undefined) {
  return useQuery({ queryKey: scoringKeys.lead(id ?? ''), queryFn: () => scoring.lead(id!), enabled: !!id });
}

export function useRecordBehaviour(id: string) {
  return useApiMutation({ mutationFn: (event: string) => scoring.behaviour(id, event), update: (c, data) => c.setQueryData(scoringKeys.lead(id), data), invalidates: () => [['leads']] });
}

export function useOverrideGrade(id: string, handling?: ErrorHandling<{ grade: string; reason: string; version: number }>) {
  return useApiMutation({
    mutationFn: (body: { grade: string; reason: string; version: number }) => scoring.override(id, body),
    update: (c, data) => c.setQueryData(scoringKeys.lead(id), data), invalidates: () => [['leads']],
  }, handling);
}

export function useClearOverride(id: string) {
  return useApiMutation({ mutationFn: (version: number) => scoring.clearOverride(id, version), update: (c, data) => c.setQueryData(scoringKeys.lead(id), data), invalidates: () => [['leads']] });
}

export function useCustomerRfm(id: string, enabled = true) {
  return useQuery({ queryKey: scoringKeys.rfm(id), queryFn: () => scoring.rfm(id), enabled, retry: false });
}

export function useRefreshRfm(id: string) {
  return useApiMutation({ mutationFn: () => scoring.refreshRfm(id), update: (c, data) => c.setQueryData(scoringKeys.rfm(id), data) });
}
