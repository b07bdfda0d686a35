// The statement of request authentication (auth.ts): one look-up per request. auth_tokens and users belong to identity,
// which declares this read (domains/identity/tables.ts); the last-use touch is identity's touchToken.
import { sql } from 'kysely';
import type { Role } from '@l2c/shared';
import type { Db } from './db.js';

export interface TokenRow {
  token_id: string; tenant_id: string; user_id: string; role: Role; team_id: string | null; name: string;
  kind: string; csrf_hash: string | null; last_used_at: string | null; time_zone: string;
}

/**
 * The live token with this hash and its active user, as the owner (the tenant is what we are finding out). On a
 * server it runs as a named prepared statement, parsed and planned once per connection: planning this three-table
 * join on every request was server CPU that every request paid (docs/benchmarks.md, issue 8's grade regression).
 */
export async function findLiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const q = liveToken(tokenHash).compile(db.kysely);
  const r = await db.pool.query<TokenRow>(db.kind === 'postgres'
    ? { name: 'l2c_live_token', text: q.sql, values: q.parameters as unknown[] }
    : { text: q.sql, values: q.parameters as unknown[] });
  return r.rows[0];
}

function liveToken(tokenHash: string) {
  return sql<TokenRow>`
    select t.id as token_id, t.tenant_id, t.user_id, u.role, u.team_id, u.name, t.kind, t.csrf_hash, t.last_used_at,
      tn.timezone as time_zone
    from auth_tokens t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id join tenants tn on tn.id = t.tenant_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > now()) and u.active`;
}
