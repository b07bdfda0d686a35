// Query keys of the contract-to-cash resources. They live together because their writes refresh each other (a
// payment moves receivables, accounts and aging; an approval moves its contract; a write-off moves payments), and
// one file keeps those modules from importing each other in circles. Each resource module re-exports its factory.
// Keys are hierarchical: invalidating `xKeys.all` refreshes every list and record of that resource.
import type {
  AgingParams, ContractFilters, PaymentFilters, ReceivableFilters, WriteOffStrategy,
} from './types';

export const contractKeys = {
  all: ['contracts'] as const,
  lists: () => ['contracts', 'list'] as const,
  list: (filters: ContractFilters, limit?: number) => ['contracts', 'list', filters, limit] as const,
  alerts: () => ['contracts', 'alerts'] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
  approvals: (id: string) => ['contracts', 'detail', id, 'approvals'] as const,
  amendments: (id: string) => ['contracts', 'detail', id, 'amendments'] as const,
  compliance: (id: string, version: number | undefined) => ['contracts', 'detail', id, 'compliance', version] as const,
};

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: () => ['approvals', 'inbox'] as const,
};

export const receivableKeys = {
  all: ['receivables'] as const,
  list: (filters: ReceivableFilters, limit?: number) => ['receivables', 'list', filters, limit] as const,
  /** A customer's open invoices (open and partially paid), oldest due first, for the write-off workbench. */
  openOf: (customerId: string) => ['receivables', 'open', customerId] as const,
  detail: (id: string) => ['receivables', 'detail', id] as const,
};

export const paymentKeys = {
  all: ['payments'] as const,
  list: (filters: PaymentFilters, limit?: number) => ['payments', 'list', filters, limit] as const,
  detail: (id: string) => ['payments', 'detail', id] as const,
  files: (id: string) => ['payments', 'detail', id, 'files'] as const,
};

export const writeOffKeys = {
  all: ['write-offs'] as const,
  list: (filters: { customerId?: string; paymentId?: string; receivableId?: string }, limit?: number) =>
    ['write-offs', 'list', filters, limit] as const,
  proposal: (paymentId: string | null, strategy: WriteOffStrategy, contractId: string | undefined) =>
    ['write-offs', 'proposal', paymentId, strategy, contractId] as const,
};

export const accountKeys = {
  all: ['accounts'] as const,
  summary: (customerId: string) => ['accounts', customerId] as const,
  entries: (customerId: string, account: string) => ['accounts', customerId, 'entries', account] as const,
};

/** Aging, DSO and statements: reports over receivables, refreshed whenever money moves. */
export const collectionKeys = {
  all: ['collections'] as const,
  aging: (asOf: string | undefined, groupBy: string | undefined) => ['collections', 'aging', asOf, groupBy] as const,
  trend: (months: number) => ['collections', 'trend', months] as const,
  topOverdue: (asOf: string | undefined) => ['collections', 'top-overdue', asOf] as const,
  dso: (asOf: string | undefined) => ['collections', 'dso', asOf] as const,
  drill: (params: (AgingParams & { key?: string; bucket?: string }) | null, limit?: number) => ['collections', 'drill', params, limit] as const,
  statement: (customerId: string, from: string | undefined, to: string | undefined) => ['collections', 'statement', customerId, from, to] as const,
};

export const badDebtKeys = {
  all: ['bad-debt-requests'] as const,
  awaiting: () => ['bad-debt-requests', 'awaiting'] as const,
  list: (filters: object) => ['bad-debt-requests', 'list', filters] as const,
  ofReceivable: (receivableId: string | null) => ['bad-debt-requests', 'receivable', receivableId] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
};

/** Everything that shows money owed or paid: what a booking (payment, write-off, credit note, bad debt) changes. */
export const moneyMovedKeys = () => [
  receivableKeys.all, paymentKeys.all, writeOffKeys.all, accountKeys.all, collectionKeys.all, badDebtKeys.all,
] as const;
