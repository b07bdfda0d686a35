// Scoring statements: settings and rules (builder), behaviour events, the facts a lead is scored on, the training set,
// models and lead scores (set-based upsert: a batch of leads in one statement; the override columns are never written
// by a rescore).
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export async function findSettings(tx: Tx) {
  return tx.selectFrom('scoring_settings').selectAll().executeTakeFirst();
}

export interface SettingsWrite {
  half_life_days: number; weight_behaviour: number; weight_fit: number; weight_model: number; grade_a: number; grade_b: number; grade_c: number;
  rfm_window_days: number; rfm_grade_a: number; rfm_grade_b: number; rfm_grade_c: number;
}

export async function upsertSettings(tx: Tx, tenantId: string, w: SettingsWrite) {
  await tx.insertInto('scoring_settings').values({ tenant_id: tenantId, ...w })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ ...w, version: eb('scoring_settings.version', '+', 1), updated_at: sql`now()` })))
    .execute();
}

export async function listRules(tx: Tx) {
  return tx.selectFrom('scoring_rules').select(['kind', 'field', 'value', 'points']).orderBy('kind').orderBy('field').orderBy('value').execute();
}

export async function replaceRules(tx: Tx, tenantId: string, rules: Array<{ kind: 'event' | 'fit'; field: string | null; value: string; points: number }>) {
  await tx.deleteFrom('scoring_rules').execute();
  if (rules.length) await tx.insertInto('scoring_rules').values(rules.map((r) => ({ tenant_id: tenantId, kind: r.kind, field: r.field as 'industry' | null, value: r.value, points: r.points }))).execute();
}

export async function insertEvent(tx: Tx, e: { leadId: string | null; contactId: string | null; event: string; points: number; at: string; recordedBy: string | null }) {
  await tx.insertInto('score_events').values({
    tenant_id: sql`app_tenant_id()`, lead_id: e.leadId, contact_id: e.contactId, event: e.event, points: e.points, at: e.at, recorded_by: e.recordedBy,
  }).execute();
}

export async function eventsOfLeads(tx: Tx, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  return tx.selectFrom('score_events').select(['lead_id', 'event', 'points', 'at']).where('lead_id', 'in', leadIds).orderBy('at', 'desc').execute();
}

export async function moveEvents(tx: Tx, column: 'lead_id' | 'contact_id', from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('score_events').set({ [column]: to }).where(column, '=', from);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function countEvents(tx: Tx, column: 'lead_id' | 'contact_id', id: string): Promise<number> {
  const r = await tx.selectFrom('score_events').select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', id).executeTakeFirstOrThrow();
  return r.n;
}

const FREE_MAIL = ['qq.com', '163.com', '126.com', 'sina.com', 'sohu.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'foxmail.com', 'yeah.net', '139.com', 'aliyun.com', 'yahoo.com', 'icloud.com'];

/** The features of leads as the model and the fit rules see them, each a text value ('' when unknown). */
const featureColumns = sql`l.id, l.status, coalesce(l.source, '') as source, coalesce(l.industry, '') as industry,
  coalesce(l.region, '') as region, coalesce(l.company_size, '') as size,
  case when l.campaign_id is null then 'no' else 'yes' end as campaign,
  case when l.email_key is null then 'none' when split_part(l.email_key, '@', 2) = any(${FREE_MAIL}::text[]) then 'free' else 'corporate' end as email,
  case when l.phone_key is null then 'none' when l.phone_key ~ '^1[3-9][0-9]{9}$' then 'mobile' else 'landline' end as phone,
  (select count(*)::int from score_events e where e.lead_id = l.id and e.points > 0) as engagement`;

export interface LeadFacts {
  id: string; status: string; source: string; industry: string; region: string; size: string; campaign: string; email: string; phone: string; engagement: number;
}

export async function leadFacts(tx: Tx, ids: string[]): Promise<LeadFacts[]> {
  if (ids.length === 0) return [];
  const r = await sql<LeadFacts>`select ${featureColumns} from leads l where l.id = any(${ids}::uuid[])`.execute(tx);
  return r.rows;
}

/** Closed leads (converted = 1, invalid = 0; merged ones left out), newest first: what the model learns from. */
export async function trainingSet(tx: Tx, limit: number): Promise<LeadFacts[]> {
  const r = await sql<LeadFacts>`select ${featureColumns} from leads l
    where l.merged_into_id is null and l.status in ('converted', 'invalid') order by l.created_at desc limit ${limit}`.execute(tx);
  return r.rows;
}

/** Open leads (raw, mql, sql) after a key, for rescoring in batches. */
export async function openLeadIds(tx: Tx, after: string | null, limit: number): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from leads where merged_into_id is null and status in ('raw', 'mql', 'sql')
    and (${after}::uuid is null or id > ${after}::uuid) order by id limit ${limit}`.execute(tx);
  return r.rows.map((x) => x.id);
}

export async function insertModel(tx: Tx, m: { samples: number; positives: number; auc: number | null; model: unknown }): Promise<string> {
  const r = await tx.insertInto('score_models').values({
    tenant_id: sql`app_tenant_id()`, samples: m.samples, positives: m.positives, auc: m.auc === null ? null : m.auc.toFixed(4), model: JSON.stringify(m.model),
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function latestModel(tx: Tx) {
  return tx.selectFrom('score_models').select(['id', 'trained_at', 'samples', 'positives', 'auc', 'model']).orderBy('trained_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export interface ScoreWrite { lead_id: string; behaviour: number; fit: number; probability: number | null; score: number; grade: string; factors: unknown; model_id: string | null }

/** Write a batch of computed scores in one statement; the override columns stay as they are. */
export async function upsertScores(tx: Tx, rows: ScoreWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into lead_scores (tenant_id, lead_id, behaviour, fit, probability, score, grade, factors, model_id, computed_at)
    select app_tenant_id(), x.lead_id, x.behaviour, x.fit, x.probability, x.score, x.grade, x.factors, x.model_id, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(lead_id uuid, behaviour numeric, fit int, probability numeric, score int, grade text, factors jsonb, model_id uuid)
    on conflict (tenant_id, lead_id) do update set behaviour = excluded.behaviour, fit = excluded.fit, probability = excluded.probability,
      score = excluded.score, grade = excluded.grade, factors = excluded.factors, model_id = excluded.model_id, computed_at = excluded.computed_at,
      version = lead_scores.version + 1`.execute(tx);
}

export async function findScore(tx: Tx, leadId: string, forUpdate = false) {
  const q = tx.selectFrom('lead_scores as s').leftJoin('users as u', 'u.id', 's.override_by')
    .select(['s.lead_id', 's.behaviour', 's.fit', 's.probability', 's.score', 's.grade', 's.factors', 's.model_id', 's.computed_at',
      's.override_grade', 's.override_reason', 's.override_by', 'u.name as override_by_name', 's.override_at', 's.version'])
    .where('s.lead_id', '=', leadId);
  return (forUpdate ? q.forUpdate('s') : q).executeTakeFirst();
}

export async function setOverride(tx: Tx, leadId: string, o: { grade: 'A' | 'B' | 'C' | 'D'; reason: string; by: string | null } | null) {
  await tx.updateTable('lead_scores').set((eb) => ({
    override_grade: o?.grade ?? null, override_reason: o?.reason ?? null, override_by: o?.by ?? null, override_at: o ? sql`now()` : null,
    version: eb('version', '+', 1),
  })).where('lead_id', '=', leadId).execute();
}

/** Leads' own rule (domains/leads): the lead pool, and the owners of the caller's scope; a marketer's is the tenant. */
export function leadVisible(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`(l.in_pool or l.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export async function visibleLead(tx: Tx, id: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from leads l where l.id = ${id} and l.merged_into_id is null and ${leadVisible(userId, scope)}`.execute(tx);
  return r.rows.length > 0;
}
