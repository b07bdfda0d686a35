// ANALYZE for the embedded database (statistics.ts).
import { sql } from 'kysely';
import type { Tx } from './db.js';

/** ANALYZE one table, or every table when none is named. */
export async function analyze(tx: Tx, table?: string): Promise<void> {
  if (table === undefined) await sql`analyze`.execute(tx);
  else await sql`analyze ${sql.table(table)}`.execute(tx);
}

/**
 * Tables that grew well past the size their statistics were taken at (pg_class.relpages, set by the last ANALYZE):
 * by a quarter, and by at least `minPages` pages. PGlite keeps no modification counters (pg_stat's
 * n_mod_since_analyze stays 0 there), so growth in pages is what is measured — and growth is what turns a plan made
 * for a small table into a scan of a large one.
 */
export async function grownTables(tx: Tx, minPages: number): Promise<string[]> {
  const r = await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and pg_relation_size(c.oid) / current_setting('block_size')::int >= greatest(c.relpages * 1.25, c.relpages + ${minPages}::int)
    order by 1`.execute(tx);
  return r.rows.map((x) => x.name);
}
