// Opportunity statements: the record with its names, lines, stage history, tasks. Data scope follows the owner.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export function opportunityScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`o.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`;
}
export const anyScope: RawBuilder<unknown> = sql`true`;

export interface OpportunityRow {
  id: string; number: string; name: string; status: 'open' | 'won' | 'lost'; customer_id: string; customer_name: string;
  contact_id: string | null; contact_name: string | null; owner_id: string; owner_name: string; owner_team_id: string | null;
  process_id: string; process_name: string; stage_id: string; stage_name: string; stage_kind: 'open' | 'won' | 'lost';
  stage_seq: number; probability: string; currency: string; amount: string; close_date: string | null; forecast_category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
  lead_id: string | null; campaign_id: string | null; contract_id: string | null; lost_reason: string | null; competitor: string | null;
  closed_on: string | null; health: Record<string, { score: number; note: string | null }>; stage_entered_at: string;
  version: number; created_at: string; updated_at: string; days_in_stage: number;
}

const SELECT = sql`select o.id, o.number, o.name, o.status, o.customer_id, c.name as customer_name, o.contact_id, ct.name as contact_name,
    o.owner_id, u.name as owner_name, u.team_id as owner_team_id, o.process_id, p.name as process_name, o.stage_id, s.name as stage_name,
    s.kind as stage_kind, s.seq as stage_seq, s.probability, o.currency, o.amount, o.close_date, o.forecast_category, o.lead_id, o.campaign_id,
    o.contract_id, o.lost_reason, o.competitor, o.closed_on, o.health, o.stage_entered_at, o.version, o.created_at, o.updated_at,
    floor(extract(epoch from (now() - o.stage_entered_at)) / 86400)::int as days_in_stage
  from opportunities o
  join customers c on c.id = o.customer_id
  left join contacts ct on ct.id = o.contact_id
  join users u on u.id = o.owner_id
  join sales_processes p on p.id = o.process_id
  join sales_stages s on s.id = o.stage_id`;

export async function findOpportunity(tx: Tx, id: string, scope: RawBuilder<unknown>, forUpdate = false): Promise<OpportunityRow | undefined> {
  const r = await sql<OpportunityRow>`${SELECT} where o.id = ${id} and ${scope} ${forUpdate ? sql`for update of o` : sql``}`.execute(tx);
  return r.rows[0];
}

export const OPPORTUNITY_SORTS = { createdAt: sql`o.created_at`, closeDate: sql`coalesce(o.close_date, '2999-12-31'::date)`, amount: sql`o.amount` } as const;

export function listWhere(q: {
  status?: string | undefined; processId?: string | undefined; stageId?: string | undefined; ownerId?: string | undefined; customerId?: string | undefined;
  campaignId?: string | undefined; leadId?: string | undefined; closeFrom?: string | undefined; closeTo?: string | undefined; q?: string | undefined;
}): RawBuilder<unknown>[] {
  const w: RawBuilder<unknown>[] = [];
  if (q.status) w.push(sql`o.status = ${q.status}`);
  if (q.processId) w.push(sql`o.process_id = ${q.processId}`);
  if (q.stageId) w.push(sql`o.stage_id = ${q.stageId}`);
  if (q.ownerId) w.push(sql`o.owner_id = ${q.ownerId}`);
  if (q.customerId) w.push(sql`o.customer_id = ${q.customerId}`);
  if (q.campaignId) w.push(sql`o.campaign_id = ${q.campaignId}`);
  if (q.leadId) w.push(sql`o.lead_id = ${q.leadId}`);
  if (q.closeFrom) w.push(sql`o.close_date >= ${q.closeFrom}::date`);
  if (q.closeTo) w.push(sql`o.close_date <= ${q.closeTo}::date`);
  if (q.q) w.push(sql`(o.name ilike ${'%' + q.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%'} or o.number = ${q.q} or c.name ilike ${'%' + q.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%'})`);
  return w;
}

/** A page, newest first; keyset on (created_at, id). */
export async function listOpportunities(tx: Tx, where: RawBuilder<unknown>[], after: [string, string] | null, limit: number): Promise<OpportunityRow[]> {
  const conds = [...where];
  if (after) conds.push(sql`(o.created_at, o.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const r = await sql<OpportunityRow>`${SELECT} where ${sql.join(conds.length ? conds : [sql`true`], sql` and `)}
    order by o.created_at desc, o.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

/** The open cards of a process's stages, most valuable first, at most `perStage` per stage; with counts and sums. */
export async function kanbanCards(tx: Tx, processId: string, where: RawBuilder<unknown>[], perStage: number): Promise<OpportunityRow[]> {
  const r = await sql<OpportunityRow>`select * from (
      select x.*, row_number() over (partition by x.stage_id order by x.amount desc, x.id) as rn from (
        ${SELECT} where o.process_id = ${processId} and o.status = 'open' and ${sql.join(where.length ? where : [sql`true`], sql` and `)}) x) y
    where y.rn <= ${perStage} order by y.stage_seq, y.amount desc, y.id`.execute(tx);
  return r.rows;
}

export async function kanbanTotals(tx: Tx, processId: string, where: RawBuilder<unknown>[]) {
  const r = await sql<{ stage_id: string; currency: string; n: number; amount: string; weighted: string }>`
    select o.stage_id, o.currency, count(*)::int as n, sum(o.amount) as amount, sum(o.amount * s.probability / 100) as weighted
    from opportunities o join customers c on c.id = o.customer_id join sales_stages s on s.id = o.stage_id
    where o.process_id = ${processId} and o.status = 'open' and ${sql.join(where.length ? where : [sql`true`], sql` and `)}
    group by o.stage_id, o.currency order by o.currency`.execute(tx);
  return r.rows;
}

export interface OpportunityWrite {
  name: string; customerId: string; contactId: string | null; ownerId: string; processId: string; stageId: string; currency: string;
  amount: string; closeDate: string | null; forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'omitted'; leadId: string | null; campaignId: string | null;
}

export async function insertOpportunity(tx: Tx, tenantId: string, number: string, createdBy: string | null, w: OpportunityWrite): Promise<string> {
  const r = await tx.insertInto('opportunities').values({
    tenant_id: tenantId, number, name: w.name, customer_id: w.customerId, contact_id: w.contactId, owner_id: w.ownerId, process_id: w.processId,
    stage_id: w.stageId, currency: w.currency, amount: w.amount, close_date: w.closeDate, forecast_category: w.forecastCategory,
    lead_id: w.leadId, campaign_id: w.campaignId, created_by: createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateOpportunity(tx: Tx, id: string, w: {
  name: string; contactId: string | null; ownerId: string; amount: string; closeDate: string | null;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'omitted'; competitor: string | null; health: unknown;
}) {
  await tx.updateTable('opportunities').set({
    name: w.name, contact_id: w.contactId, owner_id: w.ownerId, amount: w.amount, close_date: w.closeDate, forecast_category: w.forecastCategory,
    competitor: w.competitor, health: JSON.stringify(w.health), version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function setStage(tx: Tx, id: string, stageId: string) {
  await tx.updateTable('opportunities').set({ stage_id: stageId, stage_entered_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).execute();
}

export async function closeOpportunity(tx: Tx, id: string, c: { status: 'won' | 'lost'; stageId: string; closedOn: string; lostReason: string | null; competitor: string | null }) {
  await tx.updateTable('opportunities').set({
    status: c.status, stage_id: c.stageId, stage_entered_at: sql`now()`, closed_on: c.closedOn, lost_reason: c.lostReason,
    competitor: c.competitor, forecast_category: 'omitted', version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function setContract(tx: Tx, id: string, contractId: string) {
  await tx.updateTable('opportunities').set({ contract_id: contractId, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertHistory(tx: Tx, tenantId: string, opportunityId: string, fromStageId: string | null, toStageId: string, actorId: string | null) {
  await tx.insertInto('opportunity_stage_history').values({ tenant_id: tenantId, opportunity_id: opportunityId, from_stage_id: fromStageId, to_stage_id: toStageId, actor_id: actorId }).execute();
}

/** Stage entries in order, with the hours until the next entry (or until now for the current one). */
export async function historyOf(tx: Tx, opportunityId: string) {
  const r = await sql<{ id: string; from_name: string | null; to_id: string; to_name: string; at: string; actor_id: string | null; actor_name: string | null; hours: string }>`
    select h.id, fs.name as from_name, h.to_stage_id as to_id, ts.name as to_name, h.at, h.actor_id, u.name as actor_name,
      round((extract(epoch from (coalesce(lead(h.at) over (order by h.at, h.id), now()) - h.at)) / 3600)::numeric, 1)::text as hours
    from opportunity_stage_history h join sales_stages ts on ts.id = h.to_stage_id left join sales_stages fs on fs.id = h.from_stage_id
    left join users u on u.id = h.actor_id
    where h.opportunity_id = ${opportunityId} order by h.at, h.id`.execute(tx);
  return r.rows;
}

export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];
export async function linesOf(tx: Tx, opportunityId: string) {
  return tx.selectFrom('opportunity_lines').select(['id', 'line_no', 'product_id', 'product_code', 'product_name', 'quantity', 'unit_price', 'discount_rate', 'amount'])
    .where('opportunity_id', '=', opportunityId).orderBy('line_no').execute();
}

export interface LineWrite { productId: string | null; productCode: string | null; productName: string; quantity: string; unitPrice: string; discountRate: string; amount: string }
export async function replaceLines(tx: Tx, tenantId: string, opportunityId: string, lines: LineWrite[]) {
  await tx.deleteFrom('opportunity_lines').where('opportunity_id', '=', opportunityId).execute();
  if (lines.length === 0) return;
  await tx.insertInto('opportunity_lines').values(lines.map((l, i) => ({
    tenant_id: tenantId, opportunity_id: opportunityId, line_no: i + 1, product_id: l.productId, product_code: l.productCode,
    product_name: l.productName, quantity: l.quantity, unit_price: l.unitPrice, discount_rate: l.discountRate, amount: l.amount,
  }))).execute();
}

export async function tasksOf(tx: Tx, opportunityId: string) {
  const r = await sql<{ id: string; key: string | null; title: string; due_date: string | null; done_at: string | null; done_by: string | null; done_by_name: string | null; created_at: string }>`
    select t.id, t.key, t.title, t.due_date, t.done_at, t.done_by, u.name as done_by_name, t.created_at
    from opportunity_tasks t left join users u on u.id = t.done_by where t.opportunity_id = ${opportunityId} order by t.created_at, t.id`.execute(tx);
  return r.rows;
}

export async function insertTask(tx: Tx, tenantId: string, opportunityId: string, t: { key: string | null; title: string; dueDate: string | null }, by: string | null): Promise<string> {
  const r = await tx.insertInto('opportunity_tasks').values({ tenant_id: tenantId, opportunity_id: opportunityId, key: t.key, title: t.title, due_date: t.dueDate, created_by: by })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function taskOpportunity(tx: Tx, taskId: string): Promise<string | undefined> {
  const r = await tx.selectFrom('opportunity_tasks').select('opportunity_id').where('id', '=', taskId).executeTakeFirst();
  return r?.opportunity_id;
}

export async function completeTask(tx: Tx, opportunityId: string, taskId: string, by: string | null): Promise<boolean> {
  const r = await tx.updateTable('opportunity_tasks').set({ done_at: sql`now()`, done_by: by })
    .where('id', '=', taskId).where('opportunity_id', '=', opportunityId).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The customer if the caller may see it (its owner in scope, or in the public pool), with its owner. */
export async function customerFor(tx: Tx, id: string, userId: string | null, scope: DataScope) {
  const visible = scope === 'all' || !userId ? sql`true` : sql`(c.owner_id is null or c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string; name: string; owner_id: string | null }>`select c.id, c.name, c.owner_id from customers c where c.id = ${id} and ${visible}`.execute(tx);
  return r.rows[0];
}

export async function contactOfCustomer(tx: Tx, contactId: string, customerId: string): Promise<boolean> {
  const r = await sql`select 1 from contacts where id = ${contactId} and customer_id = ${customerId} and deleted_at is null`.execute(tx);
  return r.rows.length > 0;
}

export async function userActive(tx: Tx, id: string): Promise<boolean> {
  const r = await sql`select 1 from users u where u.id = ${id} and u.active`.execute(tx);
  return r.rows.length > 0;
}

export async function userInScope(tx: Tx, target: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from users u where u.id = ${target} and u.active and u.id in (select visible_owner_ids(${userId}::uuid, ${scope}))`.execute(tx);
  return r.rows.length > 0;
}
