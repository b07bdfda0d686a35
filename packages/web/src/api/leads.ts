// Leads 线索: the list (filters by status, source, campaign, owner), one lead with its history and duplicate matches,
// lifecycle moves, the lead pool (release, claim, assign), conversion (customer + contact + opportunity at once, with an
// Idempotency-Key made once per dialog), web forms, assignment rules and the import job (polled while it runs).
import { useQuery } from '@tanstack/react-query';
import type {
  AssignmentRuleSchema, LeadConversionResult, LeadDetail as LeadDetailSchema, LeadFormSchema, LeadImportSchema, LeadSchema, LeadSettingsSchema,
} from '@l2c/shared';
import { api, download } from './client';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type Lead = Out<typeof LeadSchema>;
export type LeadDetail = Out<typeof LeadDetailSchema>;
export type LeadForm = Out<typeof LeadFormSchema>;
export type LeadImport = Out<typeof LeadImportSchema>;
export type AssignmentRule = Out<typeof AssignmentRuleSchema>;
export type Conversion = Out<typeof LeadConversionResult>;
export type LeadSettings = Out<typeof LeadSettingsSchema>;

export interface LeadFilters { q?: string; status?: string; source?: string; campaignId?: string; ownerId?: string }
export interface LeadFields {
  companyName?: string | null; contactName?: string | null; title?: string | null; phone?: string | null; email?: string | null;
  creditCode?: string | null; industry?: string | null; companySize?: string | null; region?: string | null; remark?: string | null;
  source?: string; campaignId?: string | null; ownerId?: string | null;
}
export interface ConvertFields {
  customerId?: string | null; customerName?: string | null; opportunityName?: string | null; amount?: string; currency?: string;
  createOpportunity?: boolean; allowDuplicate?: boolean;
}
export interface FormFields { name: string; campaignId?: string | null; allowedOrigins: string[]; fields: string[]; consentText: string; active?: boolean }
export interface RuleFields {
  name: string; position: number; active: boolean; strategy: 'round_robin' | 'weighted'; sources: string[]; regions: string[]; industries: string[];
  members: Array<{ userId: string; weight: number; dailyQuota: number | null }>;
}

export const leadKeys = {
  all: ['leads'] as const,
  list: (f: LeadFilters) => ['leads', 'list', f] as const,
  pool: (f: LeadFilters) => ['leads', 'pool', f] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  forms: ['leads', 'forms'] as const,
  rules: ['leads', 'rules'] as const,
  settings: ['leads', 'settings'] as const,
  imports: ['leads', 'imports'] as const,
  import: (id: string) => ['leads', 'import', id] as const,
};

const enc = encodeURIComponent;

export const leads = {
  list: (f: LeadFilters, cursor?: string) => api<Page<Lead>>('/leads', { query: { ...f, cursor, limit: 50 } }),
  pool: (f: LeadFilters, cursor?: string) => api<Page<Lead>>('/pool/leads', { query: { ...f, cursor, limit: 50 } }),
  get: (id: string) => api<LeadDetail>(`/leads/${enc(id)}`),
  create: (body: LeadFields) => api<Lead>('/leads', { method: 'POST', body }),
  update: (id: string, body: LeadFields & { version: number }) => api<Lead>(`/leads/${enc(id)}`, { method: 'PATCH', body }),
  status: (id: string, body: { status: string; reason?: string | null; version: number }) => api<Lead>(`/leads/${enc(id)}/status`, { method: 'POST', body }),
  release: (id: string, reason: string) => api<Lead>(`/leads/${enc(id)}/release`, { method: 'POST', body: { reason } }),
  claim: (id: string) => api<Lead>(`/leads/${enc(id)}/claim`, { method: 'POST', body: {} }),
  assign: (id: string, ownerId: string, version: number) => api<Lead>(`/leads/${enc(id)}/assign`, { method: 'POST', body: { ownerId, version } }),
  convert: (id: string, body: ConvertFields, key: string) => api<Conversion>(`/leads/${enc(id)}/convert`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  forms: () => api<{ items: LeadForm[] }>('/lead-forms'),
  createForm: (body: FormFields) => api<LeadForm>('/lead-forms', { method: 'POST', body }),
  updateForm: (id: string, body: Partial<FormFields> & { version: number }) => api<LeadForm>(`/lead-forms/${enc(id)}`, { method: 'PATCH', body }),
  rules: () => api<{ items: AssignmentRule[] }>('/lead-assignment-rules'),
  createRule: (body: RuleFields) => api<AssignmentRule>('/lead-assignment-rules', { method: 'POST', body }),
  deleteRule: (id: string) => api<void>(`/lead-assignment-rules/${enc(id)}`, { method: 'DELETE' }),
  settings: () => api<LeadSettings>('/lead-settings'),
  saveSettings: (body: LeadSettings) => api<LeadSettings>('/lead-settings', { method: 'PUT', body }),
  imports: () => api<{ items: LeadImport[] }>('/lead-imports'),
  importJob: (id: string) => api<LeadImport>(`/lead-imports/${enc(id)}`),
  startImport: (file: File, campaignId?: string) => {
    const form = new FormData();
    form.append('file', file);
    return api<LeadImport>('/lead-imports', { method: 'POST', body: form, query: { campaignId } });
  },
  failures: (id: string, lang: 'zh' | 'en') => download(`/lead-imports/${enc(id)}/failures.xlsx`, { lang }, 'lead-import-failures.xlsx'),
};

export function useLeadList(f: LeadFilters) {
  return usePagedQuery(leadKeys.list(f), (cursor) => leads.list(f, cursor));
}

export function useLeadPool(f: LeadFilters) {
  return usePagedQuery(leadKeys.pool(f), (cursor) => leads.pool(f, cursor));
}

export function useLead(id: string | undefined) {
  return useQuery({ queryKey: leadKeys.detail(id ?? ''), queryFn: () => leads.get(id!), enabled: !!id });
}

export function useLeadForms(enabled = true) {
  return useQuery({ queryKey: leadKeys.forms, queryFn: leads.forms, enabled });
}

export function useAssignmentRules(enabled = true) {
  return useQuery({ queryKey: leadKeys.rules, queryFn: leads.rules, enabled });
}

export function useLeadSettings(enabled = true) {
  return useQuery({ queryKey: leadKeys.settings, queryFn: leads.settings, enabled });
}

/** An import job, polled every second while it runs (the progress bar), then left alone. */
export function useLeadImport(id: string | null) {
  return useQuery({
    queryKey: leadKeys.import(id ?? ''), queryFn: () => leads.importJob(id!), enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

const everything = () => [leadKeys.all];

export function useCreateLead(handling?: ErrorHandling<LeadFields>) {
  return useApiMutation({ mutationFn: (body: LeadFields) => leads.create(body), invalidates: everything }, handling);
}
export function useLeadStatus(id: string, handling?: ErrorHandling<{ status: string; reason?: string | null; version: number }>) {
  return useApiMutation({ mutationFn: (body: { status: string; reason?: string | null; version: number }) => leads.status(id, body), invalidates: everything }, handling);
}
export function useReleaseLead(id: string) {
  return useApiMutation({ mutationFn: (reason: string) => leads.release(id, reason), invalidates: everything });
}
export function useClaimLead() {
  return useApiMutation({ mutationFn: (id: string) => leads.claim(id), invalidates: everything });
}
export function useAssignLead(id: string) {
  return useApiMutation({ mutationFn: (v: { ownerId: string; version: number }) => leads.assign(id, v.ownerId, v.version), invalidates: everything });
}
/** Conversion writes customers, contacts and opportunities too. */
export function useConvertLead(id: string, handling?: ErrorHandling<{ body: ConvertFields; key: string }>) {
  return useApiMutation({
    mutationFn: (v: { body: ConvertFields; key: string }) => leads.convert(id, v.body, v.key),
    invalidates: () => [leadKeys.all, ['customers'], ['opportunities']],
  }, handling);
}
export function useCreateLeadForm(handling?: ErrorHandling<FormFields>) {
  return useApiMutation({ mutationFn: (body: FormFields) => leads.createForm(body), invalidates: () => [leadKeys.forms] }, handling);
}
export function useUpdateLeadForm(id: string) {
  return useApiMutation({ mutationFn: (body: Partial<FormFields> & { version: number }) => leads.updateForm(id, body), invalidates: () => [leadKeys.forms] });
}
export function useCreateRule(handling?: ErrorHandling<RuleFields>) {
  return useApiMutation({ mutationFn: (body: RuleFields) => leads.createRule(body), invalidates: () => [leadKeys.rules] }, handling);
}
export function useDeleteRule() {
  return useApiMutation({ mutationFn: (id: string) => leads.deleteRule(id), invalidates: () => [leadKeys.rules] });
}
export function useSaveLeadSettings() {
  return useApiMutation({ mutationFn: (body: LeadSettings) => leads.saveSettings(body), invalidates: () => [leadKeys.settings] });
}
export function useStartImport(handling?: ErrorHandling<{ file: File; campaignId?: string }>) {
  return useApiMutation({ mutationFn: (v: { file: File; campaignId?: string }) => leads.startImport(v.file, v.campaignId), invalidates: () => [leadKeys.imports] }, handling);
}
/** The failed-rows report is a download; a mutation gives it a busy flag and one error path. */
export function useDownloadFailures() {
  return useApiMutation({ mutationFn: (v: { id: string; lang: 'zh' | 'en' }) => leads.failures(v.id, v.lang) });
}
