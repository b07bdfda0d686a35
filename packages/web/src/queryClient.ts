import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may be transient: network failures and server errors, twice.
      retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
    },
    mutations: { retry: false },
  },
});
