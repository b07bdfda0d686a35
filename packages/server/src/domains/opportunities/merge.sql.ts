// Moving opportunities from a merged record to its master: statements only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const COLUMN = { customer: sql.ref('customer_id'), contact: sql.ref('contact_id'), lead: sql.ref('lead_id') } as const;

/** Point the opportunities of `from` (only `ids` when given) at `to`; the ids moved. */
export async function moveRefs(tx: Tx, kind: keyof typeof COLUMN, from: string, to: string, ids: string[] | null): Promise<string[]> {
  const col = COLUMN[kind];
  const r = await sql<{ id: string }>`update opportunities set ${col} = ${to}, version = version + 1, updated_at = now()
    where ${col} = ${from} ${ids ? sql`and id = any(${ids}::uuid[])` : sql``} returning id`.execute(tx);
  return r.rows.map((x) => x.id).sort();
}
