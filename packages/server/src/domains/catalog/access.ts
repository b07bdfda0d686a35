// Who may change the catalog: a role with the catalog write permission (admin), or a user an admin made a product
// manager (catalog_managers) — a capability, not a role, so a sales manager can run the catalog and keep their role.
// Cost is shown to those who may change it and to the roles that read margins (finance, executive).
import { can } from '@l2c/shared';
import type { AuthContext } from '../../platform/auth.js';
import type { Tx } from '../../platform/db.js';
import { catalogError } from './catalog.errors.js';
import * as a from './admin.sql.js';

export async function canManage(tx: Tx, auth: AuthContext): Promise<boolean> {
  return can(auth.role, 'catalog', 'update') || a.isManager(tx, auth.userId);
}

export async function assertCanManage(tx: Tx, auth: AuthContext): Promise<void> {
  if (!(await canManage(tx, auth))) throw catalogError('forbidden');
}

export async function seesCost(tx: Tx, auth: AuthContext): Promise<boolean> {
  return auth.role === 'finance' || auth.role === 'executive' || canManage(tx, auth);
}
