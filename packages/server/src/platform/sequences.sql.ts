// The document counter's one statement (sequences.ts), in its two forms: on the side pool in autocommit, and inside
// the caller's transaction.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Tx } from './db.js';

const UPSERT = `insert into doc_sequences (tenant_id, doc_type, year, last_value) values ($1, $2, $3, 1)
  on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
  returning last_value`;

/** The next value of the counter, in its own autocommitted statement on `side`. */
export async function nextValueOnSide(side: pg.Pool, tenantId: string, prefix: string, year: number): Promise<number> {
  const r = await side.query<{ last_value: number }>(UPSERT, [tenantId, prefix, year]);
  return Number(r.rows[0]!.last_value);
}

/** The next value of the counter, inside `tx` (the counter row stays locked until it ends). */
export async function nextValue(tx: Tx, tenantId: string, prefix: string, year: number): Promise<number> {
  const r = await sql<{ last_value: number }>`
    insert into doc_sequences (tenant_id, doc_type, year, last_value) values (${tenantId}, ${prefix}, ${year}, 1)
    on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
    returning last_value`.execute(tx);
  return r.rows[0]!.last_value;
}
