// Identity: the session (log in, who am I, log out), the user directory and API tokens for integrations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { useApiMutation, type ErrorHandling } from './query';
import type { ApiTokenCreated, ApiToken, Me, Page, User, UserSummary } from './types';

const enc = encodeURIComponent;

export const auth = {
  login: (email: string, password: string) =>
    api<{ token: string; csrfToken: string; user: User }>('/auth/login', {
      method: 'POST', body: { email, password }, skipAuthRedirect: true,
    }),
  me: () => api<Me>('/auth/me'),
  logout: () => api<void>('/auth/logout', { method: 'POST', body: {}, skipAuthRedirect: true }),
};

export const users = {
  list: (q?: string, limit = 20) => api<Page<UserSummary>>('/users', { query: { q, limit } }),
};

export const apiTokens = {
  list: () => api<{ items: ApiToken[] }>('/api-tokens'),
  create: (name: string, expiresInDays: number) =>
    api<ApiTokenCreated>('/api-tokens', { method: 'POST', body: { name, expiresInDays } }),
  revoke: (id: string) => api<void>(`/api-tokens/${enc(id)}`, { method: 'DELETE' }),
};

export const meKeys = { me: ['me'] as const };
export const userKeys = {
  all: ['users'] as const,
  search: (q: string) => ['users', q] as const,
};
export const apiTokenKeys = { all: ['tokens'] as const };

export function useMe() {
  return useQuery({ queryKey: meKeys.me, queryFn: auth.me, staleTime: 5 * 60_000, retry: false });
}

/** Users matching a search, for pickers. */
export function useUserSearch(q: string) {
  return useQuery({ queryKey: userKeys.search(q), queryFn: () => users.list(q || undefined), staleTime: 60_000 });
}

/**
 * Log in: a fresh session starts with an empty cache and the new user's /auth/me already loaded. The login form
 * shows its own words for a 401, so errors are left to the caller.
 */
export function useLoginMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password }: { email: string; password: string }) => {
      const res = await auth.login(email, password);
      setCsrfToken(res.csrfToken);
      client.clear();
      await client.prefetchQuery({ queryKey: meKeys.me, queryFn: auth.me });
      return res;
    },
  });
}

/** Log out; the session may already be gone, so a failure still logs out locally. */
export function useLogoutMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await auth.logout();
      } catch {
        // nothing to undo: the cookie is cleared by the server or already expired
      }
    },
    onSettled: () => client.clear(),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: apiTokenKeys.all, queryFn: apiTokens.list });
}

export function useCreateApiTokenMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ name, expiresInDays }: { name: string; expiresInDays: number }) => apiTokens.create(name, expiresInDays),
    invalidates: () => [apiTokenKeys.all],
  }, handling);
}

export function useRevokeApiTokenMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => apiTokens.revoke(id), invalidates: () => [apiTokenKeys.all] }, handling);
}
