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

/**
 * The next value of several counters of one year (one per prefix, in the order given), in one autocommitted statement
 * on `side`: a payment booked and written off at once takes its HK and HX numbers in one round trip.
 */
export async function nextValuesOnSide(side: pg.Pool, tenantId: string, prefixes: string[], year: number): Promise<number[]> {
  // sorted, so two such statements lock the counter rows in the same order
  const sorted = [...new Set(prefixes)].sort();
  const r = await side.query<{ doc_type: string; last_value: number }>(`insert into doc_sequences (tenant_id, doc_type, year, last_value)
    select $1, t, $3, 1 from unnest($2::text[]) as t order by t
    on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
    returning doc_type, last_value`, [tenantId, sorted, year]);
  return prefixes.map((p) => Number(r.rows.find((x) => x.doc_type === p)!.last_value));
}

/** The next value of the counter, inside `tx` (the counter row stays locked until it ends). */
export async function nextValue(tx: Tx, tenantId: string, prefix: string, year: number): Promise<number> {
  const r = await sql<{ last_value: number }>`
    insert into doc_sequences (tenant_id, doc_type, year, last_value) values (${tenantId}, ${prefix}, ${year}, 1)
    on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
    returning last_value`.execute(tx);
  return r.rows[0]!.last_value;
}
