// One-time password links: an admin invites a user (created without a password) or resets a user's password, and
// gets a link to hand over; the user opens it once and chooses a password. Also the admin's view of a user's sessions
// and API tokens, and their revocation. Every change is audited.
import { asSystem, inTenant, type Db, type Tx } from '../../platform/db.js';
import { hashToken, newToken, type AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { identityError } from './identity.errors.js';
import { hashPassword } from './passwords.js';
import * as q from './identity.sql.js';
import * as l from './links.sql.js';

/** How long a link works. An invitation waits for a new colleague; a reset is for now. */
export const LINK_DAYS = { invite: 7, reset: 1 } as const;
/** A stored password nothing verifies against (argon2 refuses it): the account waits for its link. */
export const NO_PASSWORD = '!no-password';

export interface PasswordLink { purpose: 'invite' | 'reset'; token: string; linkPath: string; expiresAt: string }

/** Issue a link for the user in the caller's transaction; the earlier unused ones stop working. */
export async function issueLinkTx(tx: Tx, auth: AuthContext, userId: string, purpose: 'invite' | 'reset'): Promise<PasswordLink> {
  const token = newToken('l2cp');
  const expiresAt = new Date(Date.now() + LINK_DAYS[purpose] * 86400_000).toISOString();
  await l.expireLinks(tx, userId);
  await l.insertLink(tx, { tenantId: auth.tenantId, userId, purpose, tokenHash: hashToken(token), createdBy: auth.userId, expiresAt });
  await recordAudit(tx, auth, { action: purpose === 'invite' ? 'invite' : 'reset_password', entityType: 'user', entityId: userId, changes: [{ field: 'passwordLinkExpiresAt', before: null, after: expiresAt }] });
  return { purpose, token, linkPath: `/set-password#${token}`, expiresAt };
}

/**
 * A new link for an existing user. `reset` also ends the old password and every session and API token of the user at
 * once (someone else may know it); `invite` re-sends an invitation that was lost or expired.
 */
export async function issueLink(db: Db, auth: AuthContext, userId: string, purpose: 'invite' | 'reset'): Promise<PasswordLink> {
  return inTenant(db, auth, async (tx) => {
    const user = await l.userPasswordState(tx, userId);
    if (!user) throw commonError('not_found', 'User not found');
    if (purpose === 'reset') {
      if (userId === auth.userId) throw commonError('invalid', 'Change your own password by logging in again with a link from another admin', { errors: [{ path: 'purpose', message: 'not on your own account' }] });
      await l.clearPassword(tx, userId, NO_PASSWORD);
      await q.revokeAllTokens(tx, userId);
    }
    return issueLinkTx(tx, auth, userId, purpose);
  });
}

/** What the set-password page shows before the user types: whose link, which company; 404 when used or expired. */
export async function inspectLink(db: Db, token: string) {
  const link = await asSystem(db, (tx) => l.findUsableLink(tx, hashToken(token), false));
  if (!link) throw identityError('link_invalid');
  return { purpose: link.purpose as 'invite' | 'reset', email: link.email, name: link.name, tenantName: link.tenant_name, tenant: link.tenant_slug, expiresAt: link.expires_at, locale: link.locale };
}

/** Use the link: set the password (the link is spent), audited as the user. The caller then logs in as usual. */
export async function useLink(db: Db, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return asSystem(db, async (tx) => {
    const link = await l.findUsableLink(tx, hashToken(token), true);
    if (!link) throw identityError('link_invalid');
    await l.useLink(tx, link.tenant_id, link.id, link.user_id, passwordHash);
    await recordAudit(tx, { tenantId: link.tenant_id, userId: link.user_id }, { action: 'set_password', entityType: 'user', entityId: link.user_id, changes: [{ field: 'password', before: null, after: link.purpose }] });
    return { email: link.email, tenant: link.tenant_slug };
  });
}

/** The user's live sessions and API tokens, for the admin's user drawer. */
export async function userTokens(db: Db, auth: AuthContext, userId: string) {
  return inTenant(db, auth, async (tx) => {
    if (!(await l.userPasswordState(tx, userId))) throw commonError('not_found', 'User not found');
    const rows = await l.liveTokens(tx, userId);
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind as 'session' | 'api', name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at })) };
  });
}

/** End one session or API token of a user (an admin signing a lost laptop out), audited. */
export async function revokeUserToken(db: Db, auth: AuthContext, userId: string, tokenId: string): Promise<void> {
  await inTenant(db, auth, async (tx) => {
    if (!(await q.revokeToken(tx, tokenId, userId))) throw identityError('token_not_found');
    await recordAudit(tx, auth, { action: 'revoke', entityType: 'user', entityId: userId, changes: [{ field: 'tokenRevoked', before: null, after: tokenId }] });
  });
}
