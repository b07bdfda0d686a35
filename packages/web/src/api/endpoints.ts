// Every endpoint the web app calls, in one place.
import { api, download } from './client';
import type {
  ApiToken, ApiTokenCreated, AuditEntry, AuditFilters, Contact, ContactFields, Customer, CustomerFields,
  CustomerFilters, FollowUp, FollowUpFields, ImportReport, Me, Page, User, UserSummary,
} from './types';
export * from './revenue';

export const PAGE_SIZE = 50;

export const auth = {
  login: (email: string, password: string) =>
    api<{ token: string; csrfToken: string; user: User }>('/auth/login', {
      method: 'POST', body: { email, password }, skipAuthRedirect: true,
    }),
  me: () => api<Me>('/auth/me'),
  logout: () => api<void>('/auth/logout', { method: 'POST', body: {}, skipAuthRedirect: true }),
};

export const customers = {
  list: (filters: CustomerFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Customer>>('/customers', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Customer>(`/customers/${encodeURIComponent(id)}`),
  create: (body: CustomerFields & { allowDuplicate?: boolean }) =>
    api<Customer>('/customers', { method: 'POST', body }),
  update: (id: string, body: Partial<CustomerFields> & { version: number }) =>
    api<Customer>(`/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  exportXlsx: (filters: CustomerFilters, lang: 'zh' | 'en') =>
    download('/customers/export.xlsx', { ...filters, lang }, 'customers.xlsx'),
  importTemplate: () => download('/customers/import-template.xlsx', undefined, 'customers-import-template.xlsx'),
  importFile: (file: File, allowDuplicates = false) => {
    const form = new FormData();
    form.append('file', file);
    return api<ImportReport>('/customers/import', {
      method: 'POST', body: form, query: { allowDuplicates: allowDuplicates ? 'true' : undefined },
    });
  },
  claim: (id: string) => api<Customer>(`/customers/${encodeURIComponent(id)}/claim`, { method: 'POST', body: {} }),
  release: (id: string, reason: string) =>
    api<Customer>(`/customers/${encodeURIComponent(id)}/release`, { method: 'POST', body: { reason } }),
  assign: (id: string, ownerId: string, version: number) =>
    api<Customer>(`/customers/${encodeURIComponent(id)}/assign`, { method: 'POST', body: { ownerId, version } }),
};

export const pool = {
  list: (q: string | undefined, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Customer>>('/pool/customers', { query: { q, limit, cursor } }),
};

export const contacts = {
  list: (customerId: string) => api<{ items: Contact[] }>(`/customers/${encodeURIComponent(customerId)}/contacts`),
  create: (customerId: string, body: ContactFields) =>
    api<Contact>(`/customers/${encodeURIComponent(customerId)}/contacts`, { method: 'POST', body }),
  update: (id: string, body: Partial<ContactFields> & { version: number }) =>
    api<Contact>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => api<void>(`/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

export const followUps = {
  list: (customerId: string) => api<{ items: FollowUp[] }>(`/customers/${encodeURIComponent(customerId)}/followups`),
  create: (customerId: string, body: FollowUpFields) =>
    api<FollowUp>(`/customers/${encodeURIComponent(customerId)}/followups`, { method: 'POST', body }),
};

export const audit = {
  list: (filters: AuditFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<AuditEntry>>('/audit', { query: { ...filters, limit, cursor } }),
};

export const users = {
  list: (q?: string, limit = 20) => api<Page<UserSummary>>('/users', { query: { q, limit } }),
};

export const apiTokens = {
  list: () => api<{ items: ApiToken[] }>('/api-tokens'),
  create: (name: string, expiresInDays: number) =>
    api<ApiTokenCreated>('/api-tokens', { method: 'POST', body: { name, expiresInDays } }),
  revoke: (id: string) => api<void>(`/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
