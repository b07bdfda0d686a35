// Dunning 催收: policies, the run history and letters, the outbox, the collector worklist, promises to pay 承诺付款,
// contact notes, tasks, collection effectiveness; and the credit assessment 资信评估 of a customer with its credit hold.
import { useQuery } from '@tanstack/react-query';
import type {
  ApplyAssessmentResult, ContactNoteList, CoveredList, CreditAssessmentView, DunningMailList, DunningMailSchema, DunningPolicyList,
  DunningPolicySchema, DunningRunResult, DunningStepRunList, DunningTaskList, EffectivenessReport, PromiseList, PromiseSchema, Worklist,
  ContactNoteSchema,
} from '@l2c/shared';
import { api, download } from './client';
import { accountKeys } from './keys';
import { useApiMutation, type ErrorHandling } from './query';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type DunningPolicy = Out<typeof DunningPolicySchema>;
export type DunningStep = DunningPolicy['steps'][number];
export type WorklistView = Out<typeof Worklist>;
export type WorklistItem = WorklistView['items'][number];
export type PromiseToPay = Out<typeof PromiseSchema>;
export type DunningMail = Out<typeof DunningMailSchema>;
export type DunningStepRun = Out<typeof DunningStepRunList>['items'][number];
export type DunningTask = Out<typeof DunningTaskList>['items'][number];
export type ContactNote = Out<typeof ContactNoteSchema>;
export type Effectiveness = Out<typeof EffectivenessReport>;
export type CoveredCustomers = Out<typeof CoveredList>;
export type CreditAssessments = Out<typeof CreditAssessmentView>;
export type CreditAssessment = CreditAssessments['items'][number];

export interface PolicyFields { name: string; grade: string | null; riskLevel: string | null; priority: number; active: boolean; steps: Array<Omit<DunningStep, 'id' | 'seq'>>; version?: number }
export interface PromiseFields { customerId: string; receivableId?: string | null; amount: string; promisedOn: string; note?: string | null }
export interface NoteFields { customerId: string; channel: string; outcome: string; note?: string | null; promiseId?: string | null }

export const dunningKeys = {
  all: ['dunning'] as const,
  policies: () => ['dunning', 'policies'] as const,
  worklist: () => ['dunning', 'worklist'] as const,
  covered: () => ['dunning', 'covered'] as const,
  promises: (customerId?: string) => ['dunning', 'promises', customerId ?? 'all'] as const,
  notes: (customerId: string) => ['dunning', 'notes', customerId] as const,
  tasks: () => ['dunning', 'tasks'] as const,
  runs: (customerId?: string) => ['dunning', 'runs', customerId ?? 'all'] as const,
  mail: (status?: string) => ['dunning', 'mail', status ?? 'all'] as const,
  effectiveness: (from: string, to: string) => ['dunning', 'effectiveness', from, to] as const,
  credit: (customerId: string) => ['credit-assessments', customerId] as const,
};

const enc = encodeURIComponent;

export const dunning = {
  policies: () => api<Out<typeof DunningPolicyList>>('/dunning/policies'),
  createPolicy: (body: PolicyFields) => api<DunningPolicy>('/dunning/policies', { method: 'POST', body }),
  updatePolicy: (id: string, body: PolicyFields) => api<DunningPolicy>(`/dunning/policies/${enc(id)}`, { method: 'PUT', body }),
  run: (asOf?: string) => api<Out<typeof DunningRunResult>>('/dunning/run', { method: 'POST', body: asOf ? { asOf } : {} }),
  runs: (customerId?: string) => api<Out<typeof DunningStepRunList>>('/dunning/runs', { query: { customerId, limit: 200 } }),
  letter: (runId: string) => download(`/dunning/runs/${enc(runId)}/letter.pdf`, undefined, 'letter.pdf'),
  mail: (status?: string) => api<Out<typeof DunningMailList>>('/dunning/mail', { query: { status, limit: 200 } }),
  sendMail: (id: string) => api<DunningMail>(`/dunning/mail/${enc(id)}/send`, { method: 'POST', body: {} }),
  worklist: () => api<WorklistView>('/dunning/worklist', { query: { limit: 200 } }),
  covered: () => api<CoveredCustomers>('/dunning/covered'),
  promises: (customerId?: string) => api<Out<typeof PromiseList>>('/dunning/promises', { query: { customerId, limit: 200 } }),
  createPromise: (body: PromiseFields) => api<PromiseToPay>('/dunning/promises', { method: 'POST', body }),
  notes: (customerId: string) => api<Out<typeof ContactNoteList>>('/dunning/notes', { query: { customerId } }),
  createNote: (body: NoteFields) => api<ContactNote>('/dunning/notes', { method: 'POST', body }),
  tasks: () => api<Out<typeof DunningTaskList>>('/dunning/tasks', { query: { limit: 200 } }),
  completeTask: (id: string) => api<{ id: string; status: 'done' }>(`/dunning/tasks/${enc(id)}/done`, { method: 'POST', body: {} }),
  effectiveness: (from: string, to: string) => api<Effectiveness>('/dunning/effectiveness', { query: { from, to } }),
  creditAssessments: (customerId: string) => api<CreditAssessments>(`/customers/${enc(customerId)}/credit-assessments`),
  assess: (customerId: string) => api<CreditAssessments>(`/customers/${enc(customerId)}/credit-assessments`, { method: 'POST', body: {} }),
  applyAssessment: (customerId: string, assessmentId: string, body: { creditLimit?: string; paymentTermDays?: number }) =>
    api<Out<typeof ApplyAssessmentResult>>(`/customers/${enc(customerId)}/credit-assessments/${enc(assessmentId)}/apply`, { method: 'POST', body }),
  releaseHold: (customerId: string, reason: string) => api<CreditAssessments>(`/customers/${enc(customerId)}/credit-hold/release`, { method: 'POST', body: { reason } }),
};

export const useDunningPolicies = () => useQuery({ queryKey: dunningKeys.policies(), queryFn: dunning.policies });
export const useWorklist = () => useQuery({ queryKey: dunningKeys.worklist(), queryFn: dunning.worklist });
export const useCoveredCustomers = () => useQuery({ queryKey: dunningKeys.covered(), queryFn: dunning.covered });
export const usePromises = (customerId?: string) => useQuery({ queryKey: dunningKeys.promises(customerId), queryFn: () => dunning.promises(customerId) });
export const useContactNotes = (customerId: string | null) =>
  useQuery({ queryKey: dunningKeys.notes(customerId ?? ''), queryFn: () => dunning.notes(customerId!), enabled: !!customerId });
export const useDunningTasks = () => useQuery({ queryKey: dunningKeys.tasks(), queryFn: dunning.tasks });
export const useDunningRuns = (customerId?: string) => useQuery({ queryKey: dunningKeys.runs(customerId), queryFn: () => dunning.runs(customerId) });
export const useDunningMail = (status?: string) => useQuery({ queryKey: dunningKeys.mail(status), queryFn: () => dunning.mail(status) });
export const useEffectiveness = (from: string, to: string) =>
  useQuery({ queryKey: dunningKeys.effectiveness(from, to), queryFn: () => dunning.effectiveness(from, to) });
export const useCreditAssessments = (customerId: string) =>
  useQuery({ queryKey: dunningKeys.credit(customerId), queryFn: () => dunning.creditAssessments(customerId) });

export function useSavePolicyMutation(handling?: ErrorHandling<{ id: string | null; body: PolicyFields }>) {
  return useApiMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PolicyFields }) => (id ? dunning.updatePolicy(id, body) : dunning.createPolicy(body)),
    invalidates: () => [dunningKeys.policies()],
  }, handling);
}

/** The run changes everything dunning shows. */
export function useRunDunningMutation(handling?: ErrorHandling<string | undefined>) {
  return useApiMutation({ mutationFn: (asOf: string | undefined) => dunning.run(asOf), invalidates: () => [dunningKeys.all] }, handling);
}

export function useSendMailMutation(handling?: ErrorHandling<string>) {
  return useApiMutation({ mutationFn: (id: string) => dunning.sendMail(id), invalidates: () => [['dunning', 'mail'], ['dunning', 'runs']] }, handling);
}

export function useCreatePromiseMutation(handling?: ErrorHandling<PromiseFields>) {
  return useApiMutation({ mutationFn: (body: PromiseFields) => dunning.createPromise(body), invalidates: () => [['dunning', 'promises'], dunningKeys.worklist()] }, handling);
}

export function useCreateNoteMutation(handling?: ErrorHandling<NoteFields>) {
  return useApiMutation({ mutationFn: (body: NoteFields) => dunning.createNote(body), invalidates: (_d, v) => [dunningKeys.notes(v.customerId), dunningKeys.worklist()] }, handling);
}

export function useCompleteTaskMutation(handling?: ErrorHandling<string>) {
  return useApiMutation({ mutationFn: (id: string) => dunning.completeTask(id), invalidates: () => [dunningKeys.tasks()] }, handling);
}

export function useAssessCreditMutation(customerId: string, handling?: ErrorHandling<void>) {
  return useApiMutation({ mutationFn: () => dunning.assess(customerId), invalidates: () => [dunningKeys.credit(customerId)] }, handling);
}

export function useApplyAssessmentMutation(customerId: string, handling?: ErrorHandling<{ id: string; creditLimit?: string; paymentTermDays?: number }>) {
  return useApiMutation({
    mutationFn: ({ id, ...body }: { id: string; creditLimit?: string; paymentTermDays?: number }) => dunning.applyAssessment(customerId, id, body),
    invalidates: () => [dunningKeys.credit(customerId), accountKeys.summary(customerId)],
  }, handling);
}

export function useReleaseHoldMutation(customerId: string, handling?: ErrorHandling<string>) {
  return useApiMutation({ mutationFn: (reason: string) => dunning.releaseHold(customerId, reason), invalidates: () => [dunningKeys.credit(customerId), dunningKeys.worklist()] }, handling);
}
