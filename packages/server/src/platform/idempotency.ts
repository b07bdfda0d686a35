// Idempotency-Key for writes that create money facts: the same key with the same body returns the first result
// and books nothing new; the same key with a different body is refused. Concurrent duplicates queue on an advisory
// lock of the key, so the second one sees the first one's stored result instead of booking again.
// A key is one caller's on one route (tenant, user or API token, scope): another caller sending the same key is a
// new request that runs with its own permissions, never a replay of someone else's result.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { dbOfTx, type Actor, type Tx } from './db.js';
import { commonError } from './errors.js';

export interface Stored<T> { statusCode: number; body: T; replayed: boolean }

/** Who owns a key: the API token for an integration (its own retry space), else the user behind the session. */
export function callerOf(actor: Actor & { apiTokenId?: string | null | undefined }): string {
  if (actor.apiTokenId) return `token:${actor.apiTokenId}`;
  return actor.userId ? `user:${actor.userId}` : 'system';
}

function hashBody(body: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
}

export async function withIdempotency<T>(
  tx: Tx, actor: Actor & { apiTokenId?: string | null | undefined }, scope: string, key: string | undefined, requestBody: unknown,
  fn: () => Promise<{ statusCode: number; body: T }>,
): Promise<Stored<T>> {
  if (!key) return { ...(await fn()), replayed: false };
  if (!/^[\w.:-]{8,128}$/.test(key)) {
    throw commonError('invalid', 'Idempotency-Key must be 8–128 characters of letters, digits, . _ : -', { errors: [{ path: 'Idempotency-Key', message: 'invalid format' }] });
  }
  const requestHash = hashBody(requestBody);
  const caller = callerOf(actor);
  // On PGlite one connection runs one transaction at a time: there is no concurrent duplicate to queue behind.
  if (dbOfTx(tx)?.kind !== 'pglite') await sql`select pg_advisory_xact_lock(hashtext(${`${actor.tenantId}:${caller}:${scope}:${key}`}))`.execute(tx);
  const found = await sql<{ request_hash: string; status_code: number; response: T }>`
    select request_hash, status_code, response from idempotency_keys
    where tenant_id = ${actor.tenantId} and caller = ${caller} and scope = ${scope} and key = ${key}`.execute(tx);
  const prior = found.rows[0];
  if (prior) {
    if (prior.request_hash !== requestHash) {
      throw commonError('idempotency_mismatch', undefined, { errors: [{ path: 'Idempotency-Key', message: 'already used with a different request body' }] });
    }
    return { statusCode: prior.status_code, body: prior.response, replayed: true };
  }
  const result = await fn();
  await sql`insert into idempotency_keys (tenant_id, caller, key, scope, request_hash, status_code, response)
    values (${actor.tenantId}, ${caller}, ${key}, ${scope}, ${requestHash}, ${result.statusCode}, ${JSON.stringify(result.body)}::jsonb)`.execute(tx);
  return { ...result, replayed: false };
}
