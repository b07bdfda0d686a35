// The signed-in user, their permissions and data scope, from GET /auth/me.
import { can as roleCan, type Action, type Resource } from '@l2c/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { auth } from '../api/endpoints';
import type { Me } from '../api/types';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: auth.me, staleTime: 5 * 60_000, retry: false });
}

export function hasPermission(me: Me | undefined, resource: Resource, action: Action): boolean {
  if (!me) return false;
  const perms = me.permissions;
  if (perms && Object.keys(perms).length > 0) return perms[resource]?.includes(action) ?? false;
  // An older server without the permissions map: fall back to the shared role table.
  return roleCan(me.user.role, resource, action);
}

/** Use inside the signed-in part of the app. `can` only hides buttons; the server enforces. */
export function useAuth() {
  const { data } = useMe();
  const can = useCallback((resource: Resource, action: Action) => hasPermission(data, resource, action), [data]);
  return { me: data, user: data?.user, scope: data?.scope, can };
}
