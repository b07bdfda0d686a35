// The audit log: who changed what, when; for the audit page and the history of one record.
import type { RecordRef } from '@l2c/shared';
import { api } from './client';
import { PAGE_SIZE, usePagedQuery } from './query';
import type { AuditEntry, AuditFilters, Page } from './types';

export const audit = {
  list: (filters: AuditFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<AuditEntry> & { refs?: RecordRef[] }>('/audit', { query: { ...filters, limit, cursor } }),
};

/** Every write that records history invalidates auditKeys.all, so open timelines refresh. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

export function useAuditLog(filters: AuditFilters, options: { enabled?: boolean } = {}) {
  return usePagedQuery(auditKeys.list(filters), (cursor) => audit.list(filters, cursor), options);
}

/** The history of one record (customer, contract, payment, …), newest first. */
export function useEntityHistory(entityType: string, entityId: string) {
  return useAuditLog({ entityType, entityId });
}
