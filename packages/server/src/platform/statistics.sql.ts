// ANALYZE for the embedded database (statistics.ts).
import { sql } from 'kysely';
import type { Tx } from './db.js';

/** ANALYZE one table, or every table when none is named. */
export async function analyze(tx: Tx, table?: string): Promise<void> {
  if (table === undefined) await sql`analyze`.execute(tx);
  else await sql`analyze ${sql.table(table)}`.execute(tx);
}
