// The statement of request authentication (auth.ts): one look-up per request. auth_tokens and users belong to identity,
// which declares this read (domains/identity/tables.ts); the last-use touch is identity's touchToken.
import type pg from 'pg';
import { sql } from 'kysely';
import type { Role } from '@l2c/shared';
import type { Db } from './db.js';
import { PLAN_PER_CALL } from './db.sql.js';

export interface TokenRow {
  token_id: string; tenant_id: string; user_id: string; role: Role; team_id: string | null; name: string;
  kind: string; csrf_hash: string | null; last_used_at: string | null; time_zone: string;
  /** When the token stops being valid (null: until revoked), and the tenant's auth epoch read with the row (auth-cache.ts). */
  expires_at: string | null; epoch: number;
}

/**
 * The live token with this hash and its active user, as the owner (the tenant is what we are finding out). On a
 * server it runs as a named prepared statement, parsed and planned once per connection: planning this three-table
 * join on every request was server CPU that every request paid (docs/benchmarks.md, issue 8's grade regression).
 */
export async function findLiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  // On the embedded database the join was planned on every call, named or not (PGlite kept choosing custom plans:
  // 0.6–0.9 ms of the app thread per request); the same join in migration 035's PL/pgSQL function keeps its plan
  // for the session: 0.35 ms (session 6, helper P). Its columns are TokenRow's.
  if (db.kind === 'pglite') return (await db.pool.query<TokenRow>('select * from l2c_live_token($1)', [tokenHash])).rows[0];
  const q = liveToken(tokenHash).compile(db.kysely);
  const r = await db.pool.query<TokenRow>(db.kind === 'postgres'
    ? { name: 'l2c_live_token', text: q.sql, values: q.parameters as unknown[] }
    : { text: q.sql, values: q.parameters as unknown[] });
  return r.rows[0];
}

function liveToken(tokenHash: string) {
  return sql<TokenRow>`
    select t.id as token_id, t.tenant_id, t.user_id, u.role, u.team_id, u.name, t.kind, t.csrf_hash, t.last_used_at,
      tn.timezone as time_zone, t.expires_at, coalesce((select e.n from auth_epochs e where e.tenant_id = t.tenant_id), 0) as epoch
    from auth_tokens t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id join tenants tn on tn.id = t.tenant_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > now()) and u.active`;
}

/**
 * `begin`, the token look-up and the tenant settings in one round trip, on a connection the request then keeps for
 * its transaction (auth.ts openTx, migration 035). The transaction is read only: only reads open it, and a read's
 * commit can then wait until after the answer (db.ts runOpened) — a write slipping into such a route fails loudly. The settings come from the row itself, after the look-up (as the
 * owner) and before the role turns to l2c_app; no row, no settings. The hash is our own hex SHA-256 (checked), so it
 * can be written into the message: several statements in one message is the simple protocol, which takes no
 * parameters.
 */
export async function beginWithLiveToken(client: pg.PoolClient, tokenHash: string, planPerCall: boolean): Promise<TokenRow | undefined> {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) throw new Error('not a token hash');
  const results = await client.query(`begin transaction read only; select a.*, set_config('app.tenant_id', a.tenant_id::text, true),
    set_config('app.user_id', a.user_id::text, true), set_config('role', 'l2c_app', true)${planPerCall ? PLAN_PER_CALL : ''}
    from l2c_live_token('${tokenHash}') a`) as unknown as pg.QueryResult<TokenRow>[];
  return results[1]?.rows[0];
}

/**
 * The cache check (auth-cache.ts): `begin`, the settings of the remembered row and the tenant's auth epoch, as one
 * message (migration 039's l2c_begin_as, as the owner until it turns the role). Its answer: epochOfBegin. The ids are
 * checked UUIDs (written into the message).
 */
export function cachedTokenBegin(row: TokenRow, planPerCall: boolean): string {
  return `begin transaction read only; select l2c_begin_as('${uuidLiteral(row.tenant_id)}', '${uuidLiteral(row.user_id)}', ${planPerCall}) as epoch`;
}

/** The tenant's auth epoch in the answer to cachedTokenBegin's message. */
export function epochOfBegin(results: unknown): number {
  return (results as pg.QueryResult<{ epoch: number }>[])[1]!.rows[0]!.epoch;
}

/** The tenant's auth epoch (the cache check outside a request transaction: the embedded database's requests). */
export async function authEpoch(db: Db, tenantId: string): Promise<number> {
  const r = await db.pool.query<{ epoch: number }>('select l2c_auth_epoch($1) as epoch', [tenantId]);
  return r.rows[0]!.epoch;
}

function uuidLiteral(v: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) throw new Error(`not a UUID: ${JSON.stringify(v)}`);
  return v;
}
