// Quotes 报价单: list, one quote (lines, current pricing with its trace, approval, last-paid prices), versions, the
// one-screen editor's save (each save priced once), submit, accept (Idempotency-Key), decline, share link; and the
// catalog look-ups the editor needs (SKU search, a bundle's structure).
import { useQuery } from '@tanstack/react-query';
import type { Quote, QuoteSummary, PricingResult } from '@l2c/shared';
import { api } from './client';
import { auditKeys } from './audit';
import { approvalKeys, contractKeys } from './keys';
import { pricingKeys } from './pricing';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

export type { Quote, QuoteSummary, PricingResult };
const enc = encodeURIComponent;

export interface QuoteLineDraft {
  skuId: string | null; description: string | null; quantity: string; group: string | null; attributes?: Record<string, string>;
  configuration: { options: Array<{ optionId: string; quantity: string }> } | null; discountRate: string;
  unitPrice: string | null; unitCost: string | null; taxRate: string | null; unit: string | null;
}
export interface QuoteDraft {
  title: string; validUntil: string; pricesIncludeTax: boolean; orderDiscountRate: string; rebateRequested: string | null; notes: string | null; lines: QuoteLineDraft[];
}
export interface QuoteVersion { id: string; seq: number; contentHash: string; amountInclTax: string; discountAmount: string; approvalRequired: boolean; approved: boolean; createdBy: { id: string; name: string } | null; createdAt: string; lineCount: number }
export interface SkuHit { id: string; code: string; name: string; listPrice: string; isBundle: boolean; taxRate: string; unit: { name: string }; productLine: { name: string } | null }
export interface BundleOption { id: string; skuId: string; code: string; name: string; isDefault: boolean; defaultQty: string; minQty: string; maxQty: string | null }
export interface BundleTree { skuId: string; code: string; name: string; groups: Array<{ id: string; code: string; name: string; required: boolean; minOptions: number; maxOptions: number | null; options: BundleOption[] }> }

export const quotes = {
  list: (q: { status?: string; customerId?: string; q?: string }, cursor?: string) => api<Page<QuoteSummary>>('/quotes', { query: { ...q, limit: 50, cursor } }),
  get: (id: string) => api<Quote>(`/quotes/${enc(id)}`),
  versions: (id: string) => api<QuoteVersion[]>(`/quotes/${enc(id)}/versions`),
  create: (body: QuoteDraft & { customerId: string }) => api<Quote>('/quotes', { method: 'POST', body }),
  update: (id: string, body: QuoteDraft & { version: number }) => api<Quote>(`/quotes/${enc(id)}`, { method: 'PUT', body }),
  submit: (id: string, version: number) => api<Quote>(`/quotes/${enc(id)}/submit`, { method: 'POST', body: { version } }),
  reject: (id: string, version: number, reason: string) => api<Quote>(`/quotes/${enc(id)}/reject`, { method: 'POST', body: { version, reason } }),
  accept: (id: string, version: number, key: string) => api<{ quoteId: string; contract: { id: string; number: string; amountInclTax: string } }>(`/quotes/${enc(id)}/accept`, {
    method: 'POST', body: { version }, headers: { 'idempotency-key': key },
  }),
  share: (id: string, days: number) => api<{ id: string; token: string; path: string; expiresAt: string }>(`/quotes/${enc(id)}/share-links`, { method: 'POST', body: { days } }),
  skus: (q: string) => api<Page<SkuHit>>('/catalog/skus', { query: { q, limit: 20 } }),
  bundle: (id: string) => api<{ version: number; tree: BundleTree }>(`/catalog/bundles/${enc(id)}`),
};

export const quoteKeys = {
  all: ['quotes'] as const,
  list: (filters: Record<string, string | undefined>) => ['quotes', 'list', filters] as const,
  one: (id: string) => ['quotes', 'one', id] as const,
  versions: (id: string) => ['quotes', 'versions', id] as const,
};

export function useQuoteList(filters: { status?: string; customerId?: string; q?: string }) {
  return usePagedQuery(quoteKeys.list(filters), (cursor) => quotes.list(filters, cursor));
}
export function useQuote(id: string | null) {
  return useQuery({ queryKey: quoteKeys.one(id ?? ''), queryFn: () => quotes.get(id!), enabled: !!id });
}
export function useQuoteVersions(id: string | null) {
  return useQuery({ queryKey: quoteKeys.versions(id ?? ''), queryFn: () => quotes.versions(id!), enabled: !!id });
}
export function useSkuSearch(q: string) {
  return useQuery({ queryKey: ['catalog', 'skus', 'search', q], queryFn: () => quotes.skus(q), staleTime: 30_000 });
}
export function useBundleTree(id: string | null) {
  return useQuery({ queryKey: ['catalog', 'bundles', id ?? ''], queryFn: () => quotes.bundle(id!), enabled: !!id, staleTime: 60_000 });
}
const changed = () => [quoteKeys.all, approvalKeys.all, pricingKeys.budgets, auditKeys.all];
export function useCreateQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: quotes.create, invalidates: changed }, handling);
}
export function useSaveQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, ...body }: QuoteDraft & { id: string; version: number }) => quotes.update(id, body), invalidates: changed }, handling);
}
export function useSubmitQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => quotes.submit(id, version), invalidates: changed }, handling);
}
export function useRejectQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) => quotes.reject(id, version, reason), invalidates: changed }, handling);
}
export function useAcceptQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, version, key }: { id: string; version: number; key: string }) => quotes.accept(id, version, key),
    invalidates: () => [...changed(), contractKeys.all],
  }, handling);
}
export function useShareQuoteMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, days }: { id: string; days: number }) => quotes.share(id, days), invalidates: () => [auditKeys.all] }, handling);
}
