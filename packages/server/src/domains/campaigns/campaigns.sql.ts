// Campaign statements: the tree (typed builder), the data scope, and the subtree walks (recursive SQL).
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/**
 * A campaign is seen by whoever sees its owner: the marketer who runs it, her managers up the team tree, and the
 * roles with the whole tenant (admin, executive, finance). Out of scope reads like an unknown id.
 */
export function campaignScope(userId: string, scope: DataScope, alias = 'c'): RawBuilder<boolean> {
  if (scope === 'all') return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(`${alias}.owner_id`)} = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

function selectCampaign(tx: Tx) {
  return tx.selectFrom('campaigns as c')
    .leftJoin('campaigns as p', 'p.id', 'c.parent_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.number', 'c.name', 'c.parent_id', 'p.name as parent_name', 'c.type', 'c.status', 'c.start_on', 'c.end_on', 'c.currency',
      'c.budget', 'c.owner_id', 'u.name as owner_name', 'c.description', 'c.version', 'c.created_at'])
    .select(sql<number>`(select count(*)::int from campaigns k where k.parent_id = c.id)`.as('child_count'));
}
export type CampaignRow = Awaited<ReturnType<typeof getCampaign>> & object;

export async function getCampaign(tx: Tx, id: string, scope: RawBuilder<boolean>) {
  return selectCampaign(tx).where('c.id', '=', id).where(scope).executeTakeFirst();
}

export interface ListFilter {
  parentCampaignId?: string | undefined; roots: boolean; status?: string[] | undefined; type?: string[] | undefined; ownerId?: string | undefined;
  year?: number | undefined; q?: string | undefined;
}

/** A page of campaigns in scope, newest start first (undated last); keyset on (start_on desc nulls last, id). */
export async function listCampaigns(tx: Tx, scope: RawBuilder<boolean>, f: ListFilter, after: [string | null, string] | null, limit: number) {
  let q = selectCampaign(tx).where(scope);
  if (f.parentCampaignId) q = q.where('c.parent_id', '=', f.parentCampaignId);
  if (f.roots) q = q.where('c.parent_id', 'is', null);
  if (f.status?.length) q = q.where('c.status', 'in', f.status as never);
  if (f.type?.length) q = q.where('c.type', 'in', f.type as never);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.year) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    q = q.where(sql<boolean>`(c.start_on is null or (c.start_on <= ${to}::date and coalesce(c.end_on, c.start_on) >= ${from}::date))`);
  }
  if (f.q) q = q.where(sql<boolean>`(c.name ilike ${`%${f.q}%`} or c.number ilike ${`%${f.q}%`})`);
  if (after) {
    // start_on desc nulls last: a dated campaign is followed by earlier ones, then the undated ones.
    q = after[0] === null
      ? q.where(sql<boolean>`(c.start_on is null and c.id > ${after[1]}::uuid)`)
      : q.where(sql<boolean>`(c.start_on < ${after[0]}::date or c.start_on is null or (c.start_on = ${after[0]}::date and c.id > ${after[1]}::uuid))`);
  }
  return q.orderBy(sql`c.start_on desc nulls last`).orderBy('c.id').limit(limit + 1).execute();
}

export async function lockCampaign(tx: Tx, id: string, scope: RawBuilder<boolean>) {
  return tx.selectFrom('campaigns as c').select(['c.id', 'c.version', 'c.status', 'c.currency', 'c.parent_id', 'c.name', 'c.owner_id'])
    .where('c.id', '=', id).where(scope).forUpdate().executeTakeFirst();
}

/** Is `candidate` the campaign itself or below it? (a move under it would make a cycle) */
export async function isInSubtree(tx: Tx, rootId: string, candidate: string): Promise<boolean> {
  const r = await sql<{ hit: boolean }>`with recursive sub(id) as (
      select ${rootId}::uuid union select c.id from campaigns c join sub s on c.parent_id = s.id)
    select exists (select 1 from sub where id = ${candidate}::uuid) as hit`.execute(tx);
  return r.rows[0]?.hit ?? false;
}

export interface CampaignFields {
  name: string; parentId: string | null; type: string; status: string; startOn: string | null; endOn: string | null; currency: string;
  budget: string; ownerId: string | null; description: string | null;
}

export async function insertCampaign(tx: Tx, tenantId: string, number: string, createdBy: string | null, f: CampaignFields): Promise<string> {
  const r = await tx.insertInto('campaigns').values({
    tenant_id: tenantId, number, name: f.name, parent_id: f.parentId, type: f.type as never, status: f.status as never, start_on: f.startOn,
    end_on: f.endOn, currency: f.currency, budget: f.budget, owner_id: f.ownerId, description: f.description, created_by: createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCampaign(tx: Tx, id: string, f: CampaignFields): Promise<void> {
  await tx.updateTable('campaigns').set({
    name: f.name, parent_id: f.parentId, type: f.type as never, status: f.status as never, start_on: f.startOn, end_on: f.endOn,
    budget: f.budget, owner_id: f.ownerId, description: f.description, version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

/** Campaigns in scope running on some day of the year (undated ones too), for the marketer's funnel. */
export async function campaignsOfYear(tx: Tx, scope: RawBuilder<boolean>, year: number, currency: string) {
  return tx.selectFrom('campaigns as c').select(['c.id', 'c.status']).where(scope).where('c.currency', '=', currency)
    .where(sql<boolean>`(c.start_on is null or (c.start_on <= ${`${year}-12-31`}::date and coalesce(c.end_on, c.start_on) >= ${`${year}-01-01`}::date))`)
    .limit(5000).execute();
}

/** Children in scope of a campaign, for the ROI breakdown. */
export async function childrenOf(tx: Tx, id: string, scope: RawBuilder<boolean>) {
  return tx.selectFrom('campaigns as c').select(['c.id', 'c.number', 'c.name', 'c.status']).where('c.parent_id', '=', id).where(scope)
    .orderBy(sql`c.start_on desc nulls last`).orderBy('c.id').execute();
}

/** Does the campaign exist in the tenant (RLS keeps other tenants out)? For leads' and opportunities' campaign_id. */
export async function campaignExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function campaignById(tx: Tx, id: string) {
  return tx.selectFrom('campaigns').select(['id', 'number', 'name', 'parent_id', 'type', 'status', 'currency', 'owner_id', 'start_on', 'end_on'])
    .where('id', '=', id).executeTakeFirst();
}
