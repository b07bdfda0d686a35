// The idempotency keys' statements (idempotency.ts): the key's lock, its stored answer, and storing one.
import { sql } from 'kysely';
import type { Tx } from './db.js';

/** Queue a concurrent duplicate behind the first until its transaction ends. */
export async function lockKey(tx: Tx, lockName: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${lockName}))`.execute(tx);
}

export async function findKey<T>(tx: Tx, tenantId: string, caller: string, scope: string, key: string) {
  const found = await sql<{ request_hash: string; status_code: number; response: T }>`
    select request_hash, status_code, response from idempotency_keys
    where tenant_id = ${tenantId} and caller = ${caller} and scope = ${scope} and key = ${key}`.execute(tx);
  return found.rows[0];
}

export async function storeKey(tx: Tx, k: { tenantId: string; caller: string; key: string; scope: string; requestHash: string; statusCode: number; body: unknown }): Promise<void> {
  await sql`insert into idempotency_keys (tenant_id, caller, key, scope, request_hash, status_code, response)
    values (${k.tenantId}, ${k.caller}, ${k.key}, ${k.scope}, ${k.requestHash}, ${k.statusCode}, ${JSON.stringify(k.body)}::jsonb)`.execute(tx);
}
