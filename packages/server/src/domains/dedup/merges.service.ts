// The merge facts flows/merge records and reads: a merge's master, duplicate, field choices, both records as they were,
// the master as it became, and the ids moved per table — what an undo moves back. Audited by the flow that merges.
import type { DataScope } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import * as q from './merges.sql.js';

export type MergeJobRow = q.MergeJobRow;
export interface MergeFacts {
  object: MergeJobRow['object']; masterId: string; loserId: string; ownerId: string | null; fields: Record<string, string>;
  masterBefore: Record<string, unknown>; masterAfter: Record<string, unknown>; loserBefore: Record<string, unknown>;
  moved: Record<string, string[]>;
}

export async function recordMergeTx(tx: Tx, actor: Actor, f: MergeFacts): Promise<string> {
  return q.insertMergeJob(tx, actor.tenantId, actor.userId, f);
}

/** A merge in the caller's scope (or any, with scope null), optionally locked for an undo. */
export async function mergeJobTx(tx: Tx, id: string, scope: { userId: string; scope: DataScope } | null, opts: { lock?: boolean } = {}) {
  return q.findMergeJob(tx, id, scope, opts.lock ?? false);
}

export async function listMergesTx(tx: Tx, scope: { userId: string; scope: DataScope }, object: string | null, limit: number) {
  return q.listMergeJobs(tx, scope, object, limit);
}

export async function latestMergeOfTx(tx: Tx, ids: string[]) {
  return q.latestMergeOf(tx, ids);
}

export async function markMergeUndoneTx(tx: Tx, actor: Actor, id: string): Promise<void> {
  await q.markUndone(tx, id, actor.userId);
}
