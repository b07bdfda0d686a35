// Credit assessment queries: the customer's own history in one set-based statement (read-only over receivables,
// allocations and contracts, declared by their owners), and the assessments credit owns.
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/** The customer when the caller's scope covers its owner (money rule: a customer in the public pool is not). */
export async function visibleCustomer(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const visible = scope === 'all' ? sql`true` : sql`c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string; number: string; name: string; owner_id: string | null }>`
    select c.id, c.number, c.name, c.owner_id from customers c where c.id = ${customerId} and ${visible}`.execute(tx);
  return r.rows[0];
}

export interface HistoryRow {
  customer_id: string; settled: string; settled_on_time: string; settled_late_money_days: string; open: string; open_overdue: string;
  open_overdue_money_days: string; bad_debt: string; tenure_days: number; contract_volume_12m: string; invoiced_12m: string;
}

/**
 * Every factor's raw figures, for the given customers (null: every customer with a receivable), as of `today`:
 * settlements of invoices due in the 24 months before today — allocations that were not reversed, bad debt aside —
 * and what is open now.
 */
export async function histories(tx: Tx, customerIds: string[] | null, today: string): Promise<HistoryRow[]> {
  const only = customerIds ? sql`and r.customer_id = any(${customerIds}::uuid[])` : sql``;
  const r = await sql<HistoryRow>`
    with inv as (
      select r.id, r.customer_id, r.amount, r.amount_open, r.bad_debt_amount, r.due_date, r.business_date from receivables r
      where r.kind = 'invoice' ${only}),
    settled as (
      select inv.customer_id, sum(a.amount) as settled,
        sum(a.amount) filter (where a.applied_on <= inv.due_date) as on_time,
        sum(a.amount * greatest(a.applied_on - inv.due_date, 0)) as late_md
      from inv join allocations a on a.receivable_id = inv.id
      where a.amount > 0 and a.source_type <> 'bad_debt' and inv.due_date > ${today}::date - 730 and inv.due_date <= ${today}::date
        and not exists (select 1 from allocations x where x.reverses_id = a.id)
      group by inv.customer_id),
    agg as (
      select inv.customer_id, sum(inv.amount_open) as open,
        sum(inv.amount_open) filter (where inv.due_date < ${today}::date) as open_overdue,
        sum(inv.amount_open * (${today}::date - inv.due_date)) filter (where inv.due_date < ${today}::date) as open_md,
        sum(inv.bad_debt_amount) as bad_debt, min(inv.business_date) as first_on,
        sum(inv.amount) filter (where inv.business_date > ${today}::date - 365 and inv.business_date <= ${today}::date) as invoiced_12m
      from inv group by inv.customer_id),
    vol as (
      select k.customer_id, sum(k.amount_incl_tax) as volume from contracts k
      where k.status in ('signed','in_performance','completed') and k.signed_on > ${today}::date - 365 and k.signed_on <= ${today}::date
        and k.customer_id in (select customer_id from agg)
      group by k.customer_id)
    select agg.customer_id, coalesce(s.settled, 0)::text as settled, coalesce(s.on_time, 0)::text as settled_on_time,
      coalesce(s.late_md, 0)::text as settled_late_money_days, coalesce(agg.open, 0)::text as open,
      coalesce(agg.open_overdue, 0)::text as open_overdue, coalesce(agg.open_md, 0)::text as open_overdue_money_days,
      coalesce(agg.bad_debt, 0)::text as bad_debt, greatest(${today}::date - agg.first_on, 0) as tenure_days,
      coalesce(v.volume, 0)::text as contract_volume_12m, coalesce(agg.invoiced_12m, 0)::text as invoiced_12m
    from agg left join settled s on s.customer_id = agg.customer_id left join vol v on v.customer_id = agg.customer_id
    order by agg.customer_id`.execute(tx);
  return r.rows;
}

/** Customers whose last assessment is older than `days` (or who have none), with receivables: the job's work list. */
export async function dueForAssessment(tx: Tx, today: string, days: number, limit: number): Promise<string[]> {
  const r = await sql<{ customer_id: string }>`
    select distinct r.customer_id from receivables r
    where not exists (select 1 from credit_assessments a where a.customer_id = r.customer_id and a.assessed_on > ${today}::date - ${days}::int)
    order by r.customer_id limit ${limit}`.execute(tx);
  return r.rows.map((x) => x.customer_id);
}

export async function profileOf(tx: Tx, customerId: string) {
  return tx.selectFrom('credit_profiles').select(['credit_limit', 'payment_term_days', 'risk_level', 'on_hold', 'hold_reason', 'held_since'])
    .where('customer_id', '=', customerId).executeTakeFirst();
}

export interface AssessmentInsert {
  tenantId: string; customerId: string; assessedOn: string; score: number; grade: 'A' | 'B' | 'C' | 'D'; factors: string;
  currentLimit: string; currentTermDays: number; suggestedLimit: string; suggestedTermDays: number; createdBy: string | null;
}

/** One assessment per customer and day: a second one the same day replaces the figures of a proposal still open. */
export async function upsertAssessment(tx: Tx, a: AssessmentInsert) {
  return tx.insertInto('credit_assessments').values({
    tenant_id: a.tenantId, customer_id: a.customerId, assessed_on: a.assessedOn, score: a.score, grade: a.grade, factors: a.factors,
    current_limit: a.currentLimit, current_term_days: a.currentTermDays, suggested_limit: a.suggestedLimit, suggested_term_days: a.suggestedTermDays,
    created_by: a.createdBy,
  }).onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'assessed_on']).doUpdateSet((eb) => ({
    score: eb.ref('excluded.score'), grade: eb.ref('excluded.grade'), factors: eb.ref('excluded.factors'),
    current_limit: eb.ref('excluded.current_limit'), current_term_days: eb.ref('excluded.current_term_days'),
    suggested_limit: eb.ref('excluded.suggested_limit'), suggested_term_days: eb.ref('excluded.suggested_term_days'),
  })).where('credit_assessments.status', '=', 'proposed')).returning('id').executeTakeFirst();
}

const COLS = ['id', 'customer_id', 'assessed_on', 'score', 'grade', 'factors', 'current_limit', 'current_term_days', 'suggested_limit',
  'suggested_term_days', 'status', 'applied_at', 'created_at'] as const;

export async function listAssessments(tx: Tx, customerId: string, limit: number) {
  return tx.selectFrom('credit_assessments').select(COLS).where('customer_id', '=', customerId)
    .orderBy('assessed_on', 'desc').limit(limit).execute();
}
export type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>[number];

export async function assessmentForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('credit_assessments').select(COLS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setAssessmentStatus(tx: Tx, id: string, status: 'pending_approval' | 'applied' | 'rejected') {
  await tx.updateTable('credit_assessments').set({ status, applied_at: status === 'applied' ? sql`now()` : null }).where('id', '=', id).execute();
}
