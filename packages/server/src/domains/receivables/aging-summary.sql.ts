// The aging summary's upkeep (migration 020): the triggers write steps into aging_deltas in the transaction of each
// fact; these statements fold them into aging_summary / aging_customer, or recompute a tenant from its facts.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

/** Moves every pending delta into the summaries in one statement; returns how many it moved. */
export async function compact(tx: Tx): Promise<number> {
  const r = await sql<{ n: string }>`select aging_compact() as n`.execute(tx);
  return Number(r.rows[0]!.n);
}

/** Recomputes one tenant's summaries from its receivables and allocations (after a bulk load with triggers off). */
export async function rebuild(tx: Tx, tenantId: string): Promise<void> {
  await sql`select aging_rebuild(${tenantId}::uuid)`.execute(tx);
}
