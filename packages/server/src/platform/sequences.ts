// Human document numbers: PREFIX-YEAR-000123, unique per tenant, document type and year.
// The counter row is locked by the upsert, so concurrent creators get distinct numbers.
import { sql } from 'kysely';
import type { Actor, Tx } from './db.js';

export async function nextDocNumber(tx: Tx, actor: Actor, prefix: string, year: number): Promise<string> {
  const r = await sql<{ last_value: number }>`
    insert into doc_sequences (tenant_id, doc_type, year, last_value) values (${actor.tenantId}, ${prefix}, ${year}, 1)
    on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
    returning last_value`.execute(tx);
  return `${prefix}-${year}-${String(r.rows[0]!.last_value).padStart(6, '0')}`;
}
