// Collections 催收: aging (report, drill-down, trend, top overdue customers), DSO, and a customer's statement 对账单
// (on screen, or as an Excel/PDF download).
import { useQuery } from '@tanstack/react-query';
import { download, api } from './client';
import { collectionKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { AgingParams, AgingReport, AgingTrend, DsoReport, OpenReceivable, Page, Statement, TopOverdue } from './types';

export { collectionKeys };

const enc = encodeURIComponent;

export type DrillParams = AgingParams & { key?: string; bucket?: string };

export const collections = {
  aging: (params: AgingParams & { limit?: number }) => api<AgingReport>('/aging', { query: { ...params } }),
  drill: (params: DrillParams, cursor?: string, limit = PAGE_SIZE) =>
    api<Page<OpenReceivable> & { asOf: string }>('/aging/receivables', { query: { ...params, cursor, limit } }),
  trend: (months = 12) => api<AgingTrend>('/aging/trend', { query: { months } }),
  topOverdue: (asOf?: string, limit = 10) => api<TopOverdue>('/aging/top-customers', { query: { asOf, limit } }),
  dso: (asOf?: string, days = 90) => api<DsoReport>('/dso', { query: { asOf, days } }),
  statement: (customerId: string, from: string, to: string) =>
    api<Statement>(`/customers/${enc(customerId)}/statement`, { query: { from, to } }),
  statementFile: (customerId: string, from: string, to: string, format: 'xlsx' | 'pdf', lang: 'zh' | 'en') =>
    download(`/customers/${enc(customerId)}/statement.${format}`, { from, to, lang }, `statement-${from}-${to}.${format}`),
};

export function useAgingReport(asOf: string | undefined, groupBy: string | undefined) {
  return useQuery({ queryKey: collectionKeys.aging(asOf, groupBy), queryFn: () => collections.aging({ asOf, groupBy, limit: 200 }) });
}

export function useAgingTrend(months = 12) {
  return useQuery({ queryKey: collectionKeys.trend(months), queryFn: () => collections.trend(months), staleTime: 5 * 60_000 });
}

export function useTopOverdue(asOf: string | undefined) {
  return useQuery({ queryKey: collectionKeys.topOverdue(asOf), queryFn: () => collections.topOverdue(asOf, 10) });
}

export function useDso(asOf: string | undefined) {
  return useQuery({ queryKey: collectionKeys.dso(asOf), queryFn: () => collections.dso(asOf, 90) });
}

/** The open receivables behind one cell of the aging report, paged; off while `params` is null. */
export function useAgingDrill(params: DrillParams | null) {
  return usePagedQuery(collectionKeys.drill(params), (cursor) => collections.drill(params!, cursor), { enabled: !!params });
}

/** All open receivables of one customer (up to 200), with their aging bucket. */
export function useCustomerOpenReceivables(customerId: string) {
  const params: DrillParams = { groupBy: 'customer', key: customerId };
  return useQuery({ queryKey: collectionKeys.drill(params, 200), queryFn: () => collections.drill(params, undefined, 200) });
}

/** A customer's statement for a period; off while `period` is null. */
export function useStatement(customerId: string, period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: collectionKeys.statement(customerId, period?.from, period?.to),
    queryFn: () => collections.statement(customerId, period!.from, period!.to),
    enabled: !!period,
  });
}

export function useStatementFileMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ customerId, from, to, format, lang }: { customerId: string; from: string; to: string; format: 'xlsx' | 'pdf'; lang: 'zh' | 'en' }) =>
      collections.statementFile(customerId, from, to, format, lang),
  }, handling);
}
