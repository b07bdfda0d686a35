// Receivables 应收: lists (filters, a contract's, a customer's open invoices), one receivable, and the credit note 红冲
// finance books against an invoice (with an Idempotency-Key made once per submission).
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { moneyMovedKeys, receivableKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page, Receivable, ReceivableFilters } from './types';

export { receivableKeys };

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'Idempotency-Key': key });

export const receivables = {
  list: (filters: ReceivableFilters, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<Receivable>>('/receivables', { query: { ...filters, limit, cursor } }),
  get: (id: string) => api<Receivable>(`/receivables/${enc(id)}`),
  /** Totals of the whole filter (not one page), per currency: count, amount, open, overdue. */
  totals: (filters: ReceivableFilters) => {
    const { sort: _sort, ...rest } = filters;
    return api<ReceivableTotals>('/receivables/totals', { query: { ...rest } });
  },
  creditNote: (id: string, body: { amount: string; taxAmount: string; reason: string }, key: string) =>
    api<Receivable>(`/receivables/${enc(id)}/credit-notes`, { method: 'POST', body, headers: idem(key) }),
};

export interface ReceivableTotals { today: string; totals: Array<{ currency: string; count: number; amount: string; open: string; overdue: string }> }

/** The totals row of the receivables list: the server sums every receivable the filter matches, exactly. */
export function useReceivableTotals(filters: ReceivableFilters) {
  return useQuery({ queryKey: [...receivableKeys.list(filters), 'totals'] as const, queryFn: () => receivables.totals(filters) });
}

export function useReceivableList(filters: ReceivableFilters) {
  return usePagedQuery(receivableKeys.list(filters), (cursor) => receivables.list(filters, cursor));
}

/** One page of up to `limit` receivables (a contract's, a customer's credit notes). */
export function useReceivables(filters: ReceivableFilters, limit: number, enabled = true) {
  return useQuery({ queryKey: receivableKeys.list(filters, limit), queryFn: () => receivables.list(filters, undefined, limit), enabled });
}

/** A customer's open and partially paid invoices, oldest due first: what a write-off can pay. */
export function useOpenInvoices(customerId: string | null) {
  return useQuery({
    queryKey: receivableKeys.openOf(customerId ?? ''),
    queryFn: async () => {
      const [a, b] = await Promise.all((['open', 'partially_paid'] as const).map((status) =>
        receivables.list({ customerId: customerId!, kind: 'invoice', status, sort: 'dueDate' }, undefined, 200)));
      return [...a!.items, ...b!.items].sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.number.localeCompare(y.number));
    },
    enabled: !!customerId,
  });
}

export function useReceivable(id: string | null) {
  return useQuery({ queryKey: receivableKeys.detail(id ?? ''), queryFn: () => receivables.get(id!), enabled: !!id });
}

export function useCreditNoteMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, body, key }: { id: string; body: { amount: string; taxAmount: string; reason: string }; key: string }) =>
      receivables.creditNote(id, body, key),
    invalidates: moneyMovedKeys,
  }, handling);
}
