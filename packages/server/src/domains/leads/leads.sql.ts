// Lead queries only; rules live in leads.service.ts. The list and the bulk insert of an import are hand-written SQL.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { LeadsTable } from '../../platform/schema.js';

type Status = 'raw' | 'mql' | 'sql' | 'converted' | 'invalid';
type Size = LeadsTable['company_size'];

export interface LeadRow {
  id: string; number: string; company_name: string | null; contact_name: string | null; title: string | null;
  phone: string | null; email: string | null; credit_code: string | null; industry: string | null; company_size: string | null;
  region: string | null; message: string | null; remark: string | null; source: string; campaign_id: string | null;
  campaign_name: string | null; status: string; invalid_reason: string | null; owner_id: string | null; owner_name: string | null;
  in_pool: boolean; last_touched_at: string; duplicate_kind: string | null; duplicate_id: string | null;
  duplicate_score: string | null; duplicate_reasons: string | null; consent_text: string | null; consent_at: string | null;
  consent_ip: string | null; converted_customer_id: string | null; converted_contact_id: string | null;
  converted_opportunity_id: string | null; converted_at: string | null; merged_into_id: string | null;
  score: number | null; grade: string | null;
  version: number; created_at: string; updated_at: string;
}

const leadSelect = sql`l.id, l.number, l.company_name, l.contact_name, l.title, l.phone, l.email, l.credit_code, l.industry,
  l.company_size, l.region, l.message, l.remark, l.source, l.campaign_id, cp.name as campaign_name, l.status, l.invalid_reason,
  l.owner_id, o.name as owner_name, l.in_pool, l.last_touched_at, l.duplicate_kind, l.duplicate_id, l.duplicate_score::text as duplicate_score,
  l.duplicate_reasons, l.consent_text, l.consent_at, l.consent_ip, l.converted_customer_id, l.converted_contact_id,
  l.converted_opportunity_id, l.converted_at, l.merged_into_id, ls.score, coalesce(ls.override_grade, ls.grade) as grade,
  l.version, l.created_at, l.updated_at`;
// the score and grade scoring keeps per lead (domains/scoring's lead_scores; a person's override wins)
const leadFrom = sql`leads l left join users o on o.id = l.owner_id left join campaigns cp on cp.id = l.campaign_id
  left join lead_scores ls on ls.lead_id = l.id`;

/**
 * The leads a user may see: the pool (reps claim from it), and the owners of their scope. `leadScope` in the service
 * widens a marketer to the whole tenant: she captures and distributes every lead.
 */
export function scopePredicate(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  if (scope === 'own') return sql`(l.in_pool or l.owner_id = ${userId}::uuid)`;
  return sql`(l.in_pool or l.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export const SORT_EXPR = { createdAt: sql`l.created_at`, lastTouchedAt: sql`l.last_touched_at` } as const;
export type LeadSortKey = keyof typeof SORT_EXPR;

export interface ListWhere {
  userId: string; scope: DataScope; poolOnly: boolean; statuses?: string[] | undefined; source?: string | undefined;
  campaignId?: string | undefined; ownerId?: string | undefined; q?: string | undefined;
}

export function listWhere(f: ListWhere): RawBuilder<unknown>[] {
  const where = [sql`l.merged_into_id is null`, f.poolOnly ? sql`l.in_pool` : scopePredicate(f.userId, f.scope)];
  if (f.statuses?.length) where.push(sql`l.status = any(${f.statuses}::text[])`);
  if (f.source) where.push(sql`l.source = ${f.source}`);
  if (f.campaignId) where.push(sql`l.campaign_id = ${f.campaignId}::uuid`);
  if (f.ownerId) where.push(sql`l.owner_id = ${f.ownerId}::uuid`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(l.company_name ilike ${like} or l.contact_name ilike ${like} or l.number ilike ${like} or l.phone_key like ${like} or l.email_key like ${like})`);
  }
  return where;
}

export async function listLeads(tx: Tx, f: { where: RawBuilder<unknown>[]; orderExpr: RawBuilder<unknown>; desc: boolean; after: [unknown, string] | null; limit: number }) {
  const where = [...f.where];
  if (f.after) {
    where.push(f.desc ? sql`(${f.orderExpr}, l.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : sql`(${f.orderExpr}, l.id) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  }
  const dir = f.desc ? sql`desc` : sql`asc`;
  const r = await sql<LeadRow & { sort_key: string }>`select ${leadSelect}, ${f.orderExpr}::text as sort_key from ${leadFrom}
    where ${sql.join(where, sql` and `)} order by ${f.orderExpr} ${dir}, l.id ${dir} limit ${f.limit + 1}`.execute(tx);
  return r.rows;
}

export async function findLead(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<LeadRow | undefined> {
  const r = await sql<LeadRow>`select ${leadSelect} from ${leadFrom} where l.id = ${id}
    ${opts.forUpdate ? sql`for update of l` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function isVisible(tx: Tx, id: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from leads l where l.id = ${id} and ${scopePredicate(userId, scope)}`.execute(tx);
  return r.rows.length > 0;
}

export interface LeadWrite {
  companyName: string | null; companyKey: string; contactName: string | null; title: string | null; phone: string | null;
  phoneKey: string | null; email: string | null; emailKey: string | null; creditCode: string | null; industry: string | null;
  companySize: Size; region: string | null; message: string | null; remark: string | null;
}

export interface LeadInsert extends LeadWrite {
  tenantId: string; number: string; source: string; campaignId: string | null; formId: string | null; importId: string | null;
  ownerId: string | null; inPool: boolean; assignedRuleId: string | null; createdBy: string | null;
  duplicate: { kind: string; id: string; score: number; reasons: string } | null;
  consent: { text: string; ip: string | null } | null;
}

function insertValues(l: LeadInsert) {
  return {
    tenant_id: l.tenantId, number: l.number, company_name: l.companyName, company_key: l.companyKey, contact_name: l.contactName,
    title: l.title, phone: l.phone, phone_key: l.phoneKey, email: l.email, email_key: l.emailKey, credit_code: l.creditCode,
    industry: l.industry, company_size: l.companySize, region: l.region, message: l.message, remark: l.remark,
    source: l.source, campaign_id: l.campaignId, form_id: l.formId, import_id: l.importId, owner_id: l.ownerId, in_pool: l.inPool,
    pool_entered_at: l.inPool ? sql<string>`now()` : null, assigned_rule_id: l.assignedRuleId,
    assigned_at: l.assignedRuleId ? sql<string>`now()` : null, created_by: l.createdBy,
    duplicate_kind: l.duplicate?.kind ?? null, duplicate_id: l.duplicate?.id ?? null,
    duplicate_score: l.duplicate ? String(l.duplicate.score) : null, duplicate_reasons: l.duplicate?.reasons ?? null,
    consent_text: l.consent?.text ?? null, consent_at: l.consent ? sql<string>`now()` : null, consent_ip: l.consent?.ip ?? null,
  };
}

export async function insertLead(tx: Tx, l: LeadInsert): Promise<string> {
  const r = await tx.insertInto('leads').values(insertValues(l) as never).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Many leads of an import batch in one statement, with their first history entry: the columns go as one array each
 * (unnest), not as 40 parameters per row — binding 40,000 parameters cost more than writing the rows. Ids in the
 * order given.
 */
export async function insertImportedLeads(tx: Tx, rows: LeadInsert[], historyReason: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const col = <T>(f: (l: LeadInsert) => T) => rows.map(f);
  const r = await sql<{ id: string }>`with v as (
      select * from unnest(
        ${col((l) => l.number)}::text[], ${col((l) => l.companyName)}::text[], ${col((l) => l.companyKey)}::text[], ${col((l) => l.contactName)}::text[],
        ${col((l) => l.title)}::text[], ${col((l) => l.phone)}::text[], ${col((l) => l.phoneKey)}::text[], ${col((l) => l.email)}::text[],
        ${col((l) => l.emailKey)}::text[], ${col((l) => l.creditCode)}::text[], ${col((l) => l.industry)}::text[], ${col((l) => l.companySize)}::text[],
        ${col((l) => l.region)}::text[], ${col((l) => l.remark)}::text[], ${col((l) => l.ownerId)}::uuid[], ${col((l) => l.assignedRuleId)}::uuid[],
        ${col((l) => l.duplicate?.kind ?? null)}::text[], ${col((l) => l.duplicate?.id ?? null)}::uuid[], ${col((l) => (l.duplicate ? String(l.duplicate.score) : null))}::numeric[],
        ${col((l) => l.duplicate?.reasons ?? null)}::text[]
      ) with ordinality as v(number, company_name, company_key, contact_name, title, phone, phone_key, email, email_key, credit_code, industry,
        company_size, region, remark, owner_id, assigned_rule_id, duplicate_kind, duplicate_id, duplicate_score, duplicate_reasons, n)
    ), ins as (
      insert into leads (tenant_id, number, company_name, company_key, contact_name, title, phone, phone_key, email, email_key, credit_code,
        industry, company_size, region, remark, source, campaign_id, import_id, owner_id, in_pool, pool_entered_at, assigned_rule_id, assigned_at,
        created_by, duplicate_kind, duplicate_id, duplicate_score, duplicate_reasons)
      select ${rows[0]!.tenantId}::uuid, v.number, v.company_name, v.company_key, v.contact_name, v.title, v.phone, v.phone_key, v.email, v.email_key,
        v.credit_code, v.industry, v.company_size, v.region, v.remark, ${rows[0]!.source}, ${rows[0]!.campaignId}::uuid, ${rows[0]!.importId}::uuid,
        v.owner_id, v.owner_id is null, case when v.owner_id is null then now() end, v.assigned_rule_id, case when v.assigned_rule_id is not null then now() end,
        ${rows[0]!.createdBy}::uuid, v.duplicate_kind, v.duplicate_id, v.duplicate_score, v.duplicate_reasons
      from v order by v.n
      returning id, number
    ), hist as (
      insert into lead_status_history (tenant_id, lead_id, from_status, to_status, reason, actor_id)
      select ${rows[0]!.tenantId}::uuid, ins.id, null, 'raw', ${historyReason}, ${rows[0]!.createdBy}::uuid from ins
    )
    select ins.id from ins join v on v.number = ins.number order by v.n`.execute(tx);
  return r.rows.map((x) => x.id);
}

export async function insertHistory(tx: Tx, rows: Array<{ tenantId: string; leadId: string; from: string | null; to: string; reason: string | null; actorId: string | null }>) {
  if (rows.length === 0) return;
  await tx.insertInto('lead_status_history').values(rows.map((h) => ({
    tenant_id: h.tenantId, lead_id: h.leadId, from_status: h.from, to_status: h.to, reason: h.reason, actor_id: h.actorId,
  }))).execute();
}

export async function listHistory(tx: Tx, leadId: string) {
  const r = await sql<{ from_status: string | null; to_status: string; reason: string | null; actor_id: string | null; actor_name: string | null; at: string }>`
    select h.from_status, h.to_status, h.reason, h.actor_id, u.name as actor_name, h.at from lead_status_history h
    left join users u on u.id = h.actor_id where h.lead_id = ${leadId} order by h.at, h.id`.execute(tx);
  return r.rows;
}

export async function updateFields(tx: Tx, id: string, w: LeadWrite) {
  await tx.updateTable('leads').set((eb) => ({
    company_name: w.companyName, company_key: w.companyKey, contact_name: w.contactName, title: w.title, phone: w.phone,
    phone_key: w.phoneKey, email: w.email, email_key: w.emailKey, credit_code: w.creditCode, industry: w.industry,
    company_size: w.companySize, region: w.region, message: w.message, remark: w.remark,
    last_touched_at: sql`now()`, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function setStatus(tx: Tx, id: string, status: Status, invalidReason: string | null) {
  await tx.updateTable('leads').set((eb) => ({
    status, invalid_reason: invalidReason, last_touched_at: sql`now()`, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function setOwner(tx: Tx, id: string, ownerId: string | null, ruleId: string | null = null) {
  await tx.updateTable('leads').set((eb) => ({
    owner_id: ownerId, in_pool: ownerId === null, pool_entered_at: ownerId ? null : sql<string>`now()`, owner_since: sql`now()`,
    last_touched_at: sql`now()`, assigned_rule_id: ruleId, assigned_at: ruleId ? sql<string>`now()` : null,
    version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function touch(tx: Tx, id: string) {
  await tx.updateTable('leads').set({ last_touched_at: sql`now()` }).where('id', '=', id).execute();
}

export async function setConverted(tx: Tx, id: string, by: string | null, refs: { customerId: string; contactId: string | null; opportunityId: string | null }) {
  await tx.updateTable('leads').set((eb) => ({
    status: 'converted', invalid_reason: null, converted_customer_id: refs.customerId, converted_contact_id: refs.contactId,
    converted_opportunity_id: refs.opportunityId, converted_at: sql`now()`, converted_by: by, last_touched_at: sql`now()`,
    version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function setMergedInto(tx: Tx, id: string, masterId: string | null) {
  await tx.updateTable('leads').set((eb) => ({ merged_into_id: masterId, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id).execute();
}

export async function insertPoolEvent(tx: Tx, e: { tenantId: string; leadId: string; kind: 'release' | 'claim' | 'assign' | 'recycle'; userId: string | null; reason: string | null }) {
  await tx.insertInto('lead_pool_events').values({ tenant_id: e.tenantId, lead_id: e.leadId, kind: e.kind, user_id: e.userId, reason: e.reason }).execute();
}

export async function countClaimsSince(tx: Tx, userId: string, since: string): Promise<number> {
  const r = await tx.selectFrom('lead_pool_events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('kind', '=', 'claim').where('at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function userInScope(tx: Tx, targetUserId: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from users u where u.id = ${targetUserId} and u.active
    and u.id in (select visible_owner_ids(${userId}::uuid, ${scope}))`.execute(tx);
  return r.rows.length > 0;
}

export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.selectFrom('users').select(sql`1`.as('one')).where('id', '=', userId).forUpdate().execute();
}

export async function userRole(tx: Tx, userId: string): Promise<string | undefined> {
  const r = await tx.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return r?.role;
}

/** Owned, open leads nobody touched for `days` days: back to the pool. Skips rows another transaction holds. */
export async function staleLeads(tx: Tx, days: number, limit: number): Promise<Array<{ id: string; owner_id: string }>> {
  const r = await sql<{ id: string; owner_id: string }>`select l.id, l.owner_id from leads l
    where l.owner_id is not null and l.status in ('raw', 'mql', 'sql') and l.merged_into_id is null
      and l.last_touched_at < now() - make_interval(days => ${days})
    order by l.id limit ${limit} for update of l skip locked`.execute(tx);
  return r.rows;
}

export async function recycleDays(tx: Tx): Promise<number | undefined> {
  const r = await tx.selectFrom('lead_settings').select('recycle_days').executeTakeFirst();
  return r?.recycle_days;
}

export async function saveRecycleDays(tx: Tx, tenantId: string, days: number) {
  await tx.insertInto('lead_settings').values({ tenant_id: tenantId, recycle_days: days })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ recycle_days: days, updated_at: sql`now()` })).execute();
}
