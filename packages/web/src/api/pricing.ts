// Pricing 价格管理: price books and their entries, promotions, budgets, surcharges / margin floors / rebate policies,
// and the "try a price" sandbox that returns the engine's trace. The rules are the pricing manager's (admin, finance).
import { useQuery } from '@tanstack/react-query';
import type { PricedLine, PricingResult, PricingSettings } from '@l2c/shared';
import { api } from './client';
import { auditKeys } from './audit';
import { useApiMutation, type ErrorHandling } from './query';

export type { PricedLine, PricingResult, PricingSettings };
const enc = encodeURIComponent;

export interface PriceBook {
  id: string; code: string; name: string; currency: string; customer: { id: string; name: string } | null; dealer: { id: string; name: string } | null;
  channel: string | null; grade: string | null; region: string | null; priority: number; validFrom: string | null; validTo: string | null; active: boolean;
  entryCount: number; version: number; createdAt: string;
}
export interface PriceEntry { id: string; bookId: string; skuId: string; skuCode: string | null; skuName: string | null; rule: PriceRuleValue; validFrom: string | null; validTo: string | null; createdAt: string }
export type PriceRuleValue =
  | { kind: 'fixed'; unitPrice: string }
  | { kind: 'tiers'; mode: 'range' | 'slab'; tiers: Array<{ upTo: string | null; unitPrice: string }> }
  | { kind: 'cost_plus'; factor: string }
  | { kind: 'book_relative'; bookId: string; factor: string };
export interface PriceBookInput {
  code: string; name: string; customerId?: string | null; channel?: string | null; grade?: string | null; region?: string | null;
  priority: number; validFrom?: string | null; validTo?: string | null; active: boolean;
}
export interface Promotion {
  id: string; code: string; name: string; group: string; stacking: 'exclusive' | 'stackable' | 'best_of'; priority: number; scope: Record<string, string>;
  validFrom: string | null; validTo: string | null; budgetId: string | null; budgetCode: string | null; rule: { kind: string } & Record<string, unknown>; active: boolean; version: number; createdAt: string;
}
export interface PromotionInput {
  code: string; name: string; group: string; stacking: string; priority: number; budgetId: string | null; validFrom: string | null; validTo: string | null;
  rule: Record<string, unknown>; active: boolean; scope?: Record<string, string>;
}
export interface Budget { id: string; code: string; name: string; currency: string; amount: string; remaining: string; reserved: string; consumed: string; version: number }
export interface BudgetFact { id: string; kind: 'reserve' | 'release' | 'consume'; amount: string; quoteId: string; quoteNumber: string; versionSeq: number; createdAt: string }
export interface TryLine { skuId: string; quantity: string; attributes?: Record<string, string>; discountRate?: string }
export interface TryInput { customerId: string; date?: string; lines: TryLine[]; orderDiscountRate?: string; rebateRequested?: string | null }

export const pricing = {
  books: () => api<{ items: PriceBook[] }>('/price-books', { query: { limit: 200 } }),
  book: (id: string) => api<PriceBook & { entries: PriceEntry[] }>(`/price-books/${enc(id)}`),
  createBook: (b: PriceBookInput) => api<PriceBook & { entries: PriceEntry[] }>('/price-books', { method: 'POST', body: b }),
  addEntries: (bookId: string, entries: Array<{ skuId: string; rule: PriceRuleValue; validFrom?: string | null; validTo?: string | null }>) =>
    api<PriceBook & { entries: PriceEntry[] }>(`/price-books/${enc(bookId)}/entries`, { method: 'POST', body: { entries } }),
  deleteEntry: (id: string) => api<void>(`/price-book-entries/${enc(id)}`, { method: 'DELETE' }),
  promotions: () => api<{ items: Promotion[] }>('/promotions', { query: { limit: 200 } }),
  createPromotion: (p: PromotionInput) => api<Promotion>('/promotions', { method: 'POST', body: p }),
  updatePromotion: (id: string, p: PromotionInput & { version: number }) => api<Promotion>(`/promotions/${enc(id)}`, { method: 'PUT', body: p }),
  budgets: () => api<{ items: Budget[] }>('/promotion-budgets'),
  budget: (id: string) => api<Budget & { facts: BudgetFact[] }>(`/promotion-budgets/${enc(id)}`),
  createBudget: (b: { code: string; name: string; amount: string }) => api<Budget>('/promotion-budgets', { method: 'POST', body: b }),
  settings: () => api<PricingSettings>('/pricing/settings'),
  putSettings: (s: PricingSettings) => api<PricingSettings>('/pricing/settings', { method: 'PUT', body: s }),
  tryPrice: (input: TryInput) => api<{ result: PricingResult; ruleCounts: { entries: number; promotions: number } }>('/pricing/try', { method: 'POST', body: input }),
};

export const pricingKeys = {
  all: ['pricing'] as const,
  books: ['pricing', 'books'] as const,
  book: (id: string) => ['pricing', 'books', id] as const,
  promotions: ['pricing', 'promotions'] as const,
  budgets: ['pricing', 'budgets'] as const,
  budget: (id: string) => ['pricing', 'budgets', id] as const,
  settings: ['pricing', 'settings'] as const,
};

export function usePriceBooks(enabled = true) {
  return useQuery({ queryKey: pricingKeys.books, queryFn: pricing.books, enabled });
}
export function usePriceBook(id: string | null) {
  return useQuery({ queryKey: pricingKeys.book(id ?? ''), queryFn: () => pricing.book(id!), enabled: !!id });
}
export function usePromotions(enabled = true) {
  return useQuery({ queryKey: pricingKeys.promotions, queryFn: pricing.promotions, enabled });
}
export function useBudgets(enabled = true) {
  return useQuery({ queryKey: pricingKeys.budgets, queryFn: pricing.budgets, enabled });
}
export function useBudget(id: string | null) {
  return useQuery({ queryKey: pricingKeys.budget(id ?? ''), queryFn: () => pricing.budget(id!), enabled: !!id });
}
export function usePricingSettings(enabled = true) {
  return useQuery({ queryKey: pricingKeys.settings, queryFn: pricing.settings, enabled });
}
const changes = () => [pricingKeys.all, auditKeys.all];
export function useCreatePriceBookMutation(handling?: ErrorHandling<PriceBookInput>) {
  return useApiMutation({ mutationFn: pricing.createBook, invalidates: changes }, handling);
}
export function useAddPriceEntriesMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ bookId, entries }: { bookId: string; entries: Parameters<typeof pricing.addEntries>[1] }) => pricing.addEntries(bookId, entries), invalidates: changes }, handling);
}
export function useDeletePriceEntryMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => pricing.deleteEntry(id), invalidates: changes }, handling);
}
export function useCreatePromotionMutation(handling?: ErrorHandling<PromotionInput>) {
  return useApiMutation({ mutationFn: pricing.createPromotion, invalidates: changes }, handling);
}
export function useTogglePromotionMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (p: Promotion) => pricing.updatePromotion(p.id, { ...p, active: !p.active }), invalidates: changes }, handling);
}
export function useCreateBudgetMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: pricing.createBudget, invalidates: changes }, handling);
}
export function usePutPricingSettingsMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: pricing.putSettings, invalidates: changes }, handling);
}
/** The sandbox: nothing is kept, so nothing to invalidate. */
export function useTryPriceMutation(handling?: ErrorHandling<TryInput>) {
  return useApiMutation({ mutationFn: pricing.tryPrice }, handling);
}
