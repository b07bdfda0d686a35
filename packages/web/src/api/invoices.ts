// Invoices 发票: requests 开票申请 (list, one, create with an Idempotency-Key made once per submission, cancel, record
// the issued number), the register of issued invoices (list, one, PDF), red-letter confirmations 红字确认单, the tax
// platform's workbooks (batch-issue export, import of issued invoices), settings, and the invoiced / uninvoiced / paid
// figures of a receivable or contract (kept under their detail keys, so a payment that moves them refreshes them too).
import type {
  Invoice, InvoiceImportReport, InvoiceRequest, InvoiceRequestCreate, InvoiceSettings, InvoicingFigures, RedConfirmation, RedConfirmationCreate,
} from '@l2c/shared';
import type { InvoiceSettingsView } from '@l2c/shared';
import { useQuery } from '@tanstack/react-query';
import { api, download } from './client';
import { approvalKeys, contractKeys, receivableKeys } from './keys';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

export type { Invoice, InvoiceRequest, RedConfirmation, InvoicingFigures, InvoiceImportReport };
export type InvoiceRequestSummary = Omit<InvoiceRequest, 'items' | 'lines'>;
export type InvoiceSummary = Omit<Invoice, 'lines'>;
export type InvoiceSettingsData = ReturnType<(typeof InvoiceSettingsView)['parse']>;

export const invoiceKeys = {
  all: ['invoices'] as const,
  requests: (filters: InvoiceRequestFilters) => ['invoices', 'requests', filters] as const,
  request: (id: string) => ['invoices', 'request', id] as const,
  list: (filters: InvoiceFilters) => ['invoices', 'list', filters] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
  red: (filters: { status?: string }) => ['invoices', 'red', filters] as const,
  settings: () => ['invoices', 'settings'] as const,
  ofReceivable: (id: string) => [...receivableKeys.detail(id), 'invoicing'] as const,
  ofContract: (id: string) => [...contractKeys.detail(id), 'invoicing'] as const,
};

export interface InvoiceRequestFilters { status?: string; customerId?: string; receivableId?: string; contractId?: string; q?: string }
export interface InvoiceFilters { color?: 'blue' | 'red'; customerId?: string; receivableId?: string; contractId?: string; q?: string }

const enc = encodeURIComponent;

export const invoices = {
  requests: (f: InvoiceRequestFilters, cursor?: string) => api<Page<InvoiceRequestSummary>>('/invoice-requests', { query: { ...f, cursor } }),
  request: (id: string) => api<InvoiceRequest>(`/invoice-requests/${enc(id)}`),
  create: (body: InvoiceRequestCreate, key: string) => api<InvoiceRequest>('/invoice-requests', { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  cancel: (id: string, reason: string | null) => api<InvoiceRequest>(`/invoice-requests/${enc(id)}/cancel`, { method: 'POST', body: { reason } }),
  issue: (id: string, body: { number: string; issueDate: string }) => api<{ created: boolean; invoice: Invoice }>(`/invoice-requests/${enc(id)}/issue`, { method: 'POST', body }),
  list: (f: InvoiceFilters, cursor?: string) => api<Page<InvoiceSummary>>('/invoices', { query: { ...f, cursor } }),
  get: (id: string) => api<Invoice>(`/invoices/${enc(id)}`),
  pdf: (inv: { id: string; number: string }) => download(`/invoices/${enc(inv.id)}/pdf`, undefined, `invoice-${inv.number}.pdf`),
  batch: () => download('/invoice-requests/batch.xlsx', undefined, 'invoice-batch.xlsx'),
  import: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<InvoiceImportReport>('/invoices/import', { method: 'POST', body: form });
  },
  red: (f: { status?: string }, cursor?: string) => api<Page<RedConfirmation>>('/red-confirmations', { query: { ...f, cursor } }),
  createRed: (invoiceId: string, body: RedConfirmationCreate, key: string) =>
    api<RedConfirmation>(`/invoices/${enc(invoiceId)}/red-confirmations`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  confirmRed: (id: string) => api<RedConfirmation>(`/red-confirmations/${enc(id)}/confirm`, { method: 'POST', body: {} }),
  cancelRed: (id: string) => api<RedConfirmation>(`/red-confirmations/${enc(id)}/cancel`, { method: 'POST', body: {} }),
  issueRed: (id: string, body: { number: string; issueDate: string }) => api<{ created: boolean; invoice: Invoice }>(`/red-confirmations/${enc(id)}/issue`, { method: 'POST', body }),
  settings: () => api<InvoiceSettingsData>('/invoice-settings'),
  saveSettings: (body: InvoiceSettings) => api<InvoiceSettingsData>('/invoice-settings', { method: 'PUT', body }),
  ofReceivable: (id: string) => api<InvoicingFigures>(`/receivables/${enc(id)}/invoicing`),
  ofContract: (id: string) => api<InvoicingFigures>(`/contracts/${enc(id)}/invoicing`),
};

export function useInvoiceRequestList(filters: InvoiceRequestFilters) {
  return usePagedQuery(invoiceKeys.requests(filters), (cursor) => invoices.requests(filters, cursor));
}
export function useInvoiceRequest(id: string | null) {
  return useQuery({ queryKey: invoiceKeys.request(id ?? ''), queryFn: () => invoices.request(id!), enabled: !!id });
}
export function useInvoiceList(filters: InvoiceFilters) {
  return usePagedQuery(invoiceKeys.list(filters), (cursor) => invoices.list(filters, cursor));
}
export function useInvoice(id: string | null) {
  return useQuery({ queryKey: invoiceKeys.detail(id ?? ''), queryFn: () => invoices.get(id!), enabled: !!id });
}
export function useRedConfirmationList(filters: { status?: string }) {
  return usePagedQuery(invoiceKeys.red(filters), (cursor) => invoices.red(filters, cursor));
}
export function useInvoiceSettings(enabled = true) {
  return useQuery({ queryKey: invoiceKeys.settings(), queryFn: invoices.settings, enabled });
}
export function useReceivableInvoicing(id: string | null, enabled = true) {
  return useQuery({ queryKey: invoiceKeys.ofReceivable(id ?? ''), queryFn: () => invoices.ofReceivable(id!), enabled: !!id && enabled });
}
export function useContractInvoicing(id: string | null, enabled = true) {
  return useQuery({ queryKey: invoiceKeys.ofContract(id ?? ''), queryFn: () => invoices.ofContract(id!), enabled: !!id && enabled });
}

/** Everything an invoicing write can change: the invoice lists, the figures on receivables and contracts, the inbox. */
const moved = () => [invoiceKeys.all, receivableKeys.all, contractKeys.all, approvalKeys.all] as const;

export function useCreateInvoiceRequest(handling?: ErrorHandling<{ body: InvoiceRequestCreate; key: string }>) {
  return useApiMutation({ mutationFn: ({ body, key }: { body: InvoiceRequestCreate; key: string }) => invoices.create(body, key), invalidates: moved }, handling);
}
export function useCancelInvoiceRequest(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, reason }: { id: string; reason: string | null }) => invoices.cancel(id, reason), invalidates: moved }, handling);
}
export function useIssueInvoice(handling?: ErrorHandling<{ id: string; number: string; issueDate: string }>) {
  return useApiMutation({ mutationFn: ({ id, ...body }: { id: string; number: string; issueDate: string }) => invoices.issue(id, body), invalidates: moved }, handling);
}
export function useImportInvoices(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (file: File) => invoices.import(file), invalidates: moved }, handling);
}
export function useCreateRedConfirmation(handling?: ErrorHandling<{ invoiceId: string; body: RedConfirmationCreate; key: string }>) {
  return useApiMutation({ mutationFn: ({ invoiceId, body, key }: { invoiceId: string; body: RedConfirmationCreate; key: string }) => invoices.createRed(invoiceId, body, key), invalidates: moved }, handling);
}
export function useRedConfirmationAction(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, action, number, issueDate }: { id: string; action: 'confirm' | 'cancel' | 'issue'; number?: string; issueDate?: string }): Promise<unknown> =>
      action === 'confirm' ? invoices.confirmRed(id) : action === 'cancel' ? invoices.cancelRed(id) : invoices.issueRed(id, { number: number!, issueDate: issueDate! }),
    invalidates: moved,
  }, handling);
}
export function useSaveInvoiceSettings(handling?: ErrorHandling<InvoiceSettings>) {
  return useApiMutation({ mutationFn: (body: InvoiceSettings) => invoices.saveSettings(body), invalidates: () => [invoiceKeys.settings()] }, handling);
}
/** Approve or reject a request's pending approval (the same engine call as the approval inbox). */
export function useDecideInvoiceRequest(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ approvalId, decision, comment }: { approvalId: string; decision: 'approve' | 'reject'; comment: string | null }) =>
      api(`/approvals/${enc(approvalId)}/${decision}`, { method: 'POST', body: { comment } }),
    invalidates: moved,
  }, handling);
}
