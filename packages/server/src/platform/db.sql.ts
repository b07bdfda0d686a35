// The transaction control of inTenant (db.ts), and the health check's clock read.
import type pg from 'pg';
import { sql } from 'kysely';
import type { Kdb } from './db.js';

/**
 * `begin` and the transaction's settings in one round trip (the simple protocol takes several statements). The
 * values must be checked UUIDs (db.ts's uuidLiteral): they are written as literals. planPerCall: Actor.planPerCall.
 */
export async function beginAsTenant(conn: Kdb, tenantId: string, userId: string, planPerCall: boolean): Promise<void> {
  // migration 039's l2c_begin_as: one call the server plans once per connection (its epoch, the cache check's, unused)
  await sql.raw(`begin; select l2c_begin_as('${tenantId}', '${userId}', ${planPerCall})`).execute(conn);
}

/** The setting, as one more column of the settings' SELECT, that plans each statement of the transaction for its own parameters. */
export const PLAN_PER_CALL = `, set_config('plan_cache_mode', 'force_custom_plan', true)`;

export async function commit(conn: Kdb): Promise<void> {
  await sql`commit`.execute(conn);
}

export async function rollback(conn: Kdb): Promise<void> {
  await sql`rollback`.execute(conn);
}

/** Commit on a bare node-postgres connection (a read's request transaction, after its answer: db.ts runOpened). */
export async function commitClient(client: pg.PoolClient): Promise<void> {
  await client.query('commit');
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
