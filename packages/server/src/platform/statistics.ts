// Planner statistics. A PostgreSQL server keeps them fresh with autovacuum; the embedded PGlite has no background
// workers, so without this its planner guesses from empty-table defaults forever — after the demo load or an import
// of thousands of rows it picked nested loops over seq scans (docs/benchmarks.md, "PGlite never ANALYZEs").
import { sql } from 'kysely';
import { asSystem, type Db } from './db.js';
import type { JobDefinition } from './jobs.js';

/** ANALYZE the given tables (default: all) on the embedded database; a no-op on a server, where autovacuum does it. */
export async function refreshStatistics(db: Db, tables: readonly string[] = []): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await asSystem(db, async (tx) => {
    if (tables.length === 0) await sql`analyze`.execute(tx);
    else for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(tx);
  });
  return true;
}

/** Hourly on the embedded database: cheap (it samples) and enough for a single-process deployment. */
export const statisticsJob: JobDefinition = {
  name: 'platform.analyze',
  runKey: (now) => now.toISOString().slice(0, 13),
  run: (db) => refreshStatistics(db),
};
