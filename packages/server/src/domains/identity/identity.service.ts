// Login, sessions, API tokens, users and teams.
import { PERMISSIONS, ROLE_SCOPE, type Role, type User } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../../platform/db.js';
import { hashToken, newToken, type AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { identityError } from './identity.errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as q from './identity.sql.js';
import { issueLinkTx, NO_PASSWORD } from './links.service.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

function toUser(row: q.UserRow): User {
  return {
    id: row.id, tenantId: row.tenant_id, tenantName: row.tenant_name, email: row.email, name: row.name,
    role: row.role as Role, teamId: row.team_id, locale: row.locale,
  };
}

export interface LoginResult { token: string; csrfToken: string; user: User; expiresAt: string }

export async function login(
  db: Db,
  input: { email: string; password: string; tenant?: string | undefined },
  opts: { sessionHours: number },
): Promise<LoginResult> {
  // Before a tenant is known the look-up runs as the owner role; everything after it is tenant-scoped.
  const candidates = await asSystem(db, (tx) => q.findUsersByEmail(tx, input.email));
  const matching = input.tenant ? candidates.filter((c) => c.tenant_slug === input.tenant) : candidates;
  if (matching.length > 1) throw identityError('tenant_required', undefined, { errors: [{ path: 'tenant', message: 'name the company (tenant) to log in to' }] });
  const user = matching[0];
  // The attempt is counted before its password is checked, in a statement of its own: parallel attempts (from as
  // many addresses as an attacker has) each take a number under the row lock, and only the first MAX_FAILED_LOGINS
  // are checked at all. The check itself (argon2, tens of milliseconds) holds no lock.
  if (user) {
    const claim = await asSystem(db, (tx) => q.claimLoginAttempt(tx, user.tenant_id, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES));
    if (!claim || claim.locked) throw identityError('locked');
  }
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || !user.active) {
    if (user) await asSystem(db, (tx) => q.lockIfExhausted(tx, user.tenant_id, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES));
    throw identityError('bad_credentials');
  }
  const token = newToken('l2cs');
  const csrfToken = newToken('csrf');
  const expiresAt = new Date(Date.now() + opts.sessionHours * 3600_000).toISOString();
  await asSystem(db, async (tx) => {
    // Parallel wrong attempts may have locked the account while this one was being checked: the lock stands.
    if (!(await q.recordSuccessfulLogin(tx, user.tenant_id, user.id))) throw identityError('locked');
    await q.insertToken(tx, {
      tenantId: user.tenant_id, userId: user.id, kind: 'session', name: null,
      tokenHash: hashToken(token), csrfHash: hashToken(csrfToken), expiresAt,
    });
  });
  return { token, csrfToken, user: toUser(user), expiresAt };
}

export async function logout(db: Db, auth: AuthContext): Promise<void> {
  await inTenant(db, auth, (tx) => q.revokeToken(tx, auth.tokenId, auth.userId));
}

export async function me(db: Db, auth: AuthContext) {
  const row = await inTenant(db, auth, (tx) => q.findUserById(tx, auth.userId));
  if (!row) throw identityError('bad_credentials');
  const permissions = Object.fromEntries(Object.entries(PERMISSIONS[auth.role]).map(([k, v]) => [k, [...(v ?? [])]]));
  return { user: toUser(row), permissions, scope: ROLE_SCOPE[auth.role] };
}

export async function createApiToken(db: Db, auth: AuthContext, input: { name: string; expiresInDays: number }) {
  const token = newToken('l2ct');
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86400_000).toISOString();
  return inTenant(db, auth, async (tx) => {
    const row = await q.insertToken(tx, {
      tenantId: auth.tenantId, userId: auth.userId, kind: 'api', name: input.name, tokenHash: hashToken(token), csrfHash: null, expiresAt,
    });
    await recordAudit(tx, auth, { action: 'create', entityType: 'api_token', entityId: row.id, after: { name: input.name, expiresAt } });
    return { id: row.id, name: input.name, createdAt: row.created_at, expiresAt, lastUsedAt: null, revokedAt: null, token };
  });
}

export async function listApiTokens(db: Db, auth: AuthContext) {
  const rows = await inTenant(db, auth, (tx) => q.listApiTokens(tx, auth.userId));
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export async function revokeApiToken(db: Db, auth: AuthContext, tokenId: string) {
  await inTenant(db, auth, async (tx) => {
    if (!(await q.revokeToken(tx, tokenId, auth.userId))) throw identityError('token_not_found');
    await recordAudit(tx, auth, { action: 'revoke', entityType: 'api_token', entityId: tokenId, changes: [{ field: 'revokedAt', before: null, after: 'now' }] });
  });
}

export async function listUsers(db: Db, auth: AuthContext, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(query.cursor, ['text', 'uuid']) as [string, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listUsers(tx, query.q, query.limit, after));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, teamId: r.team_id, teamName: r.team_name, active: r.active, invited: r.invited, version: r.version })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

export async function createUser(
  db: Db, auth: AuthContext,
  input: { email: string; name: string; role: Role; teamId: string | null; password?: string | undefined; locale: string; passwordHash?: string },
) {
  // a caller that already holds a hash (the test harness makes many users with one password) skips argon2's cost;
  // without a password the user is invited: a one-time link to choose one (links.service.ts)
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : NO_PASSWORD);
  return inTenant(db, auth, async (tx) => {
    const id = await q.insertUser(tx, { tenantId: auth.tenantId, email: input.email, name: input.name, role: input.role, teamId: input.teamId, locale: input.locale, passwordHash });
    if (!id) throw identityError('email_taken');
    await recordAudit(tx, auth, { action: 'create', entityType: 'user', entityId: id, after: { email: input.email, name: input.name, role: input.role, teamId: input.teamId } });
    const invite = passwordHash === NO_PASSWORD ? await issueLinkTx(tx, auth, id, 'invite') : null;
    return { id, email: input.email, name: input.name, role: input.role, teamId: input.teamId, active: true, invite };
  });
}

export async function listTeams(db: Db, auth: AuthContext) {
  const rows = await inTenant(db, auth, (tx) => q.listTeams(tx));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, managerId: r.manager_id })) };
}
