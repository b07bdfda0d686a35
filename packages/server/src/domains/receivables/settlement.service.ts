// How receivables are settled, as facts receivables owns: a write-off header and its allocations. flows/write-off
// decides what to settle (under the customer lock, ADR 0004) and records it here; open amounts are then projections of
// these facts, recomputed by refreshOpen in the same transaction.
import crypto from 'node:crypto';
import type { RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import * as q from './settlement.sql.js';
import * as rq from './receivables.sql.js';

export type { WriteOffInsert, AllocationInsert } from './settlement.sql.js';

/** Record a write-off header (apply, reverse or bad debt); its id. */
export async function recordWriteOff(tx: Tx, header: q.WriteOffInsert): Promise<string> {
  return q.insertWriteOff(tx, header);
}

/**
 * Record a write-off header (with the id the caller chose) and its allocation edges in one statement, with the
 * caller's `alongside` statement (the ledger entries it posts) in the same round trip; the header's id.
 */
export async function recordSettlement(tx: Tx, header: q.WriteOffInsert, rows: Array<Omit<q.AllocationInsert, 'writeOffId'>>, alongside: RawBuilder<unknown> | null = null, id: string = crypto.randomUUID()): Promise<string> {
  await q.insertSettlement(tx, { ...header, id }, rows.map((r) => ({ ...r, writeOffId: id })), alongside);
  return id;
}

/** Record the allocation edges of a write-off, in one statement. */
export async function recordAllocations(tx: Tx, rows: q.AllocationInsert[]): Promise<void> {
  await q.insertAllocations(tx, rows);
}

/** Lock receivables FOR UPDATE in id order (ADR 0004, level 5); the rows as they are under the lock. */
export async function lockReceivables(tx: Tx, ids: string[]) {
  return rq.lockReceivables(tx, ids);
}

/**
 * Recompute the open amounts of the receivables this write-off settled (targets and credit notes) from their
 * allocations, with `alongside` (payments' unapplied refresh) in the same statement; the receivables after.
 */
export async function refreshOpen(tx: Tx, writeOffId: string, alongside: RawBuilder<unknown> | null = null): Promise<rq.RefreshedReceivable[]> {
  return rq.refreshOpen(tx, writeOffId, alongside);
}
