// Authentication of every request: a session cookie (web app, with CSRF double-submit) or a bearer token
// (the same session token, or a long-lived API token). Only SHA-256 hashes of tokens are stored.
import crypto from 'node:crypto';
import type pg from 'pg';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { can, ROLE_SCOPE, type Action, type DataScope, type Resource, type Role } from '@l2c/shared';
import { busyError, type Actor, type Db, type Kdb } from './db.js';
import { commonError } from './errors.js';
import * as q from './auth.sql.js';
import { closeUnusedTransaction, keepOpenedTransaction, type DeferredBegin } from './request-tx.js';
import { rollbackClient } from './db.sql.js';
import { rememberedToken, rememberToken, stillValid } from './auth-cache.js';

export const SESSION_COOKIE = 'l2c_session';
export const CSRF_COOKIE = 'l2c_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthContext extends Actor {
  userId: string;
  role: Role;
  teamId: string | null;
  scope: DataScope;
  name: string;
  tokenId: string;
  via: 'cookie' | 'bearer';
  /** The long-lived API token this request came with (null for a login session): an integration's own key space. */
  apiTokenId?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Open the request's transaction with its authentication, in one round trip (platform/request-tx.ts). */
    openTx?: boolean;
    /**
     * A read whose statements keep PostgreSQL's plan choice (a generic plan after five calls) instead of being planned
     * per call (Actor.planPerCall) — only where each statement's generic plan was checked on skewed data. A function
     * decides per request, from what the request asks for (its query string, before validation).
     */
    genericPlans?: boolean | ((req: FastifyRequest) => boolean);
  }
}

export function newToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}

/** Records that a token was used now (identity's touchToken: identity owns auth_tokens; app.ts passes it in). */
export type TouchToken = (db: Kdb, tenantId: string, tokenId: string) => Promise<void>;

/** Whether this request's route asked for its transaction to open with the authentication (request-tx.ts). */
function opensTransaction(db: Db, req: FastifyRequest): boolean {
  return db.kind === 'postgres' && req.method === 'GET' && req.routeOptions.config?.openTx === true;
}

/**
 * Whether the request's transactions plan each statement for its parameters (Actor.planPerCall): every read unless
 * its route says `genericPlans`. The customer list is not exempt: a generic plan made for the average owner walks the
 * sort index for a rep with three customers, which a custom plan reads by the owner index.
 */
function plansPerCall(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const generic = req.routeOptions.config?.genericPlans;
  return !(typeof generic === 'function' ? generic(req) : generic === true);
}

/** Resolve the caller from the request; null when there are no credentials. Throws 401 on bad credentials. */
export async function authenticate(db: Db, req: FastifyRequest, touchToken: TouchToken): Promise<AuthContext | null> {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  const cookie = req.cookies?.[SESSION_COOKIE] ?? null;
  const token = bearer ?? cookie;
  if (!token) return null;
  const via = bearer ? 'bearer' : 'cookie';
  // One statement, no transaction (as the owner: the tenant is what we are finding out). A begin/commit around it
  // cost two round trips on every request. No row-level security here, so the joins and the update name the tenant
  // themselves: the keys are (tenant_id, id).
  const openTx = opensTransaction(db, req);
  const planPerCall = plansPerCall(req);
  const client = openTx ? await db.pool.connect() : null;
  let row: q.TokenRow | undefined;
  let deferredBegin: DeferredBegin | null = null;
  try {
    const tokenHash = hashToken(token);
    const remembered = client ? rememberedToken(db, tokenHash) : undefined;
    if (client && remembered) {
      row = remembered;
      deferredBegin = {
        text: q.cachedTokenBegin(remembered, planPerCall),
        verdict: (results) => checkRemembered(db, client, remembered, q.epochOfBegin(results), tokenHash, via, req.id, planPerCall),
      };
    } else {
      row = await tokenRow(db, client, tokenHash, planPerCall);
    }
    if (client && !row) await rollbackClient(client);
  } catch (err) {
    client?.release(err as Error);
    throw err;
  }
  if (client && !row) client.release();
  // Touch last-use at most once a minute: a write per request would serialise readers on the token row. With the
  // request's transaction open, after the answer: its connection is taken, and waiting for a second one here could
  // wait for ever when every connection is so held.
  if (row && (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 60_000)) {
    row.last_used_at = new Date().toISOString(); // the remembered row too: the next minute's requests need no touch
    if (client) afterAnswer.set(req, { tenantId: row.tenant_id, tokenId: row.token_id });
    else await touchToken(db.kysely, row.tenant_id, row.token_id);
  }
  if (!row) throw commonError('unauthenticated', 'The session or token is invalid or expired');
  // Cookies ride along automatically, so a cookie-authenticated write must prove it came from our page.
  if (via === 'cookie' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
    const sent = String(req.headers[CSRF_HEADER] ?? '');
    if (!sent || !row.csrf_hash || !safeEqual(hashToken(sent), row.csrf_hash)) throw commonError('csrf');
  }
  const auth = contextOf(row, via, req.id, planPerCall);
  if (client) keepOpenedTransaction(auth, client, deferredBegin);
  return auth;
}

function contextOf(row: q.TokenRow, via: AuthContext['via'], requestId: string, planPerCall: boolean): AuthContext {
  return {
    tenantId: row.tenant_id, userId: row.user_id, role: row.role, teamId: row.team_id, name: row.name,
    scope: ROLE_SCOPE[row.role], tokenId: row.token_id, via, requestId,
    apiTokenId: row.kind === 'api' ? row.token_id : null, timeZone: row.time_zone, planPerCall,
  };
}

/** The error a remembered caller's check ends in when the caller changed: 503 unless the route runs again as `caller`. */
type CallerChanged = Error & { caller: AuthContext };

/**
 * onRoute: a route whose transaction opens with its authentication runs once more, permission check included, when
 * its remembered caller turns out to have changed (checkRemembered) — as the caller is now, on a transaction of its
 * own. Its first run's answer is dropped: at most its first statement ran, read only, under the remembered settings.
 */
export function rerunWhenCallerChanged(route: RouteOptions): void {
  if (route.config?.openTx !== true) return;
  const handler = route.handler;
  const checks = [route.preHandler ?? []].flat() as Array<(req: FastifyRequest, reply: FastifyReply) => unknown>;
  route.handler = async function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
    try {
      return await handler.call(this, req, reply);
    } catch (err) {
      const caller = (err as Partial<CallerChanged>).caller;
      if (!caller) throw err;
      req.auth = caller;
      for (const check of checks) await check.call(this, req, reply);
      return await handler.call(this, req, reply);
    }
  } as RouteOptions['handler'];
}

/**
 * The caller's token row: the remembered one while the tenant's auth epoch says it still holds (auth-cache.ts), else
 * the look-up, remembered. With `client` (a read whose transaction opens with its authentication) the check or the
 * look-up comes with `begin` and the settings, in one message. On the embedded database the check is one small
 * statement instead of the look-up's join. On a server without `client` either is one round trip, and the look-up
 * runs as before.
 */
async function tokenRow(db: Db, client: pg.PoolClient | null, tokenHash: string, planPerCall: boolean): Promise<q.TokenRow | undefined> {
  const remembered = db.kind === 'pglite' ? rememberedToken(db, tokenHash) : undefined;
  if (remembered && stillValid(remembered, await q.authEpoch(db, remembered.tenant_id))) return remembered;
  const row = client ? await q.beginWithLiveToken(client, tokenHash, planPerCall) : await q.findLiveToken(db, tokenHash);
  rememberToken(db, tokenHash, row);
  return row;
}

/**
 * A read that opens its transaction with its authentication, with a remembered token: the epoch check goes with
 * `begin` and the remembered caller's settings, in the same write as the transaction's first statement
 * (request-tx.ts withBegin) — one round trip less on the path of such a read. This judges the epoch it read.
 * null: the caller is as remembered. Otherwise, after a fresh look-up: 401 when the token no longer holds; when the
 * caller's role, team or time zone changed, an error carrying the caller as now — the request was judged under the old
 * ones, so its route runs again (rerunWhenCallerChanged; 503 try-again where none does). A changed name alone changes
 * nothing a read decides. The connection is outside any transaction when an error is returned.
 */
async function checkRemembered(db: Db, client: pg.PoolClient, remembered: q.TokenRow, epoch: number, tokenHash: string,
  via: AuthContext['via'], requestId: string, planPerCall: boolean): Promise<Error | null> {
  if (stillValid(remembered, epoch)) return null;
  await rollbackClient(client);
  const fresh = await q.beginWithLiveToken(client, tokenHash, planPerCall);
  rememberToken(db, tokenHash, fresh);
  if (!fresh) {
    await rollbackClient(client);
    return commonError('unauthenticated', 'The session or token is invalid or expired');
  }
  if (fresh.user_id === remembered.user_id && fresh.tenant_id === remembered.tenant_id && fresh.role === remembered.role
    && fresh.team_id === remembered.team_id && fresh.time_zone === remembered.time_zone) return null;
  await rollbackClient(client);
  return Object.assign(busyError('The caller\'s role, team or time zone changed while the request was on its way; send it again'),
    { caller: contextOf(fresh, via, requestId, planPerCall) });
}

const afterAnswer = new WeakMap<FastifyRequest, { tenantId: string; tokenId: string }>();

/**
 * When the request is over (answered or aborted): roll back a transaction its authentication opened and nobody used
 * (a 403, a 400, a handler that never reached the database), then the deferred last-use touch.
 */
export async function endOfRequest(db: Db, req: FastifyRequest, touchToken: TouchToken): Promise<void> {
  await closeUnusedTransaction(req.auth);
  const touch = afterAnswer.get(req);
  if (touch) {
    afterAnswer.delete(req);
    await touchToken(db.kysely, touch.tenantId, touch.tokenId);
  }
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw commonError('unauthenticated');
  return req.auth;
}

/** preHandler: the caller must hold `action` on `resource`. */
export function requirePermission(resource: Resource, action: Action) {
  const check = async (req: FastifyRequest, _reply: FastifyReply) => {
    const auth = requireAuth(req);
    if (!can(auth.role, resource, action)) {
      throw commonError('forbidden', `Role ${auth.role} may not ${action} ${resource}`);
    }
  };
  // the OpenAPI document names the permission and the roles that hold it (platform/openapi.ts)
  return Object.assign(check, { permission: { resource, action } });
}
