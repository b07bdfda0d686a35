// The migrator's statements (migrate.ts), on one pooled client that holds the advisory lock for the whole run.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Kdb } from './db.js';

export async function lockMigrator(client: pg.PoolClient, key: number): Promise<void> {
  await client.query('select pg_advisory_lock($1)', [key]);
}

export async function unlockMigrator(client: pg.PoolClient, key: number): Promise<void> {
  await client.query('select pg_advisory_unlock($1)', [key]);
}

export async function ensureMigrationsTable(client: pg.PoolClient): Promise<void> {
  await client.query(`create table if not exists schema_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`);
}

export async function appliedChecksums(client: pg.PoolClient): Promise<Array<{ id: string; checksum: string }>> {
  return (await client.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations')).rows;
}

export async function begin(client: pg.PoolClient): Promise<void> {
  await client.query('begin');
}

export async function commit(client: pg.PoolClient): Promise<void> {
  await client.query('commit');
}

export async function rollback(client: pg.PoolClient): Promise<void> {
  await client.query('rollback');
}

/** One migration file's statements, as written (simple protocol: several statements in one call). */
export async function runMigrationFile(client: pg.PoolClient, text: string): Promise<void> {
  await client.query(text);
}

export async function recordMigration(client: pg.PoolClient, id: string, checksum: string): Promise<void> {
  await client.query('insert into schema_migrations (id, checksum) values ($1, $2)', [id, checksum]);
}

export async function appliedIds(db: Kdb): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from schema_migrations order by id`.execute(db);
  return r.rows.map((x) => x.id);
}
