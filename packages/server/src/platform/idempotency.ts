// Idempotency-Key for writes that create money facts: the same key with the same body returns the first result
// and books nothing new; the same key with a different body is refused. Concurrent duplicates queue on an advisory
// lock of the key, so the second one sees the first one's stored result instead of booking again.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { dbOfTx, type Actor, type Tx } from './db.js';
import { commonError } from './errors.js';

export interface Stored<T> { statusCode: number; body: T; replayed: boolean }

function hashBody(body: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
}

export async function withIdempotency<T>(
  tx: Tx, actor: Actor, scope: string, key: string | undefined, requestBody: unknown,
  fn: () => Promise<{ statusCode: number; body: T }>,
): Promise<Stored<T>> {
  if (!key) return { ...(await fn()), replayed: false };
  if (!/^[\w.:-]{8,128}$/.test(key)) {
    throw commonError('invalid', 'Idempotency-Key must be 8–128 characters of letters, digits, . _ : -', { errors: [{ path: 'Idempotency-Key', message: 'invalid format' }] });
  }
  const requestHash = hashBody(requestBody);
  // On PGlite one connection runs one transaction at a time: there is no concurrent duplicate to queue behind.
  if (dbOfTx(tx)?.kind !== 'pglite') await sql`select pg_advisory_xact_lock(hashtext(${`${actor.tenantId}:${scope}:${key}`}))`.execute(tx);
  const found = await sql<{ request_hash: string; status_code: number; response: T }>`
    select request_hash, status_code, response from idempotency_keys where scope = ${scope} and key = ${key}`.execute(tx);
  const prior = found.rows[0];
  if (prior) {
    if (prior.request_hash !== requestHash) throw commonError('idempotency_mismatch');
    return { statusCode: prior.status_code, body: prior.response, replayed: true };
  }
  const result = await fn();
  await sql`insert into idempotency_keys (tenant_id, key, scope, request_hash, status_code, response)
    values (${actor.tenantId}, ${key}, ${scope}, ${requestHash}, ${result.statusCode}, ${JSON.stringify(result.body)}::jsonb)`.execute(tx);
  return { ...result, replayed: false };
}
