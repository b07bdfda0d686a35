// Dedup 查重 and merge 合并: the tenant's duplicate rules, a record's duplicates in the caller's scope, the merge preview
// (a dry run: a POST that writes nothing), the merge, the merge history and the undo. A merge or an undo changes the
// master and the duplicate and moves their related records: customers, contacts, leads, opportunities and scores refresh.
import { useQuery } from '@tanstack/react-query';
import type { DuplicateMatches, DuplicateObject, DuplicateRule, DuplicateRuleInput, MergeChoices, MergeJob, MergePreview } from '@l2c/shared';
import { api } from './client';
import { useApiMutation, type ErrorHandling } from './query';

export type { DuplicateMatches, DuplicateObject, DuplicateRule, MergeJob, MergePreview, MergeChoices };
export type RuleFields = Omit<DuplicateRuleInput, 'fields'> & { fields: DuplicateRuleInput['fields'] };

const enc = encodeURIComponent;
const SEGMENT: Record<DuplicateObject, string> = { customer: 'customers', contact: 'contacts', lead: 'leads' };
const FIELD: Record<DuplicateObject, string> = { customer: 'customerId', contact: 'contactId', lead: 'leadId' };

export const dedupKeys = {
  rules: ['dedup', 'rules'] as const,
  duplicates: (object: DuplicateObject, id: string) => ['dedup', 'duplicates', object, id] as const,
  merges: (object?: DuplicateObject) => ['dedup', 'merges', object ?? 'all'] as const,
};

export const dedup = {
  rules: () => api<{ items: DuplicateRule[] }>('/duplicate-rules'),
  createRule: (body: RuleFields) => api<DuplicateRule>('/duplicate-rules', { method: 'POST', body }),
  updateRule: (id: string, body: Partial<RuleFields> & { version: number }) => api<DuplicateRule>(`/duplicate-rules/${enc(id)}`, { method: 'PATCH', body }),
  deleteRule: (id: string) => api<void>(`/duplicate-rules/${enc(id)}`, { method: 'DELETE' }),
  duplicates: (object: DuplicateObject, id: string) => api<DuplicateMatches>(`/${SEGMENT[object]}/${enc(id)}/duplicates`),
  preview: (object: DuplicateObject, masterId: string, duplicateId: string, fields: MergeChoices) =>
    api<MergePreview>(`/${SEGMENT[object]}/${enc(masterId)}/merge-preview`, { method: 'POST', body: { [FIELD[object]]: duplicateId, fields } }),
  merge: (object: DuplicateObject, masterId: string, duplicateId: string, fields: MergeChoices) =>
    api<MergeJob>(`/${SEGMENT[object]}/${enc(masterId)}/merge`, { method: 'POST', body: { [FIELD[object]]: duplicateId, fields } }),
  merges: (object?: DuplicateObject) => api<{ items: MergeJob[] }>('/merges', { query: { object, limit: 100 } }),
  undo: (id: string) => api<MergeJob>(`/merges/${enc(id)}/undo`, { method: 'POST', body: {} }),
};

export function useDuplicateRules() {
  return useQuery({ queryKey: dedupKeys.rules, queryFn: dedup.rules });
}

export function useSaveDuplicateRule(handling?: ErrorHandling<{ id?: string; version?: number; body: RuleFields }>) {
  return useApiMutation({
    mutationFn: (v: { id?: string; version?: number; body: RuleFields }) => (v.id ? dedup.updateRule(v.id, { ...v.body, version: v.version ?? 1 }) : dedup.createRule(v.body)),
    invalidates: () => [['dedup']],
  }, handling);
}

export function useDeleteDuplicateRule() {
  return useApiMutation({ mutationFn: (id: string) => dedup.deleteRule(id), invalidates: () => [['dedup']] });
}

export function useDuplicatesOf(object: DuplicateObject, id: string | undefined, enabled = true) {
  return useQuery({ queryKey: dedupKeys.duplicates(object, id ?? ''), queryFn: () => dedup.duplicates(object, id!), enabled: !!id && enabled });
}

export interface MergeVars { object: DuplicateObject; masterId: string; duplicateId: string; fields: MergeChoices }

/** The dry run: nothing is written, nothing to refresh. */
export function useMergePreview(handling?: ErrorHandling<MergeVars>) {
  return useApiMutation({ mutationFn: (v: MergeVars) => dedup.preview(v.object, v.masterId, v.duplicateId, v.fields) }, handling);
}

const afterMerge = () => [['dedup'], ['customers'], ['contacts'], ['leads'], ['opportunities'], ['scoring']];

export function useMerge(handling?: ErrorHandling<MergeVars>) {
  return useApiMutation({ mutationFn: (v: MergeVars) => dedup.merge(v.object, v.masterId, v.duplicateId, v.fields), invalidates: afterMerge }, handling);
}

export function useMerges(object?: DuplicateObject) {
  return useQuery({ queryKey: dedupKeys.merges(object), queryFn: () => dedup.merges(object) });
}

export function useUndoMerge(handling?: ErrorHandling<string>) {
  return useApiMutation({ mutationFn: (id: string) => dedup.undo(id), invalidates: afterMerge }, handling);
}
