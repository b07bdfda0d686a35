// The signed-in user, their permissions and data scope, from GET /auth/me.
import { can as roleCan, type Action, type Resource } from '@l2c/shared';
import { useCallback } from 'react';
import { useMe } from '../api/identity';
import type { Me } from '../api/types';

export { useMe };

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
