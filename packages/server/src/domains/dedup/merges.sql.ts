// Merge facts: one row per merge, with what moved. Scope follows the master's owner at the merge.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

function scoped(s: { userId: string; scope: DataScope }): RawBuilder<unknown> {
  if (s.scope === 'all') return sql`true`;
  return sql`(m.owner_id is null or m.owner_id in (select visible_owner_ids(${s.userId}::uuid, ${s.scope})))`;
}

export interface MergeJobRow {
  id: string; object: 'lead' | 'contact' | 'customer'; master_id: string; loser_id: string; owner_id: string | null;
  fields: Record<string, string>; master_before: Record<string, unknown>; master_after: Record<string, unknown>;
  loser_before: Record<string, unknown>; moved: Record<string, string[]>; status: 'merged' | 'undone';
  merged_by: string | null; merged_by_name: string | null; merged_at: string; undone_by: string | null; undone_by_name: string | null;
  undone_at: string | null; version: number;
}

const select = sql`m.id, m.object, m.master_id, m.loser_id, m.owner_id, m.fields, m.master_before, m.master_after, m.loser_before,
  m.moved, m.status, m.merged_by, mb.name as merged_by_name, m.merged_at, m.undone_by, ub.name as undone_by_name, m.undone_at, m.version`;
const from = sql`merge_jobs m left join users mb on mb.id = m.merged_by left join users ub on ub.id = m.undone_by`;

export async function insertMergeJob(tx: Tx, tenantId: string, userId: string | null, f: {
  object: MergeJobRow['object']; masterId: string; loserId: string; ownerId: string | null; fields: Record<string, string>;
  masterBefore: unknown; masterAfter: unknown; loserBefore: unknown; moved: Record<string, string[]>;
}): Promise<string> {
  const r = await tx.insertInto('merge_jobs').values({
    tenant_id: tenantId, object: f.object, master_id: f.masterId, loser_id: f.loserId, owner_id: f.ownerId, fields: JSON.stringify(f.fields),
    master_before: JSON.stringify(f.masterBefore), master_after: JSON.stringify(f.masterAfter), loser_before: JSON.stringify(f.loserBefore),
    moved: JSON.stringify(f.moved), merged_by: userId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findMergeJob(tx: Tx, id: string, s: { userId: string; scope: DataScope } | null, forUpdate = false): Promise<MergeJobRow | undefined> {
  const r = await sql<MergeJobRow>`select ${select} from ${from} where m.id = ${id} and ${s ? scoped(s) : sql`true`}
    ${forUpdate ? sql`for update of m` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function listMergeJobs(tx: Tx, s: { userId: string; scope: DataScope }, object: string | null, limit: number): Promise<MergeJobRow[]> {
  const r = await sql<MergeJobRow>`select ${select} from ${from} where ${scoped(s)} and (${object}::text is null or m.object = ${object})
    order by m.merged_at desc, m.id desc limit ${limit}`.execute(tx);
  return r.rows;
}

/** The newest merge still in force that involves any of these records, as master or duplicate. */
export async function latestMergeOf(tx: Tx, ids: string[]): Promise<{ id: string } | undefined> {
  const r = await sql<{ id: string }>`select id from merge_jobs where status = 'merged'
    and (master_id = any(${ids}::uuid[]) or loser_id = any(${ids}::uuid[])) order by merged_at desc, id desc limit 1`.execute(tx);
  return r.rows[0];
}

export async function markUndone(tx: Tx, id: string, userId: string | null) {
  await tx.updateTable('merge_jobs').set((eb) => ({ status: 'undone', undone_by: userId, undone_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id).execute();
}
