// Forward-only SQL migrations, numbered, applied in order at start and by `npm run migrate`.
// An applied migration whose file changed is an error: history is never rewritten.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Db } from './db.js';
import * as q from './migrate.sql.js';

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
    await q.lockMigrator(client, LOCK_KEY);
    await q.ensureMigrationsTable(client);
    const done = new Map((await q.appliedChecksums(client)).map((r) => [r.id, r.checksum]));
    for (const file of files) {
      const prior = done.get(file.id);
      if (prior) {
        if (prior !== file.checksum) throw new Error(`migration ${file.id} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await q.begin(client);
      try {
        await q.runMigrationFile(client, file.sql);
        await q.recordMigration(client, file.id, file.checksum);
        await q.commit(client);
        applied.push(file.id);
      } catch (err) {
        await q.rollback(client);
        throw new Error(`migration ${file.id} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await q.unlockMigrator(client, LOCK_KEY).catch(() => {});
    client.release();
  }
  return applied;
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  return q.appliedIds(db.kysely);
}
