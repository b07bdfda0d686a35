// Idempotency-Key for writes that create money facts: the same key with the same body returns the first result
// and books nothing new; the same key with a different body is refused. Concurrent duplicates queue on an advisory
// lock of the key, so the second one sees the first one's stored result instead of booking again.
// A key is one caller's on one route (tenant, user or API token, scope): another caller sending the same key is a
// new request that runs with its own permissions, never a replay of someone else's result.
import crypto from 'node:crypto';
import { dbOfTx, type Actor, type Tx } from './db.js';
import { commonError } from './errors.js';
import { endWritesOf } from './commit-writes.js';
import * as q from './idempotency.sql.js';

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
  if (dbOfTx(tx)?.kind !== 'pglite') await q.lockKey(tx, `${actor.tenantId}:${caller}:${scope}:${key}`);
  const prior = await q.findKey<T>(tx, actor.tenantId, caller, scope, key);
  if (prior) {
    if (prior.request_hash !== requestHash) {
      throw commonError('idempotency_mismatch', undefined, { errors: [{ path: 'Idempotency-Key', message: 'already used with a different request body' }] });
    }
    return { statusCode: prior.status_code, body: prior.response, replayed: true };
  }
  const result = await fn();
  // stored at the transaction's end with its audit entries and events, in one statement (commit-writes.ts); the
  // advisory lock (a server) or the one connection (PGlite) keeps a duplicate waiting until then
  const writes = endWritesOf(tx);
  if (writes) writes.keys.push({ tenantId: actor.tenantId, caller, key, scope, requestHash, statusCode: result.statusCode, response: JSON.stringify(result.body) });
  else await q.storeKey(tx, { tenantId: actor.tenantId, caller, key, scope, requestHash, statusCode: result.statusCode, body: result.body });
  return { ...result, replayed: false };
}
