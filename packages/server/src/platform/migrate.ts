// Forward-only SQL migrations, numbered, applied in order at start and by `npm run migrate`.
// An applied migration whose file changed is an error: history is never rewritten.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db.js';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../migrations');
const LOCK_KEY = 7_411_200_001; // advisory lock: one migrator at a time across processes

export interface MigrationFile { id: string; sql: string; checksum: string }

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return { id: f.replace(/\.sql$/, ''), sql: text, checksum: crypto.createHash('sha256').update(text).digest('hex') };
    });
}

export async function migrate(db: Db, files = readMigrations()): Promise<string[]> {
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations');
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    for (const file of files) {
      const prior = done.get(file.id);
      if (prior) {
        if (prior !== file.checksum) throw new Error(`migration ${file.id} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(file.sql);
        await client.query('insert into schema_migrations (id, checksum) values ($1, $2)', [file.id, file.checksum]);
        await client.query('commit');
        applied.push(file.id);
      } catch (err) {
        await client.query('rollback');
        throw new Error(`migration ${file.id} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
  return applied;
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from schema_migrations order by id`.execute(db.kysely);
  return r.rows.map((x) => x.id);
}
