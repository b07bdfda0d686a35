// Thin HTTP layer for identity: parse, call the service, shape the response.
import { z } from 'zod';
import { ApiTokenCreate, ApiTokenCreated, ApiTokenSchema, ListQueryBase, LoginRequest, LoginResponse, ROLES, UserSchema, IdSchema, Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { NoContent } from '../../platform/openapi.js';
import { identityError } from './identity.errors.js';
import { CSRF_COOKIE, requireAuth, requirePermission, SESSION_COOKIE } from '../../platform/auth.js';
import * as identity from './identity.service.js';
import * as admin from './users.service.js';
import { userAdminRoutes, PasswordLinkSchema } from './admin.routes.js';

// What the admin routes answer (loose: a field added to the service is not dropped by the serializer)
const TeamSchema = z.looseObject({ id: z.string(), name: z.string(), parentId: z.string().nullable(), managerId: z.string().nullable() });
const UserSaved = z.looseObject({ id: z.string(), name: z.string(), role: z.enum(ROLES), teamId: z.string().nullable(), active: z.boolean() });

const UserListItem = z.object({
  id: z.string(), name: z.string(), email: z.string(), role: z.string(), teamId: z.string().nullable(),
  teamName: z.string().nullable(), active: z.boolean(), invited: z.boolean(), version: z.number().int(),
});

export function identityRoutes(app: App, db: Db, opts: { sessionHours: number; cookieSecure: boolean }) {
  userAdminRoutes(app, db);

  app.post('/api/v1/auth/login', {
    schema: { operationId: 'logIn', summary: 'Log in', description: 'Answers a session token (send it as `Authorization: Bearer <token>`) and sets the session and CSRF cookies for the web app. Five failed logins lock the account for a while (423 `identity.locked`).', errors: [identityError.only('bad_credentials', 'locked', 'tenant_required')], tags: ['auth'], body: LoginRequest, response: { 200: LoginResponse }, security: [] },
    // Per client address and email: slows guessing; the account lock (5 failures) stops it. req.ip is the socket's
    // peer unless L2C_TRUST_PROXY names it as a proxy, so a client cannot pick its bucket with X-Forwarded-For.
    config: { rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => `${req.ip}:${String((req.body as { email?: string })?.email ?? '')}` } },
  }, async (req, reply) => {
    const result = await identity.login(db, req.body, opts);
    // Secure when HTTPS is on: configured, or seen (req.protocol reads X-Forwarded-Proto only from a trusted proxy).
    const secure = opts.cookieSecure || req.protocol === 'https';
    const cookieOpts = { path: '/', sameSite: 'lax' as const, secure, expires: new Date(result.expiresAt) };
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOpts, httpOnly: false });
    return { token: result.token, csrfToken: result.csrfToken, user: result.user };
  });

  app.post('/api/v1/auth/logout', { schema: { operationId: 'logOut', summary: 'Log out', description: 'Ends the session of the token or cookie the request came with.', tags: ['auth'], response: { 204: NoContent } } }, async (req, reply) => {
    await identity.logout(db, requireAuth(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send(undefined);
  });

  app.get('/api/v1/auth/me', {
    schema: { operationId: 'getMe', summary: 'Get the caller, their permissions and data scope', tags: ['auth'], response: { 200: z.object({ user: UserSchema, permissions: z.record(z.string(), z.array(z.string())), scope: z.string() }) } },
  }, async (req) => identity.me(db, requireAuth(req)));

  app.get('/api/v1/api-tokens', {
    schema: { operationId: 'listApiTokens', summary: 'List API tokens', tags: ['auth'], response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } },
    preHandler: requirePermission('tokens', 'read'),
  }, async (req) => ({ items: await identity.listApiTokens(db, requireAuth(req)) }));

  app.post('/api/v1/api-tokens', {
    schema: { operationId: 'createApiToken', summary: 'Create an API token', description: 'The token is in this answer only; store it. It acts as the user it was created for.', tags: ['auth'], body: ApiTokenCreate, response: { 201: ApiTokenCreated } },
    preHandler: requirePermission('tokens', 'create'),
  }, async (req, reply) => reply.code(201).send(await identity.createApiToken(db, requireAuth(req), req.body)));

  app.delete('/api/v1/api-tokens/:id', {
    schema: { operationId: 'revokeApiToken', summary: 'Revoke an API token', errors: [identityError.only('token_not_found')], tags: ['auth'], params: z.object({ id: IdSchema }), response: { 204: NoContent } },
    preHandler: requirePermission('tokens', 'delete'),
  }, async (req, reply) => {
    await identity.revokeApiToken(db, requireAuth(req), req.params.id);
    return reply.code(204).send(undefined);
  });

  app.get('/api/v1/users', {
    schema: { operationId: 'listUsers', summary: 'List users', tags: ['users'], querystring: ListQueryBase, response: { 200: z.object({ items: z.array(UserListItem), nextCursor: z.string().nullable() }) } },
    preHandler: requirePermission('users', 'read'),
  }, async (req) => identity.listUsers(db, requireAuth(req), req.query));

  app.post('/api/v1/users', {
    schema: { operationId: 'createUser', summary: 'Create a user', errors: [identityError.only('email_taken', 'team_not_found')],
      tags: ['users'],
      body: z.object({
        email: Text.trim().toLowerCase().email(), name: Text.trim().min(1).max(60), role: z.enum(ROLES),
        teamId: IdSchema.nullable().default(null), password: Text.min(8).max(200).optional(), locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
      }),
      description: 'Without a password the user is invited: the answer carries a one-time link (`invite.linkPath`) to choose one.',
      response: { 201: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), teamId: z.string().nullable(), active: z.boolean(), invite: PasswordLinkSchema.nullable() }) },
    },
    preHandler: requirePermission('users', 'create'),
  }, async (req, reply) => reply.code(201).send(await identity.createUser(db, requireAuth(req), req.body)));

  app.get('/api/v1/teams', {
    schema: { operationId: 'listTeams', summary: 'List teams', tags: ['users'], response: { 200: z.object({ items: z.array(TeamSchema) }) } },
    preHandler: requirePermission('teams', 'read'),
  }, async (req) => identity.listTeams(db, requireAuth(req)));

  app.patch('/api/v1/users/:id', {
    schema: { operationId: 'updateUser', summary: 'Update a user', errors: [identityError.only('team_not_found')],
      tags: ['users'], params: z.object({ id: IdSchema }),
      body: z.object({
        name: Text.trim().min(1).max(60).optional(), role: z.enum(ROLES).optional(), teamId: IdSchema.nullable().optional(),
        active: z.boolean().optional(), locale: z.enum(['zh-CN', 'en']).optional(), version: z.number().int().min(1),
      }),
      response: { 200: UserSaved.extend({ locale: z.string(), version: z.number().int() }) },
    },
    preHandler: requirePermission('users', 'update'),
  }, async (req) => admin.updateUser(db, requireAuth(req), req.params.id, req.body));

  const TeamBody = z.object({ name: Text.trim().min(1).max(60), parentId: IdSchema.nullable().default(null), managerId: IdSchema.nullable().default(null) });
  app.post('/api/v1/teams', {
    schema: { operationId: 'createTeam', summary: 'Create a team', errors: [identityError.only('team_name_taken', 'team_not_found')], tags: ['users'], body: TeamBody, response: { 201: TeamSchema } },
    preHandler: requirePermission('teams', 'create'),
  }, async (req, reply) => reply.code(201).send(await admin.createTeam(db, requireAuth(req), req.body)));

  app.patch('/api/v1/teams/:id', {
    schema: { operationId: 'updateTeam', summary: 'Update a team', errors: [identityError.only('team_name_taken', 'team_not_found')], tags: ['users'], params: z.object({ id: IdSchema }), body: TeamBody.partial(), response: { 200: TeamSchema } },
    preHandler: requirePermission('teams', 'update'),
  }, async (req) => admin.updateTeam(db, requireAuth(req), req.params.id, req.body));
}
