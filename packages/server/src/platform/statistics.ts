// Planner statistics. A PostgreSQL server keeps them fresh with autovacuum; the embedded PGlite has no background
// workers, so without this its planner guesses from empty-table defaults forever — after the demo load or an import
// of thousands of rows it picked nested loops over seq scans (docs/benchmarks.md, "PGlite never ANALYZEs").
import { asSystem, type Db } from './db.js';
import type { JobDefinition } from './jobs.js';
import { analyze } from './statistics.sql.js';

/** ANALYZE the given tables (default: all) on the embedded database; a no-op on a server, where autovacuum does it. */
export async function refreshStatistics(db: Db, tables: readonly string[] = []): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await asSystem(db, async (tx) => {
    if (tables.length === 0) await analyze(tx);
    else for (const t of tables) await analyze(tx, t);
  });
  return true;
}

/** Hourly on the embedded database: cheap (it samples) and enough for a single-process deployment. */
export const statisticsJob: JobDefinition = {
  name: 'platform.analyze',
  runKey: (now) => now.toISOString().slice(0, 13),
  run: (db) => refreshStatistics(db),
};
