// Administration of users and teams: role, team and activity changes, each audited.
import type { Role } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { identityError } from './identity.errors.js';
import * as q from './identity.sql.js';

export interface UserPatch { name?: string; role?: Role; teamId?: string | null; active?: boolean; locale?: string; version: number }

export async function updateUser(db: Db, auth: AuthContext, id: string, patch: UserPatch) {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findUserForUpdate(tx, id);
    if (!row) throw commonError('not_found', 'User not found');
    if (row.version !== patch.version) throw commonError('version_conflict');
    if (id === auth.userId && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
      throw commonError('invalid', 'You cannot demote or deactivate yourself', { errors: [{ path: patch.active === false ? 'active' : 'role', message: 'not on your own account' }] });
    }
    const teamId = patch.teamId !== undefined ? patch.teamId : row.team_id;
    if (teamId && !(await q.teamExists(tx, teamId))) throw identityError('team_not_found', undefined, { errors: [{ path: 'teamId', message: 'no such team' }] });
    const next = { name: patch.name ?? row.name, role: patch.role ?? row.role, teamId, active: patch.active ?? row.active, locale: patch.locale ?? row.locale };
    await q.updateUser(tx, id, next);
    if (!next.active && row.active) await q.revokeAllTokens(tx, id);
    await recordAudit(tx, auth, {
      action: 'update', entityType: 'user', entityId: id,
      before: { name: row.name, role: row.role, teamId: row.team_id, active: row.active, locale: row.locale }, after: next,
    });
    return { id, ...next, version: row.version + 1 };
  });
}

export async function createTeam(db: Db, auth: AuthContext, input: { name: string; parentId: string | null; managerId: string | null }) {
  return inTenant(db, auth, async (tx) => {
    if (input.parentId && !(await q.teamExists(tx, input.parentId))) throw identityError('team_not_found', undefined, { errors: [{ path: 'parentId', message: 'no such team' }] });
    if (await q.teamNameTaken(tx, input.name, null)) throw identityError('team_name_taken', undefined, { errors: [{ path: 'name', message: 'already used by another team' }] });
    const id = await q.insertTeam(tx, { tenantId: auth.tenantId, ...input });
    await recordAudit(tx, auth, { action: 'create', entityType: 'team', entityId: id, after: input });
    return { id, ...input };
  });
}

export async function updateTeam(db: Db, auth: AuthContext, id: string, patch: { name?: string; parentId?: string | null; managerId?: string | null }) {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findTeam(tx, id);
    if (!row) throw commonError('not_found', 'No such team');
    // Names are unique per tenant (a unique index): a taken name is a 409 naming the field, not a failed update.
    if (patch.name !== undefined && patch.name !== row.name && (await q.teamNameTaken(tx, patch.name, id))) {
      throw identityError('team_name_taken', undefined, { errors: [{ path: 'name', message: 'already used by another team' }] });
    }
    const next = { name: patch.name ?? row.name, parentId: patch.parentId !== undefined ? patch.parentId : row.parent_id, managerId: patch.managerId !== undefined ? patch.managerId : row.manager_id };
    if (next.parentId && (next.parentId === id || (await q.teamWouldCycle(tx, id, next.parentId)))) {
      throw commonError('invalid', 'A team cannot be inside itself', { errors: [{ path: 'parentId', message: 'would make a cycle' }] });
    }
    await q.updateTeam(tx, id, next);
    await recordAudit(tx, auth, { action: 'update', entityType: 'team', entityId: id, before: { name: row.name, parentId: row.parent_id, managerId: row.manager_id }, after: next });
    return { id, ...next };
  });
}

/**
 * The first admin of a tenant being created (domains/workspace createTenant), in the caller's owner-role transaction:
 * nobody of the tenant exists yet to act as. Audited with no actor (the operator). Null when the email is taken.
 */
export async function createFirstAdminTx(tx: Tx, tenantId: string, input: { email: string; name: string; passwordHash: string; locale: string }): Promise<string | null> {
  const id = await q.insertUser(tx, { tenantId, email: input.email, name: input.name, role: 'admin', teamId: null, passwordHash: input.passwordHash, locale: input.locale });
  if (id) await recordAudit(tx, { tenantId, userId: null }, { action: 'create', entityType: 'user', entityId: id, after: { email: input.email, name: input.name, role: 'admin' } });
  return id;
}
