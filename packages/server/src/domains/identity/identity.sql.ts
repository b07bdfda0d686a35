// Queries only; the rules live in identity.service.ts.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface UserRow {
  id: string; tenant_id: string; tenant_name: string; tenant_slug: string; email: string; name: string; role: string;
  team_id: string | null; team_name: string | null; password_hash: string; locale: string; active: boolean;
  failed_logins: number; locked_until: string | null;
}

const userColumns = sql`u.id, u.tenant_id, tn.name as tenant_name, tn.slug as tenant_slug, u.email, u.name, u.role,
  u.team_id, tm.name as team_name, u.password_hash, u.locale, u.active, u.failed_logins, u.locked_until`;

export async function findUsersByEmail(tx: Tx, email: string): Promise<UserRow[]> {
  const r = await sql<UserRow>`select ${userColumns} from users u join tenants tn on tn.id = u.tenant_id
    left join teams tm on tm.tenant_id = u.tenant_id and tm.id = u.team_id where u.email = ${email}`.execute(tx);
  return r.rows;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const r = await sql<UserRow>`select ${userColumns} from users u join tenants tn on tn.id = u.tenant_id
    left join teams tm on tm.id = u.team_id where u.id = ${id}`.execute(tx);
  return r.rows[0];
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
  const r = await sql`update users set failed_logins = 0, locked_until = null
    where tenant_id = ${tenantId} and id = ${userId} and (locked_until is null or locked_until <= now())`.execute(tx);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function insertToken(tx: Tx, t: {
  tenantId: string; userId: string; kind: 'session' | 'api'; name: string | null; tokenHash: string;
  csrfHash: string | null; expiresAt: string | null;
}) {
  const r = await sql<{ id: string; created_at: string }>`insert into auth_tokens
      (tenant_id, user_id, kind, name, token_hash, csrf_hash, expires_at)
    values (${t.tenantId}, ${t.userId}, ${t.kind}, ${t.name}, ${t.tokenHash}, ${t.csrfHash}, ${t.expiresAt})
    returning id, created_at`.execute(tx);
  return r.rows[0]!;
}

export async function revokeToken(tx: Tx, tokenId: string, userId: string): Promise<boolean> {
  const r = await sql`update auth_tokens set revoked_at = now() where id = ${tokenId} and user_id = ${userId} and revoked_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function listApiTokens(tx: Tx, userId: string) {
  const r = await sql<{ id: string; name: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }>`
    select id, name, created_at, expires_at, last_used_at, revoked_at from auth_tokens
    where user_id = ${userId} and kind = 'api' order by created_at desc`.execute(tx);
  return r.rows;
}

export interface UserListRow { id: string; name: string; email: string; role: string; team_id: string | null; team_name: string | null; active: boolean; version: number }

export async function listUsers(tx: Tx, q: string | undefined, limit: number, afterName: [string, string] | null) {
  const pattern = q ? `%${q}%` : null;
  const r = await sql<UserListRow>`select u.id, u.name, u.email, u.role, u.team_id, t.name as team_name, u.active, u.version
    from users u left join teams t on t.id = u.team_id
    where (${pattern}::text is null or u.name ilike ${pattern} or u.email ilike ${pattern})
      and (${afterName?.[0] ?? null}::text is null or (u.name, u.id) > (${afterName?.[0] ?? null}, ${afterName?.[1] ?? null}::uuid))
    order by u.name, u.id limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export async function insertUser(tx: Tx, u: { tenantId: string; email: string; name: string; role: string; teamId: string | null; passwordHash: string; locale: string }) {
  const r = await sql<{ id: string }>`insert into users (tenant_id, email, name, role, team_id, password_hash, locale)
    values (${u.tenantId}, ${u.email}, ${u.name}, ${u.role}, ${u.teamId}, ${u.passwordHash}, ${u.locale})
    on conflict (tenant_id, email) do nothing returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function listTeams(tx: Tx) {
  const r = await sql<{ id: string; name: string; parent_id: string | null; manager_id: string | null }>`
    select id, name, parent_id, manager_id from teams order by name`.execute(tx);
  return r.rows;
}

export async function insertTeam(tx: Tx, t: { tenantId: string; name: string; parentId: string | null; managerId: string | null }) {
  const r = await sql<{ id: string }>`insert into teams (tenant_id, name, parent_id, manager_id)
    values (${t.tenantId}, ${t.name}, ${t.parentId}, ${t.managerId}) returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function findUserForUpdate(tx: Tx, id: string) {
  const r = await sql<{ id: string; name: string; role: string; team_id: string | null; active: boolean; version: number; locale: string }>`
    select id, name, role, team_id, active, version, locale from users where id = ${id} for update`.execute(tx);
  return r.rows[0];
}

export async function updateUser(tx: Tx, id: string, u: { name: string; role: string; teamId: string | null; active: boolean; locale: string }) {
  await sql`update users set name = ${u.name}, role = ${u.role}, team_id = ${u.teamId}, active = ${u.active}, locale = ${u.locale},
    version = version + 1, updated_at = now() where id = ${id}`.execute(tx);
}

/** A deactivated user's sessions and tokens die with the account. */
export async function revokeAllTokens(tx: Tx, userId: string) {
  await sql`update auth_tokens set revoked_at = now() where user_id = ${userId} and revoked_at is null`.execute(tx);
}

export async function teamExists(tx: Tx, id: string): Promise<boolean> {
  return (await sql`select 1 from teams where id = ${id}`.execute(tx)).rows.length > 0;
}

/** Is the name used by a team other than `exceptId`? */
export async function teamNameTaken(tx: Tx, name: string, exceptId: string | null): Promise<boolean> {
  return (await sql`select 1 from teams where name = ${name} and id is distinct from ${exceptId}::uuid`.execute(tx)).rows.length > 0;
}

/** Would making `parentId` the parent of `teamId` create a cycle? */
export async function teamWouldCycle(tx: Tx, teamId: string, parentId: string): Promise<boolean> {
  const r = await sql`with recursive up as (select id, parent_id from teams where id = ${parentId}
      union select t.id, t.parent_id from teams t join up on t.id = up.parent_id) select 1 from up where id = ${teamId}`.execute(tx);
  return r.rows.length > 0;
}

export async function updateTeam(tx: Tx, id: string, t: { name: string; parentId: string | null; managerId: string | null }) {
  await sql`update teams set name = ${t.name}, parent_id = ${t.parentId}, manager_id = ${t.managerId} where id = ${id}`.execute(tx);
}

export async function findTeam(tx: Tx, id: string) {
  const r = await sql<{ id: string; name: string; parent_id: string | null; manager_id: string | null }>`
    select id, name, parent_id, manager_id from teams where id = ${id} for update`.execute(tx);
  return r.rows[0];
}
