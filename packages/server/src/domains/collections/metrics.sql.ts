// Queries for the aging trend and DSO. Read-only.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

interface ScopeOpt { currency: string; scope: RawBuilder<unknown> | null }

function invoices(o: ScopeOpt) {
  const join = o.scope ? sql`join customers c on c.id = r.customer_id` : sql``;
  return sql`select r.id, r.business_date, r.due_date, abs(r.amount) as amount from receivables r ${join}
    where r.kind = 'invoice' and r.currency = ${o.currency} and ${o.scope ?? sql`true`}`;
}

/**
 * Open and overdue amounts at each of `points` (ascending dates), in one pass over the facts. Each fact starts to count
 * on a date: a booking on its business date (for "overdue" from the day after it is due); an allocation on its
 * applied_on date, but never before its receivable was booked (or, for "overdue", fell due). A fact effective on day e
 * counts at every point p ≥ e: width_bucket(e − 1, points) is the number of points before e, so grouping by it and
 * summing the groups below a point gives the amount as of that point — exactly the as-of semantics of the report.
 */
export async function trendDeltas(tx: Tx, o: ScopeOpt, points: string[]) {
  const r = await sql<{ m: 'open' | 'overdue'; k: number; amount: string }>`
    with inv as materialized (${invoices(o)}),
    ev as (
      select i.business_date as open_on, greatest(i.business_date, i.due_date + 1) as overdue_on, i.amount from inv i
      union all
      select greatest(a.applied_on, i.business_date), greatest(a.applied_on, i.business_date, i.due_date + 1), -a.amount
      from allocations a join inv i on i.id = a.receivable_id)
    select 'open' as m, width_bucket(open_on - 1, ${points}::date[]) as k, sum(amount) as amount from ev group by 2
    union all
    select 'overdue', width_bucket(overdue_on - 1, ${points}::date[]), sum(amount) from ev group by 2`.execute(tx);
  return r.rows;
}

/** Net credit sales (invoices less credit notes) booked in [from, to]. */
export async function salesBetween(tx: Tx, o: ScopeOpt, from: string, to: string): Promise<string> {
  const join = o.scope ? sql`join customers c on c.id = r.customer_id` : sql``;
  const r = await sql<{ s: string }>`select coalesce(sum(r.amount), 0) as s from receivables r ${join}
    where r.currency = ${o.currency} and r.business_date between ${from}::date and ${to}::date and ${o.scope ?? sql`true`}`.execute(tx);
  return r.rows[0]!.s;
}

/** Net credit sales per calendar month (first day of the month as 'YYYY-MM-DD') booked in [from, to]. */
export async function salesByMonth(tx: Tx, o: ScopeOpt, from: string, to: string) {
  const join = o.scope ? sql`join customers c on c.id = r.customer_id` : sql``;
  const r = await sql<{ month: string; s: string }>`
    select to_char(date_trunc('month', r.business_date), 'YYYY-MM-DD') as month, sum(r.amount) as s from receivables r ${join}
    where r.currency = ${o.currency} and r.business_date between ${from}::date and ${to}::date and ${o.scope ?? sql`true`}
    group by 1`.execute(tx);
  return new Map(r.rows.map((x) => [x.month, x.s]));
}
