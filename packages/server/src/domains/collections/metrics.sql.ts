// Queries for the aging trend and DSO. Read-only.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

interface ScopeOpt { currency: string; scope: RawBuilder<unknown> | null }

/**
 * Open and overdue amounts at each of `points` (ascending dates), as of each point, in one statement. What was open on
 * day p = what is open now + what was applied after p (the aging report's rule), for invoices booked by p; overdue
 * also needs due_date < p. So each open invoice counts from the point its booking (or, for overdue, the day after
 * it fell due) precedes, and each allocation after the first point counts, with its sign, from that point until the
 * last point before it was applied. Those ranges of point indexes come out as +/− deltas per index; the caller sums
 * them in order. Only open invoices and allocations after the first point are read, not the whole history.
 * width_bucket(d, points) is the number of points ≤ d.
 */
export async function trendDeltas(tx: Tx, o: ScopeOpt, points: string[]) {
  const inScope = sql`r.kind = 'invoice' and r.currency = ${o.currency} and ${o.scope ?? sql`true`}`;
  const r = await sql<{ m: 'open' | 'overdue'; k: number; amount: string }>`
    with pts as (select ${points}::date[] as a),
    now_open as (
      select width_bucket(r.business_date - 1, pts.a) + 1 as j0, width_bucket(greatest(r.business_date, r.due_date + 1) - 1, pts.a) + 1 as o0,
        r.amount_open as amount
      from receivables r, pts where r.amount_open > 0 and ${inScope}),
    later as (
      select width_bucket(r.business_date - 1, pts.a) + 1 as j0, width_bucket(greatest(r.business_date, r.due_date + 1) - 1, pts.a) + 1 as o0,
        width_bucket(a.applied_on - 1, pts.a) as j1, a.amount
      from pts, allocations a
        -- a primary-key probe per allocation (OFFSET 0 keeps it so), not a hash of every receivable ever booked
        cross join lateral (select r.* from receivables r where r.id = a.receivable_id and ${inScope} offset 0) r
      where a.applied_on > ${points[0]!}::date),
    deltas as (
      select 'open' as m, j0 as k, amount from now_open
      union all select 'overdue', o0, amount from now_open
      union all select 'open', j0, amount from later where j0 <= j1
      union all select 'open', j1 + 1, -amount from later where j0 <= j1
      union all select 'overdue', o0, amount from later where o0 <= j1
      union all select 'overdue', j1 + 1, -amount from later where o0 <= j1)
    select m, k, sum(amount) as amount from deltas group by 1, 2`.execute(tx);
  return r.rows;
}

/** Net credit sales (invoices less credit notes) booked in [from, to]. */
export async function salesBetween(tx: Tx, o: ScopeOpt, from: string, to: string): Promise<string> {
  const r = await sql<{ s: string }>`select coalesce(sum(r.amount), 0) as s from receivables r
    where r.currency = ${o.currency} and r.business_date between ${from}::date and ${to}::date and ${o.scope ?? sql`true`}`.execute(tx);
  return r.rows[0]!.s;
}

/**
 * Net credit sales per calendar month ('YYYY-MM-01') booked in [from, to]. Grouped by day in SQL (one hash entry per
 * day, no date formatting per row) and by month by the caller.
 */
export async function salesByDay(tx: Tx, o: ScopeOpt, from: string, to: string) {
  const r = await sql<{ day: string; s: string }>`
    select r.business_date as day, sum(r.amount) as s from receivables r
    where r.currency = ${o.currency} and r.business_date between ${from}::date and ${to}::date and ${o.scope ?? sql`true`}
    group by 1`.execute(tx);
  return r.rows;
}
