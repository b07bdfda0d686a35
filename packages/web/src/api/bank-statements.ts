// Bank statements 银行流水 and the reconciliation workbench 对账工作台: import a file (MT940, camt.053, CSV/Excel with a
// column mapping saved per bank), statements with their balance check and the decision on one that does not
// reconcile, lines with the matcher's proposal, and what finance (confirm, split, reject) and reps (claim 认领) do.
import type { BankColumnMappingSchema, BankImportResult, BankLineSchema, BankRematchResult, BankStatementSchema } from '@l2c/shared';
import { daysBetween, dec } from '@l2c/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { moneyMovedKeys } from './keys';
import { PAGE_SIZE, useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

export type BankStatement = ReturnType<(typeof BankStatementSchema)['parse']>;
export type BankLine = ReturnType<(typeof BankLineSchema)['parse']>;
export type BankImport = ReturnType<(typeof BankImportResult)['parse']>;
export type BankMapping = ReturnType<(typeof BankColumnMappingSchema)['parse']>;
/** A bank's CSV/Excel layout as the import form sends it (the server fills the defaults). */
export interface BankMappingInput {
  bank: string; account?: string | null; currency?: string; headerRow?: number; delimiter?: string; encoding?: string; dateFormat?: string;
  decimalComma?: boolean; columns: Record<string, string | undefined>;
}
export interface BankLineFilters { status?: string; statementId?: string; proposal?: 'with' | 'without'; q?: string }
export interface BankImportBody {
  fileName: string; contentBase64: string; format?: string; mappingId?: string; mapping?: BankMappingInput; saveMapping?: boolean;
  openingBalance?: string; closingBalance?: string;
}

export const bankKeys = {
  all: ['bank'] as const,
  statements: (status?: string) => ['bank', 'statements', status ?? ''] as const,
  lines: (f: BankLineFilters) => ['bank', 'lines', f] as const,
  mappings: () => ['bank', 'mappings'] as const,
};
/** A bank write moves money (payments, write-offs, receivables) and the workbench itself. */
const moved = () => [...moneyMovedKeys(), bankKeys.all];

const enc = encodeURIComponent;

export const bank = {
  statements: (status: string | undefined, cursor?: string) => api<Page<BankStatement>>('/bank-statements', { query: { status, cursor, limit: PAGE_SIZE } }),
  lines: (f: BankLineFilters, cursor?: string) => api<Page<BankLine>>('/bank-statement-lines', { query: { ...f, cursor, limit: PAGE_SIZE } }),
  mappings: () => api<{ items: BankMapping[] }>('/bank-column-mappings'),
  import: (body: BankImportBody) => api<BankImport>('/bank-statements/imports', { method: 'POST', body }),
  decide: (s: Pick<BankStatement, 'id' | 'version'>, decision: 'accept' | 'reject', note: string) =>
    api<BankStatement>(`/bank-statements/${enc(s.id)}/decide`, { method: 'POST', body: { decision, note, version: s.version } }),
  confirm: (l: Pick<BankLine, 'id' | 'version'>) => api<BankLine>(`/bank-statement-lines/${enc(l.id)}/confirm`, { method: 'POST', body: { version: l.version } }),
  split: (l: Pick<BankLine, 'id' | 'version'>, customerId: string, allocations: Array<{ receivableId: string; amount: string }>) =>
    api<BankLine>(`/bank-statement-lines/${enc(l.id)}/split`, { method: 'POST', body: { customerId, allocations, version: l.version } }),
  reject: (l: Pick<BankLine, 'id' | 'version'>, what: 'proposal' | 'line', reason: string) =>
    api<BankLine>(`/bank-statement-lines/${enc(l.id)}/reject`, { method: 'POST', body: { what, reason, version: l.version } }),
  claim: (l: Pick<BankLine, 'id' | 'version'>, customerId: string, receivableIds: string[]) =>
    api<BankLine>(`/bank-statement-lines/${enc(l.id)}/claim`, { method: 'POST', body: { customerId, receivableIds, version: l.version } }),
  rematch: () => api<ReturnType<(typeof BankRematchResult)['parse']>>('/bank-statement-lines/rematch', { method: 'POST', body: {} }),
};

export function useBankStatements(status?: string, enabled = true) {
  return usePagedQuery(bankKeys.statements(status), (cursor) => bank.statements(status, cursor), { enabled });
}

export function useBankLines(filters: BankLineFilters) {
  return usePagedQuery(bankKeys.lines(filters), (cursor) => bank.lines(filters, cursor));
}

/**
 * Bank payments 待认领 of this amount and currency booked within ±5 days of a date: what the payment registration form
 * offers to claim instead of registering the same money a second time.
 */
export function useWaitingBankPayments(w: { amount: string | null; currency: string; on: string | null }) {
  const enabled = !!w.amount && !!w.on;
  return useQuery({
    queryKey: [...bankKeys.all, 'waiting', w] as const,
    // the line list's search compares the amount as stored (numeric(20,3))
    queryFn: async () => (await bank.lines({ status: 'unclaimed', q: dec(w.amount!).toFixed(3) })).items.filter((l) => l.payment?.status === 'unclaimed' && l.currency === w.currency
      && Math.abs(daysBetween(l.valueOn ?? l.bookedOn, w.on!)) <= 5),
    enabled,
  });
}

export function useBankMappings(enabled = true) {
  return useQuery({ queryKey: bankKeys.mappings(), queryFn: () => bank.mappings(), enabled });
}

export function useImportBankStatement(handling?: ErrorHandling<BankImportBody>) {
  return useApiMutation({ mutationFn: (body: BankImportBody) => bank.import(body), invalidates: moved }, handling);
}

export function useDecideBankStatement(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ statement, decision, note }: { statement: BankStatement; decision: 'accept' | 'reject'; note: string }) => bank.decide(statement, decision, note),
    invalidates: moved,
  }, handling);
}

export function useConfirmBankMatch(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (line: BankLine) => bank.confirm(line), invalidates: moved }, handling);
}

export function useSplitBankLine(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ line, customerId, allocations }: { line: BankLine; customerId: string; allocations: Array<{ receivableId: string; amount: string }> }) =>
      bank.split(line, customerId, allocations),
    invalidates: moved,
  }, handling);
}

export function useRejectBankMatch(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ line, what, reason }: { line: BankLine; what: 'proposal' | 'line'; reason: string }) => bank.reject(line, what, reason),
    invalidates: moved,
  }, handling);
}

export function useClaimBankLine(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ line, customerId, receivableIds }: { line: BankLine; customerId: string; receivableIds: string[] }) => bank.claim(line, customerId, receivableIds),
    invalidates: moved,
  }, handling);
}

export function useRematchBankLines(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: () => bank.rematch(), invalidates: moved }, handling);
}
