// Planner statistics. A PostgreSQL server keeps them fresh with autovacuum; the embedded PGlite has no background
// workers, so without this its planner guesses from empty-table defaults forever — after the demo load or an import
// of thousands of rows it picked nested loops over seq scans (docs/benchmarks.md, "PGlite never ANALYZEs").
import { asSystem, type Db } from './db.js';
import type { JobDefinition } from './jobs.js';
import { analyze, grownTables } from './statistics.sql.js';

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

/** Transactions between two looks at the tables' sizes (statistics.sql.ts grownTables: one catalog read). */
const CHECK_EVERY = 200;
/** A table is analyzed again once it grew by this many pages (and by a quarter) since its statistics were taken. */
const GROWN_PAGES = 8;
const watched = new WeakSet<Db>();

/**
 * On the embedded database, what autovacuum does on a server: re-ANALYZE a table once it has grown well past the size
 * its statistics describe. Without it a statement planned while a table was small keeps its plan as the table grows —
 * a prepared statement's generic plan (platform/prepared.ts) and a trigger's cached plan are made once, then reused:
 * the write-off's invariant read went from 0.3 ms to 22 ms over 3,000 payments of a fresh tenant, scanning every
 * allocation, until the hourly job ran (docs/benchmarks.md, "Payments on PGlite"). ANALYZE invalidates those plans,
 * so the next use plans for the table as it is. Counted in connections handed back to the pool (one per
 * transaction); the look runs after the transaction that reached the count, on its own, and a failed one is dropped
 * (the hourly job is still there). A no-op on a server.
 */
export function keepStatisticsFresh(db: Db): void {
  if (db.kind !== 'pglite' || watched.has(db)) return;
  watched.add(db);
  let since = 0;
  let running = false;
  db.pool.on('release', () => {
    if (running || ++since < CHECK_EVERY) return;
    since = 0;
    running = true;
    // not setImmediate: on the embedded database a busy loop of transactions resolves in microtasks only, and a
    // macrotask would wait for it to end; this one queues for the pool's connection like any transaction
    analyzeGrown(db).catch(() => undefined).finally(() => { running = false; });
  });
}

/** ANALYZE the tables that grew past their statistics (statistics.sql.ts grownTables); their names. */
export async function analyzeGrown(db: Db): Promise<string[]> {
  return asSystem(db, async (tx) => {
    const grown = await grownTables(tx, GROWN_PAGES);
    for (const t of grown) await analyze(tx, t);
    return grown;
  });
}
