// Document number formats 单据编号规则 (admins): each numbered type's format and next number, a preview of a format being
// edited, saving one (audited by the server).
import { useQuery } from '@tanstack/react-query';
import type { DocNumberFormat, DocNumberFormatInput } from '@l2c/shared';
import { api } from './client';
import { auditKeys } from './audit';
import { useApiMutation, type ErrorHandling } from './query';

export type { DocNumberFormat, DocNumberFormatInput };
const enc = encodeURIComponent;

export const numbering = {
  list: () => api<{ items: DocNumberFormat[] }>('/settings/number-formats'),
  preview: (docType: string, f: Omit<DocNumberFormatInput, 'version'>) => api<{ next: string }>(`/settings/number-formats/${enc(docType)}/preview`, { method: 'POST', body: f }),
  save: (docType: string, f: DocNumberFormatInput) => api<DocNumberFormat>(`/settings/number-formats/${enc(docType)}`, { method: 'PUT', body: f }),
};

export const numberingKeys = {
  all: ['number-formats'] as const,
  preview: (docType: string, f: object) => ['number-formats', 'preview', docType, JSON.stringify(f)] as const,
};

export function useNumberFormats() {
  return useQuery({ queryKey: numberingKeys.all, queryFn: numbering.list });
}
/** The next number under the format being edited (nothing reserved); off while the format is incomplete. */
export function useNumberPreview(docType: string | null, f: Omit<DocNumberFormatInput, 'version'> | null) {
  return useQuery({
    queryKey: numberingKeys.preview(docType ?? '', f ?? {}), queryFn: () => numbering.preview(docType!, f!), enabled: !!docType && !!f, retry: false,
  });
}
export function useSaveNumberFormatMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ docType, ...f }: DocNumberFormatInput & { docType: string }) => numbering.save(docType, f),
    invalidates: () => [numberingKeys.all, auditKeys.all],
  }, handling);
}
