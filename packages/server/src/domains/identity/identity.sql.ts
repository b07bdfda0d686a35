// Queries only; the rules live in identity.service.ts. Plain reads and writes are builder queries typed by the
// schema (platform/schema.ts); the login-attempt counters and the team cycle check are SQL.
import { sql } from 'kysely';
import type { Role } from '@l2c/shared';
import type { Kdb, Tx } from '../../platform/db.js';

/** A user with the tenant's and the team's names: what login and /me need. */
function selectUser(tx: Tx) {
  return tx.selectFrom('users as u').innerJoin('tenants as tn', 'tn.id', 'u.tenant_id')
    .select(['u.id', 'u.tenant_id', 'tn.name as tenant_name', 'tn.slug as tenant_slug', 'u.email', 'u.name', 'u.role', 'u.team_id',
      'u.password_hash', 'u.locale', 'u.active', 'u.failed_logins', 'u.locked_until']);
}

export type UserRow = Awaited<ReturnType<typeof findUsersByEmail>>[number];

/** Every tenant's user with this email (as the owner: login does not know the tenant yet). */
export async function findUsersByEmail(tx: Tx, email: string) {
  return selectUser(tx).leftJoin('teams as tm', (j) => j.onRef('tm.tenant_id', '=', 'u.tenant_id').onRef('tm.id', '=', 'u.team_id'))
    .select('tm.name as team_name').where('u.email', '=', email).execute();
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  return selectUser(tx).leftJoin('teams as tm', 'tm.id', 'u.team_id').select('tm.name as team_name').where('u.id', '=', id).executeTakeFirst();
}

/**
 * Claim an attempt before the password is checked: one statement, so the row lock serialises parallel attempts and
 * each gets its own number. An attempt counts as a failure until it proves otherwise. An expired lock starts the
 * count again; the attempt after `maxAttempts` sets the lock itself, without a password check.
 */
export async function claimLoginAttempt(tx: Tx, tenantId: string, userId: string, maxAttempts: number, lockMinutes: number) {
  const r = await sql<{ attempt: number; locked: boolean }>`update users set
      failed_logins = case when locked_until > now() then failed_logins when locked_until is not null then 1 else failed_logins + 1 end,
      locked_until = case when locked_until > now() then locked_until
        when (case when locked_until is not null then 1 else failed_logins + 1 end) > ${maxAttempts}
          then now() + make_interval(mins => ${lockMinutes})
        else null end
    where tenant_id = ${tenantId} and id = ${userId}
    returning failed_logins as attempt, coalesce(locked_until > now(), false) as locked`.execute(tx);
  return r.rows[0];
}

/** A wrong password: its failure is already counted; lock when the count has reached the limit. */
export async function lockIfExhausted(tx: Tx, tenantId: string, userId: string, maxFailures: number, lockMinutes: number) {
  await sql`update users set locked_until = now() + make_interval(mins => ${lockMinutes})
    where tenant_id = ${tenantId} and id = ${userId} and failed_logins >= ${maxFailures} and (locked_until is null or locked_until <= now())`.execute(tx);
}

/** The right password resets the count, unless the account was locked meanwhile: then false, and it stays locked. */
export async function recordSuccessfulLogin(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const r = await tx.updateTable('users').set({ failed_logins: 0, locked_until: null })
    .where('tenant_id', '=', tenantId).where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<string>`now()`)])).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function insertToken(tx: Tx, t: {
  tenantId: string; userId: string; kind: 'session' | 'api'; name: string | null; tokenHash: string;
  csrfHash: string | null; expiresAt: string | null;
}) {
  return tx.insertInto('auth_tokens')
    .values({ tenant_id: t.tenantId, user_id: t.userId, kind: t.kind, name: t.name, token_hash: t.tokenHash, csrf_hash: t.csrfHash, expires_at: t.expiresAt })
    .returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/**
 * Note that a token was used now. Called by the platform's authenticate (app.ts passes it in) at most once a minute per
 * token, outside any transaction, as the owner: the keys name the tenant themselves.
 */
export async function touchToken(db: Kdb, tenantId: string, tokenId: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ last_used_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', '=', tokenId).execute();
}

export async function revokeToken(tx: Tx, tokenId: string, userId: string): Promise<boolean> {
  const r = await tx.updateTable('auth_tokens').set({ revoked_at: sql`now()` })
    .where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The user's API tokens, newest first (an API token always has a name: the create route requires one). */
export async function listApiTokens(tx: Tx, userId: string) {
  return tx.selectFrom('auth_tokens').select(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId).where('kind', '=', 'api').orderBy('created_at', 'desc').$narrowType<{ name: string }>().execute();
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function listUsers(tx: Tx, q: string | undefined, limit: number, afterName: [string, string] | null) {
  let query = tx.selectFrom('users as u').leftJoin('teams as t', 't.id', 'u.team_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.team_id', 't.name as team_name', 'u.active', 'u.version'])
    .select(sql<boolean>`u.password_hash like '!%'`.as('invited')); // no password yet: waiting for the invitation link
  if (q) {
    const pattern = `%${q}%`;
    query = query.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.email', 'ilike', pattern)]));
  }
  if (afterName) query = query.where(sql<boolean>`(u.name, u.id) > (${afterName[0]}, ${afterName[1]}::uuid)`);
  return query.orderBy('u.name').orderBy('u.id').limit(limit + 1).execute();
}

export async function insertUser(tx: Tx, u: { tenantId: string; email: string; name: string; role: Role; teamId: string | null; passwordHash: string; locale: string }) {
  const r = await tx.insertInto('users')
    .values({ tenant_id: u.tenantId, email: u.email, name: u.name, role: u.role, team_id: u.teamId, password_hash: u.passwordHash, locale: u.locale })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function listTeams(tx: Tx) {
  return tx.selectFrom('teams').select(['id', 'name', 'parent_id', 'manager_id']).orderBy('name').execute();
}

export async function insertTeam(tx: Tx, t: { tenantId: string; name: string; parentId: string | null; managerId: string | null }) {
  const r = await tx.insertInto('teams').values({ tenant_id: t.tenantId, name: t.name, parent_id: t.parentId, manager_id: t.managerId })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findUserForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('users').select(['id', 'name', 'role', 'team_id', 'active', 'version', 'locale']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateUser(tx: Tx, id: string, u: { name: string; role: Role; teamId: string | null; active: boolean; locale: string }) {
  await tx.updateTable('users')
    .set((eb) => ({ name: u.name, role: u.role, team_id: u.teamId, active: u.active, locale: u.locale, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id).execute();
}

/** A deactivated user's sessions and tokens die with the account. */
export async function revokeAllTokens(tx: Tx, userId: string) {
  await tx.updateTable('auth_tokens').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function teamExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Is the name used by a team other than `exceptId`? */
export async function teamNameTaken(tx: Tx, name: string, exceptId: string | null): Promise<boolean> {
  return (await tx.selectFrom('teams').select('id').where('name', '=', name).where('id', 'is distinct from', exceptId).executeTakeFirst()) !== undefined;
}

/** Would making `parentId` the parent of `teamId` create a cycle? */
export async function teamWouldCycle(tx: Tx, teamId: string, parentId: string): Promise<boolean> {
  const r = await sql`with recursive up as (select id, parent_id from teams where id = ${parentId}
      union select t.id, t.parent_id from teams t join up on t.id = up.parent_id) select 1 from up where id = ${teamId}`.execute(tx);
  return r.rows.length > 0;
}

export async function updateTeam(tx: Tx, id: string, t: { name: string; parentId: string | null; managerId: string | null }) {
  await tx.updateTable('teams').set({ name: t.name, parent_id: t.parentId, manager_id: t.managerId }).where('id', '=', id).execute();
}

export async function findTeam(tx: Tx, id: string) {
  return tx.selectFrom('teams').select(['id', 'name', 'parent_id', 'manager_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}
