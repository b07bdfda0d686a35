// Every contract-to-cash endpoint the web app calls: contracts, approvals, receivables, payments, write-offs,
// customer accounts, collections (aging, DSO, statements) and notifications. Money-booking POSTs carry an
// Idempotency-Key made once per form submission, so a double click books once.
import { api, download } from './client';
import type {
  AccountEntry, AccountName, AgingParams, AgingReport, AgingTrend, Amendment, AmendmentFields, AppNotification,
  ApprovalInboxItem, ApprovalRequest, Compliance, Contract, ContractAlert, ContractFields, ContractFilters,
  ContractSubmitResult, ContractSummary, CustomerAccounts, DsoReport, OpenReceivable, Page, Payment, PaymentFields,
  PaymentFilters, Receivable, ReceivableFilters, Signatory, Statement, TopOverdue, WriteOff, WriteOffFields,
  WriteOffProposal, WriteOffStrategy,
} from './types';

const PAGE_SIZE = 50;
const enc = encodeURIComponent;
const idem = (key: string) => ({ 'Idempotency-Key': key });

export const contracts = {
  list: (filters: ContractFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<ContractSummary>>('/contracts', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Contract>(`/contracts/${enc(id)}`),
  create: (body: ContractFields) => api<Contract>('/contracts', { method: 'POST', body }),
  update: (id: string, body: Partial<ContractFields> & { version: number }) =>
    api<Contract>(`/contracts/${enc(id)}`, { method: 'PATCH', body }),
  compliance: (id: string) => api<Compliance>(`/contracts/${enc(id)}/compliance`),
  submit: (id: string, version: number) =>
    api<ContractSubmitResult>(`/contracts/${enc(id)}/submit`, { method: 'POST', body: { version } }),
  sign: (id: string, body: { signedOn: string; signatories: Signatory[]; version: number; file: File }) => {
    const form = new FormData();
    form.append('signedOn', body.signedOn);
    form.append('signatories', JSON.stringify(body.signatories));
    form.append('version', String(body.version));
    form.append('file', body.file, body.file.name);
    return api<Contract>(`/contracts/${enc(id)}/sign`, { method: 'POST', body: form });
  },
  signedFile: (id: string) => download(`/contracts/${enc(id)}/file`, undefined, 'contract.pdf'),
  transition: (id: string, status: 'in_performance' | 'completed' | 'terminated', reason: string | null, version: number) =>
    api<Contract>(`/contracts/${enc(id)}/status`, { method: 'POST', body: { status, reason, version } }),
  deliver: (id: string, body: { instalmentId?: string | null; milestone?: string | null; deliveredOn?: string }) =>
    api<Contract>(`/contracts/${enc(id)}/deliveries`, { method: 'POST', body }),
  approvals: (id: string) => api<{ items: ApprovalRequest[] }>(`/contracts/${enc(id)}/approvals`),
  amendments: (id: string) => api<{ items: Amendment[] }>(`/contracts/${enc(id)}/amendments`),
  amend: (id: string, body: AmendmentFields) => api<Amendment>(`/contracts/${enc(id)}/amendments`, { method: 'POST', body }),
  alerts: () => api<{ items: ContractAlert[]; asOf: string }>('/contracts/alerts'),
};

export const approvals = {
  inbox: (limit = 200) => api<{ items: ApprovalInboxItem[] }>('/approvals/inbox', { query: { limit } }),
  get: (id: string) => api<ApprovalRequest>(`/approvals/${enc(id)}`),
  act: (id: string, action: 'approve' | 'reject' | 'return', comment: string | null) =>
    api<ApprovalRequest>(`/approvals/${enc(id)}/${action}`, { method: 'POST', body: { comment } }),
};

export const receivables = {
  list: (filters: ReceivableFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Receivable>>('/receivables', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Receivable>(`/receivables/${enc(id)}`),
  creditNote: (id: string, body: { amount: string; taxAmount: string; reason: string }, key: string) =>
    api<Receivable>(`/receivables/${enc(id)}/credit-notes`, { method: 'POST', body, headers: idem(key) }),
  requestBadDebt: (id: string, body: { amount?: string; reason: string }) =>
    api<{ id: string; status: string }>(`/receivables/${enc(id)}/bad-debt-requests`, { method: 'POST', body }),
};

export const payments = {
  list: (filters: PaymentFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Payment>>('/payments', { query: { ...filters, limit, cursor } }),
  create: (body: PaymentFields, key: string) => api<Payment>('/payments', { method: 'POST', body, headers: idem(key) }),
  confirm: (id: string, version: number) => api<Payment>(`/payments/${enc(id)}/confirm`, { method: 'POST', body: { version } }),
  reject: (id: string, reason: string, version: number) =>
    api<Payment>(`/payments/${enc(id)}/reject`, { method: 'POST', body: { reason, version } }),
};

export const writeOffs = {
  proposal: (paymentId: string, strategy: WriteOffStrategy, contractId?: string) =>
    api<WriteOffProposal>('/write-offs/proposal', { query: { paymentId, strategy, contractId } }),
  apply: (body: WriteOffFields, key: string) => api<WriteOff>('/write-offs', { method: 'POST', body, headers: idem(key) }),
  list: (filters: { customerId?: string; paymentId?: string; receivableId?: string }, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<WriteOff>>('/write-offs', { query: { ...filters, limit, cursor } }),
  reverse: (id: string, reason: string, key: string) =>
    api<WriteOff>(`/write-offs/${enc(id)}/reverse`, { method: 'POST', body: { reason }, headers: idem(key) }),
};

export const accounts = {
  get: (customerId: string) => api<CustomerAccounts>(`/customers/${enc(customerId)}/accounts`),
  entries: (customerId: string, account: AccountName, from?: string, to?: string) =>
    api<{ items: AccountEntry[] }>(`/customers/${enc(customerId)}/accounts/${account}/entries`, { query: { from, to } }),
};

export const collections = {
  aging: (params: AgingParams & { limit?: number }) => api<AgingReport>('/aging', { query: { ...params } }),
  drill: (params: AgingParams & { key?: string; bucket?: string }, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<OpenReceivable> & { asOf: string }>('/aging/receivables', { query: { ...params, cursor, limit } }),
  trend: (months = 12) => api<AgingTrend>('/aging/trend', { query: { months } }),
  topOverdue: (asOf?: string, limit = 10) => api<TopOverdue>('/aging/top-customers', { query: { asOf, limit } }),
  dso: (asOf?: string, days = 90) => api<DsoReport>('/dso', { query: { asOf, days } }),
  statement: (customerId: string, from: string, to: string) =>
    api<Statement>(`/customers/${enc(customerId)}/statement`, { query: { from, to } }),
  statementFile: (customerId: string, from: string, to: string, format: 'xlsx' | 'pdf', lang: 'zh' | 'en') =>
    download(`/customers/${enc(customerId)}/statement.${format}`, { from, to, lang }, `statement-${from}-${to}.${format}`),
};

export const notifications = {
  list: (unreadOnly = false, limit = 20) =>
    api<Page<AppNotification> & { unreadCount: number }>('/notifications', { query: { unreadOnly: String(unreadOnly), limit } }),
  read: (id: string) => api<AppNotification>(`/notifications/${enc(id)}/read`, { method: 'POST', body: {} }),
  readAll: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST', body: {} }),
};
