// Customers and the public pool 公海: lists, one customer, create/update, claim/release/assign, Excel import/export.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { auditKeys } from './audit';
import { api, download } from './client';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Customer, CustomerFields, CustomerFilters, ImportReport, Page } from './types';

const enc = encodeURIComponent;

export const customers = {
  list: (filters: CustomerFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Customer>>('/customers', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Customer>(`/customers/${enc(id)}`),
  create: (body: CustomerFields & { allowDuplicate?: boolean }) =>
    api<Customer>('/customers', { method: 'POST', body }),
  update: (id: string, body: Partial<CustomerFields> & { version: number }) =>
    api<Customer>(`/customers/${enc(id)}`, { method: 'PATCH', body }),
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
  claim: (id: string) => api<Customer>(`/customers/${enc(id)}/claim`, { method: 'POST', body: {} }),
  release: (id: string, reason: string) => api<Customer>(`/customers/${enc(id)}/release`, { method: 'POST', body: { reason } }),
  assign: (id: string, ownerId: string, version: number) =>
    api<Customer>(`/customers/${enc(id)}/assign`, { method: 'POST', body: { ownerId, version } }),
  pool: (q: string | undefined, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Customer>>('/pool/customers', { query: { q, limit, cursor } }),
};

/**
 * Lists (incl. pickers and counts) live under customerKeys.lists(), the pool under customerKeys.pool(); one customer
 * and what hangs off it (contacts, follow-ups) under customerKeys.detail(id).
 */
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => ['customers', 'list'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  pick: (q: string) => ['customers', 'list', 'pick', q] as const,
  count: () => ['customers', 'list', 'count'] as const,
  pool: () => ['customers', 'pool'] as const,
  poolList: (q: string) => ['customers', 'pool', 'list', q] as const,
  poolCount: () => ['customers', 'pool', 'count'] as const,
  details: () => ['customers', 'detail'] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

export function useCustomerList(filters: CustomerFilters) {
  return usePagedQuery(customerKeys.list(filters), (cursor) => customers.list(filters, cursor));
}

/** Up to 20 customers by name, for a picker. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: customerKeys.pick(q),
    queryFn: () => customers.list({ q: q || undefined, sort: 'name' }, undefined, 20),
    staleTime: 30_000,
  });
}

/** The first `limit` customers the user sees, for a count on the home page. */
export function useCustomerCount(limit: number, enabled: boolean) {
  return useQuery({ queryKey: customerKeys.count(), queryFn: () => customers.list({}, undefined, limit), enabled });
}

export function usePoolList(q: string | undefined) {
  return usePagedQuery(customerKeys.poolList(q ?? ''), (cursor) => customers.pool(q, cursor));
}

export function usePoolCount(limit: number, enabled: boolean) {
  return useQuery({ queryKey: customerKeys.poolCount(), queryFn: () => customers.pool(undefined, undefined, limit), enabled });
}

export function useCustomer(id: string, options: { staleTime?: number; enabled?: boolean } = {}) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: () => customers.get(id), staleTime: options.staleTime, enabled: options.enabled });
}

/** After a write answered with the customer: put it in the cache and refresh the lists, the pool and history. */
const afterWrite = {
  update: (client: QueryClient, c: Customer) => {
    if (c && typeof c === 'object') client.setQueryData(customerKeys.detail(c.id), c);
  },
  invalidates: () => [customerKeys.lists(), customerKeys.pool(), auditKeys.all],
};

export type NewCustomer = CustomerFields & { allowDuplicate?: boolean };

export function useCreateCustomerMutation(handling?: ErrorHandling<NewCustomer>) {
  return useApiMutation({
    mutationFn: (body: NewCustomer) => customers.create(body),
    update: afterWrite.update,
    invalidates: () => [customerKeys.lists()],
  }, handling);
}

export function useUpdateCustomerMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ...body }: Partial<CustomerFields> & { id: string; version: number }) => customers.update(id, body),
    update: afterWrite.update,
    invalidates: () => [customerKeys.lists(), auditKeys.all],
  }, handling);
}

export function useClaimCustomerMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: (id: string) => customers.claim(id),
    update: afterWrite.update,
    invalidates: (_c, id) => [customerKeys.detail(id), ...afterWrite.invalidates()],
  }, handling);
}

export function useReleaseCustomerMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => customers.release(id, reason),
    update: afterWrite.update,
    invalidates: (_c, v) => [customerKeys.detail(v.id), ...afterWrite.invalidates()],
  }, handling);
}

export function useAssignCustomerMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ownerId, version }: { id: string; ownerId: string; version: number }) => customers.assign(id, ownerId, version),
    update: afterWrite.update,
    invalidates: afterWrite.invalidates,
  }, handling);
}

export function useImportCustomersMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ file, allowDuplicates }: { file: File; allowDuplicates: boolean }) => customers.importFile(file, allowDuplicates),
    invalidates: () => [customerKeys.all],
  }, handling);
}

/** The Excel export is a download, not a change; a mutation still gives it one busy flag and one error path. */
export function useExportCustomersMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ filters, lang }: { filters: CustomerFilters; lang: 'zh' | 'en' }) => customers.exportXlsx(filters, lang),
  }, handling);
}

export function useImportTemplateMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: () => customers.importTemplate() }, handling);
}
