// Funnel and forecast: set-based statements over opportunities and their stage history, in the caller's data scope.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

/**
 * Per stage of a process (the lost stage aside), for the opportunities created in [from, to] (tenant days): how many
 * reached it or a later stage (a skipped stage counts as reached; won reaches every open stage), and the mean days
 * spent in it per entry (until the next entry, or now while still there).
 */
export async function funnelStages(tx: Tx, processId: string, from: string, to: string, tz: string, scope: RawBuilder<unknown>, ownerId: string | null) {
  // one pass over the cohort's history: the furthest stage each reached, and the days of each entry (a join on the
  // tenant-keyed history index, aggregated once — not a subquery per stage)
  const r = await sql<{ id: string; name: string; kind: 'open' | 'won' | 'lost'; seq: number; reached: number; avg_days: string | null }>`
    with opp as (
      select o.tenant_id, o.id from opportunities o
      where o.process_id = ${processId} and (o.created_at at time zone ${tz})::date between ${from}::date and ${to}::date and ${scope}
        ${ownerId ? sql`and o.owner_id = ${ownerId}` : sql``}),
    h as (
      select h.opportunity_id, s.id as stage_id, s.seq, s.kind, h.at,
        lead(h.at) over (partition by h.opportunity_id order by h.at, h.id) as next_at
      from opp join opportunity_stage_history h on h.tenant_id = opp.tenant_id and h.opportunity_id = opp.id
      join sales_stages s on s.id = h.to_stage_id),
    reach as (select max(seq) filter (where kind <> 'lost') as max_seq from h group by opportunity_id),
    reached as (select max_seq, count(*) as n from reach group by max_seq),
    days as (select stage_id, avg(extract(epoch from (coalesce(next_at, now()) - at)) / 86400) as d from h where kind = 'open' group by stage_id)
    select s.id, s.name, s.kind, s.seq, coalesce((select sum(n) from reached where reached.max_seq >= s.seq), 0)::int as reached,
      round(d.d::numeric, 1)::text as avg_days
    from sales_stages s left join days d on d.stage_id = s.id
    where s.process_id = ${processId} and s.kind <> 'lost' order by s.seq`.execute(tx);
  return r.rows;
}

/** Won and lost of that cohort, with the won amounts per currency. */
export async function funnelOutcomes(tx: Tx, processId: string, from: string, to: string, tz: string, scope: RawBuilder<unknown>, ownerId: string | null) {
  const r = await sql<{ status: string; currency: string; n: number; amount: string }>`
    select o.status, o.currency, count(*)::int as n, sum(o.amount)::text as amount from opportunities o
    where o.process_id = ${processId} and o.status <> 'open' and (o.created_at at time zone ${tz})::date between ${from}::date and ${to}::date and ${scope}
      ${ownerId ? sql`and o.owner_id = ${ownerId}` : sql``}
    group by o.status, o.currency order by o.status, o.currency`.execute(tx);
  return r.rows;
}

export interface ForecastSums {
  subject_id: string | null; subject_name: string | null; currency: string; won: string; commit_open: string; best_open: string;
  pipeline: string; weighted_open: string; open_count: number; won_count: number;
}

/**
 * The forecast figures per rep (owner) or team (the owner's team) and currency: opportunities open with a close date in
 * [from, to] (not omitted), and those won with their close day in it. Sums of exact numerics; the service adds them up.
 */
export async function forecastSums(tx: Tx, from: string, to: string, groupBy: 'rep' | 'team', scope: RawBuilder<unknown>) {
  const subject = groupBy === 'rep' ? sql`u.id` : sql`u.team_id`;
  const subjectName = groupBy === 'rep' ? sql`u.name` : sql`t.name`;
  const r = await sql<ForecastSums>`
    select ${subject} as subject_id, min(${subjectName}) as subject_name, o.currency,
      coalesce(sum(o.amount) filter (where o.status = 'won'), 0)::text as won,
      coalesce(sum(o.amount) filter (where o.status = 'open' and o.forecast_category = 'commit'), 0)::text as commit_open,
      coalesce(sum(o.amount) filter (where o.status = 'open' and o.forecast_category = 'best_case'), 0)::text as best_open,
      coalesce(sum(o.amount) filter (where o.status = 'open'), 0)::text as pipeline,
      coalesce(sum(o.amount * s.probability / 100) filter (where o.status = 'open'), 0)::text as weighted_open,
      (count(*) filter (where o.status = 'open'))::int as open_count, (count(*) filter (where o.status = 'won'))::int as won_count
    from opportunities o join users u on u.id = o.owner_id left join teams t on t.id = u.team_id join sales_stages s on s.id = o.stage_id
    where ${scope} and (
      (o.status = 'open' and o.forecast_category <> 'omitted' and o.close_date between ${from}::date and ${to}::date)
      or (o.status = 'won' and o.closed_on between ${from}::date and ${to}::date))
    group by ${subject}, o.currency order by min(${subjectName}), o.currency`.execute(tx);
  return r.rows;
}

/** The latest adjustment per subject, category and currency of a period. */
export async function latestAdjustments(tx: Tx, period: string, subjectKind: 'rep' | 'team') {
  const r = await sql<{ subject_id: string; category: string; currency: string; adjusted_amount: string; reason: string; author_id: string; author_name: string; at: string }>`
    select distinct on (a.subject_id, a.category, a.currency) a.subject_id, a.category, a.currency, a.adjusted_amount, a.reason, a.author_id,
      u.name as author_name, a.at
    from forecast_adjustments a join users u on u.id = a.author_id
    where a.period = ${period} and a.subject_kind = ${subjectKind}
    order by a.subject_id, a.category, a.currency, a.at desc, a.id desc`.execute(tx);
  return r.rows;
}

export async function adjustmentsOf(tx: Tx, period: string, subjectKind: string | null, subjectId: string | null) {
  const r = await sql<{ id: string; period: string; subject_kind: 'rep' | 'team'; subject_id: string; category: 'commit' | 'best_case' | 'pipeline' | 'weighted'; currency: string; system_amount: string; adjusted_amount: string; reason: string; author_id: string; author_name: string; at: string }>`
    select a.id, a.period, a.subject_kind, a.subject_id, a.category, a.currency, a.system_amount, a.adjusted_amount, a.reason, a.author_id, u.name as author_name, a.at
    from forecast_adjustments a join users u on u.id = a.author_id
    where a.period = ${period} ${subjectKind ? sql`and a.subject_kind = ${subjectKind}` : sql``} ${subjectId ? sql`and a.subject_id = ${subjectId}` : sql``}
    order by a.at desc, a.id desc limit 200`.execute(tx);
  return r.rows;
}

export async function insertAdjustment(tx: Tx, tenantId: string, a: {
  period: string; subjectKind: 'rep' | 'team'; subjectId: string; category: 'commit' | 'best_case' | 'pipeline' | 'weighted'; currency: string;
  systemAmount: string; adjustedAmount: string; reason: string; authorId: string;
}): Promise<string> {
  const r = await tx.insertInto('forecast_adjustments').values({
    tenant_id: tenantId, period: a.period, subject_kind: a.subjectKind, subject_id: a.subjectId, category: a.category, currency: a.currency,
    system_amount: a.systemAmount, adjusted_amount: a.adjustedAmount, reason: a.reason, author_id: a.authorId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A team a manager may forecast for: one with a member in her scope (admins and executives: any team of the tenant). */
export async function teamInScope(tx: Tx, teamId: string, userId: string, scope: string): Promise<{ name: string } | undefined> {
  const visible = scope === 'all' ? sql`true` : sql`exists (select 1 from users u where u.team_id = t.id and u.id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ name: string }>`select t.name from teams t where t.id = ${teamId} and ${visible}`.execute(tx);
  return r.rows[0];
}
