// How receivables are settled, as facts receivables owns: a write-off header and its allocations. flows/write-off
// decides what to settle (under the customer lock, ADR 0004) and records it here; open amounts are then projections of
// these facts, recomputed by refreshOpen in the same transaction.
import type { Tx } from '../../platform/db.js';
import * as q from './settlement.sql.js';

export type { WriteOffInsert, AllocationInsert } from './settlement.sql.js';

/** Record a write-off header (apply, reverse or bad debt); its id. */
export async function recordWriteOff(tx: Tx, header: q.WriteOffInsert): Promise<string> {
  return q.insertWriteOff(tx, header);
}

/** Record the allocation edges of a write-off, in one statement. */
export async function recordAllocations(tx: Tx, rows: q.AllocationInsert[]): Promise<void> {
  await q.insertAllocations(tx, rows);
}
