// The transaction control of inTenant (db.ts), and the health check's clock read.
import type pg from 'pg';
import { sql } from 'kysely';
import type { Kdb } from './db.js';

/**
 * `begin` and the transaction's settings in one round trip (the simple protocol takes several statements). The
 * values must be checked UUIDs (db.ts's uuidLiteral): they are written as literals.
 */
export async function beginAsTenant(conn: Kdb, tenantId: string, userId: string): Promise<void> {
  await sql.raw(`begin; select set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true), `
    + `set_config('role', 'l2c_app', true)`).execute(conn);
}

export async function commit(conn: Kdb): Promise<void> {
  await sql`commit`.execute(conn);
}

export async function rollback(conn: Kdb): Promise<void> {
  await sql`rollback`.execute(conn);
}

/** Roll back on a bare node-postgres connection (a request transaction opened by its authentication: request-tx.ts). */
export async function rollbackClient(client: pg.PoolClient): Promise<void> {
  await client.query('rollback');
}

/** The database's clock (the health check: the database answers). */
export async function databaseNow(db: Kdb): Promise<string> {
  const r = await sql<{ now: string }>`select now() as now`.execute(db);
  return r.rows[0]!.now;
}
