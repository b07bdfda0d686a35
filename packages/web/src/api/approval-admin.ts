// Approval administration: each document type's rules (conditions and steps) with the "which steps would this need?"
// preview, and a submitter's withdrawal of a pending request (the document returns to draft).
import { useQuery } from '@tanstack/react-query';
import type { ApprovalFacts, ApprovalPreview, ApprovalRules } from '@l2c/shared';
import { api } from './client';
import { auditKeys } from './audit';
import { approvalKeys, contractKeys, notificationKeys } from './keys';
import { useApiMutation, type ErrorHandling } from './query';
import type { ApprovalRequest } from './types';

export type { ApprovalRules, ApprovalPreview, ApprovalFacts };
export interface ApprovalDefinition { docType: string; name: string; rules: ApprovalRules; builtIn: boolean; version: number; updatedAt: string | null }
const enc = encodeURIComponent;

export const approvalAdmin = {
  definitions: () => api<{ items: ApprovalDefinition[] }>('/approvals/definitions'),
  save: (docType: string, d: { name: string; rules: ApprovalRules; version: number }) => api<ApprovalDefinition>(`/approvals/definitions/${enc(docType)}`, { method: 'PUT', body: d }),
  preview: (docType: string, body: { docId?: string; facts?: ApprovalFacts; rules?: ApprovalRules }) =>
    api<ApprovalPreview>(`/approvals/definitions/${enc(docType)}/preview`, { method: 'POST', body }),
  withdraw: (id: string, reason: string | null) => api<ApprovalRequest>(`/approvals/${enc(id)}/withdraw`, { method: 'POST', body: { reason } }),
};

export const approvalAdminKeys = {
  definitions: ['approval-definitions'] as const,
  preview: (docType: string, body: object) => ['approval-definitions', 'preview', docType, JSON.stringify(body)] as const,
};

export function useApprovalDefinitions() {
  return useQuery({ queryKey: approvalAdminKeys.definitions, queryFn: approvalAdmin.definitions });
}
/** The steps the rules (saved, or as being edited) give a contract or typed facts; off until one of them is given. */
export function useApprovalPreview(docType: string, body: { docId?: string; facts?: ApprovalFacts; rules?: ApprovalRules } | null) {
  return useQuery({
    queryKey: approvalAdminKeys.preview(docType, body ?? {}), queryFn: () => approvalAdmin.preview(docType, body!), enabled: !!body, retry: false,
  });
}
export function useSaveApprovalDefinitionMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ docType, ...d }: { docType: string; name: string; rules: ApprovalRules; version: number }) => approvalAdmin.save(docType, d),
    invalidates: () => [approvalAdminKeys.definitions, auditKeys.all],
  }, handling);
}
/** The submitter withdraws; the contract returns to draft, so it, its history, the inboxes and the bell refresh. */
export function useWithdrawApprovalMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, reason }: { id: string; docId: string; reason: string | null }) => approvalAdmin.withdraw(id, reason),
    invalidates: (_r, v) => [approvalKeys.all, contractKeys.detail(v.docId), contractKeys.all, auditKeys.all, notificationKeys.all],
  }, handling);
}
