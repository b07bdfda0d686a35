// Statements of one-time password links (invite, reset) and of a user's sessions and tokens as an admin sees them.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

/** Expire every unused link of the user: only the newest link works. */
export async function expireLinks(tx: Tx, userId: string): Promise<void> {
  await tx.updateTable('password_links').set({ expires_at: sql`now()` })
    .where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', sql<string>`now()`).execute();
}

export async function insertLink(tx: Tx, l: { tenantId: string; userId: string; purpose: 'invite' | 'reset'; tokenHash: string; createdBy: string | null; expiresAt: string }) {
  await tx.insertInto('password_links')
    .values({ tenant_id: l.tenantId, user_id: l.userId, purpose: l.purpose, token_hash: l.tokenHash, created_by: l.createdBy, expires_at: l.expiresAt })
    .execute();
}

/** A usable link by its hash, with its user and tenant (as the owner: the link names no tenant). */
export async function findUsableLink(tx: Tx, tokenHash: string, lock: boolean) {
  let q = tx.selectFrom('password_links as l').innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.user_id'))
    .innerJoin('tenants as t', 't.id', 'l.tenant_id')
    .select(['l.id', 'l.tenant_id', 'l.user_id', 'l.purpose', 'l.expires_at', 'u.email', 'u.name', 'u.locale', 't.name as tenant_name', 't.slug as tenant_slug'])
    .where('l.token_hash', '=', tokenHash).where('l.used_at', 'is', null).where('l.expires_at', '>', sql<string>`now()`);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Use the link and set the user's password: active again, failed logins forgotten. */
export async function useLink(tx: Tx, tenantId: string, linkId: string, userId: string, passwordHash: string): Promise<void> {
  await tx.updateTable('password_links').set({ used_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', '=', linkId).execute();
  await tx.updateTable('users').set({ password_hash: passwordHash, active: true, failed_logins: 0, locked_until: null, updated_at: sql`now()`, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

/** Replace the password with one nothing verifies against (a reset link is on its way). */
export async function clearPassword(tx: Tx, userId: string, marker: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: marker, updated_at: sql`now()` }).where('id', '=', userId).execute();
}

/** The user's live sessions and API tokens (not revoked, not expired), newest first. */
export async function liveTokens(tx: Tx, userId: string) {
  return tx.selectFrom('auth_tokens').select(['id', 'kind', 'name', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId).where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<string>`now()`)]))
    .orderBy('created_at', 'desc').execute();
}

/** Has the user a usable password? (An invited user has none until the link is used.) */
export async function userPasswordState(tx: Tx, userId: string) {
  return tx.selectFrom('users').select(['id', 'email', 'name', 'active', sql<boolean>`password_hash like '!%'`.as('no_password')]).where('id', '=', userId).executeTakeFirst();
}
