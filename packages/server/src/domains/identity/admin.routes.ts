// Thin HTTP layer for the admin's user screens beyond create/update: one-time password links (invite, reset), the
// user's sessions and API tokens; and the public side of a link (the set-password page).
import { z } from 'zod';
import { IdSchema, Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { NoContent } from '../../platform/openapi.js';
import { identityError } from './identity.errors.js';
import * as links from './links.service.js';

const tags = ['users'];
export const PasswordLinkSchema = z.object({
  purpose: z.enum(['invite', 'reset']), token: z.string(), expiresAt: z.string(),
  linkPath: z.string().describe('append to the web app\'s address: the page where the user chooses a password; shown this once'),
});
const UserToken = z.object({
  id: z.string(), kind: z.enum(['session', 'api']), name: z.string().nullable(), createdAt: z.string(),
  expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(),
});
const LinkToken = Text.min(10).max(200);

export function userAdminRoutes(app: App, db: Db) {
  app.post('/api/v1/users/:id/password-link', {
    schema: {
      operationId: 'createPasswordLink', summary: 'Invite a user again, or reset a user\'s password', tags,
      description: 'A one-time link for the user to choose a password (invite: 7 days, reset: 1 day); earlier links stop working. `reset` also ends the old password and every session and API token of the user.',
      errors: [identityError.only('token_not_found')],
      params: z.object({ id: IdSchema }), body: z.object({ purpose: z.enum(['invite', 'reset']) }), response: { 201: PasswordLinkSchema },
    },
    preHandler: requirePermission('users', 'update'),
  }, async (req, reply) => reply.code(201).send(await links.issueLink(db, requireAuth(req), req.params.id, req.body.purpose)));

  app.get('/api/v1/users/:id/tokens', {
    schema: {
      operationId: 'listUserTokens', summary: 'List a user\'s live sessions and API tokens', tags,
      params: z.object({ id: IdSchema }), response: { 200: z.object({ items: z.array(UserToken) }) },
    },
    preHandler: requirePermission('users', 'update'),
  }, async (req) => links.userTokens(db, requireAuth(req), req.params.id));

  app.delete('/api/v1/users/:id/tokens/:tokenId', {
    schema: {
      operationId: 'revokeUserToken', summary: 'End one of a user\'s sessions or API tokens', tags, errors: [identityError.only('token_not_found')],
      params: z.object({ id: IdSchema, tokenId: IdSchema }), response: { 204: NoContent },
    },
    preHandler: requirePermission('users', 'update'),
  }, async (req, reply) => {
    await links.revokeUserToken(db, requireAuth(req), req.params.id, req.params.tokenId);
    return reply.code(204).send(undefined);
  });

  // The public side: no session (the user has no password yet). Rate-limited like the login.
  const limit = { rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const } };
  app.post('/api/v1/auth/password-link/inspect', {
    schema: {
      operationId: 'inspectPasswordLink', summary: 'Check a one-time password link', tags: ['auth'], security: [], errors: [identityError.only('link_invalid')],
      body: z.object({ token: LinkToken }),
      response: { 200: z.object({ purpose: z.enum(['invite', 'reset']), email: z.string(), name: z.string(), tenantName: z.string(), tenant: z.string(), expiresAt: z.string(), locale: z.string() }) },
    },
    config: limit,
  }, async (req) => links.inspectLink(db, req.body.token));

  app.post('/api/v1/auth/password-link', {
    schema: {
      operationId: 'usePasswordLink', summary: 'Choose a password with a one-time link', tags: ['auth'], security: [], errors: [identityError.only('link_invalid')],
      description: 'Spends the link; then log in with the email and the new password (`tenant` names the company when the email is in several).',
      body: z.object({ token: LinkToken, password: Text.min(8).max(200) }), response: { 200: z.object({ email: z.string(), tenant: z.string() }) },
    },
    config: limit,
  }, async (req) => {
    if (!req.body.password.trim()) throw commonError('invalid', 'A password of spaces', { errors: [{ path: 'password', message: 'not only spaces' }] });
    return links.useLink(db, req.body.token, req.body.password);
  });
}
