// The building blocks of the resource hooks (api/customers.ts, api/payments.ts, …): a cursor-paged list query, and a
// mutation that refreshes what it changed and reports a problem+json error one way everywhere. Pages and modals use
// the resource hooks, never useQuery/useMutation with keys of their own (api/data-layer.test.ts checks).
import {
  useInfiniteQuery, useMutation, useQueryClient, type QueryClient, type QueryKey,
} from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppApi } from '../lib/appApi';
import { applyNestedFieldErrors, errorText, formErrorSummary } from '../lib/errors';
import { isApiError } from './client';
import type { Page } from './types';

export const PAGE_SIZE = 50;

/** One list with "load more": the pages of GET …?cursor= under one key. */
export function usePagedQuery<P extends Page<unknown>>(
  queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<P>, options: { enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
  });
}

/**
 * How a mutation's error reaches the person. By default a message toast with errorText. With `form` (and its
 * `fields`), field errors land on the form fields: flat ones as formErrorSummary does (the summary is what matched no
 * field, or null), or with `nested` onto list fields too ("lines.0.quantity"), the summary then always the error text.
 * `onSummary` puts the summary somewhere else than a toast (an Alert in the dialog). `onError` sees the error first and
 * may claim it (return true), e.g. a 409 duplicate that opens a dialog; `silent` leaves the error to the caller.
 */
export interface ErrorHandling<TVars = unknown> {
  form?: FormInstance;
  fields?: readonly string[];
  nested?: boolean;
  /** API field name → form field name, for `nested` (e.g. discountRate → discountPercent). */
  rename?: Record<string, string>;
  onSummary?: (summary: string | null) => void;
  onError?: (err: unknown, vars: TVars) => boolean | void;
  silent?: boolean;
}

export function useErrorReporter<TVars>(handling: ErrorHandling<TVars> = {}) {
  const { t } = useTranslation();
  const { message } = useAppApi();
  return (err: unknown, vars: TVars) => {
    if (handling.onError?.(err, vars) === true || handling.silent) return;
    let summary: string | null = errorText(t, err);
    if (handling.form && handling.nested) {
      applyNestedFieldErrors(handling.form, isApiError(err) ? err.errors : [], handling.fields ?? [], handling.rename);
    } else if (handling.form) {
      summary = formErrorSummary(t, handling.form, err, handling.fields ?? []);
    }
    if (handling.onSummary) handling.onSummary(summary);
    else if (summary) void message.error(summary);
  };
}

export interface MutationSpec<TData, TVars> {
  /** Only to count a resource's writes in flight (useIsMutating), e.g. several uploads at once. */
  mutationKey?: QueryKey;
  mutationFn: (vars: TVars) => Promise<TData>;
  /** The keys whose data this write changes; each is invalidated (prefix match) after success. */
  invalidates?: (data: TData, vars: TVars) => readonly QueryKey[];
  /** For every call, also when several run at once (mutate()'s own callbacks only follow the latest call). */
  onSuccess?: (data: TData, vars: TVars) => void;
  /** Put the answer straight into the cache (e.g. the record's detail), before the invalidations. */
  update?: (client: QueryClient, data: TData, vars: TVars) => void;
}

/**
 * A write: useMutation plus invalidation of the keys it changes and the one error handling above. Callers read
 * `isPending` for busy state and pass per-call `onSuccess` to mutate() for what the screen does next.
 */
export function useApiMutation<TData, TVars = void>(spec: MutationSpec<TData, TVars>, handling: ErrorHandling<TVars> = {}) {
  const client = useQueryClient();
  const report = useErrorReporter(handling);
  return useMutation<TData, unknown, TVars>({
    mutationKey: spec.mutationKey,
    mutationFn: spec.mutationFn,
    onSuccess: (data, vars) => {
      spec.onSuccess?.(data, vars);
      spec.update?.(client, data, vars);
      for (const queryKey of spec.invalidates?.(data, vars) ?? []) void client.invalidateQueries({ queryKey });
    },
    onError: report,
  });
}

/**
 * A dialog's submit that is not itself one request (ReasonModal runs whatever write its caller hands it): the busy
 * flag and the error come from useMutation all the same, with no keys and no reporting of its own.
 */
export function useAsyncAction<TVars, TData = unknown>(run: (vars: TVars) => Promise<TData>) {
  return useMutation<TData, unknown, TVars>({ mutationFn: run });
}
