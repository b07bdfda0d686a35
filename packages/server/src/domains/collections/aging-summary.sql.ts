// Aging from the summary receivables keeps (migration 020): per currency, due date and business day, the steps of the
// open amount and of the open count of every invoice. Open as of D per due date = the steps dated on or before D, in
// aging_summary plus the deltas not yet folded into it (one statement, one snapshot: every fact counted once).
// Only the unscoped report reads it (the summary has no owner or customer-owner dimension); a scoped user's report
// reads the open set (aging.sql.ts), which the scope already narrows.
//
// The statements are named on their second use (platform/prepared.ts) and PostgreSQL then keeps a generic plan for them,
// so everything in them must plan well without knowing the values: "is any step dated after the day?" is asked as the
// latest step's date (an index-only probe of aging_summary_event whatever the day) — as `exists (… event_date > day)`
// the generic plan scanned all 74,000 summary rows of the tenant for it, 3 ms of server CPU per report at 1M
// receivables (docs/benchmarks.md, session 5).
import { sql, type RawBuilder } from 'kysely';
import { scaleOf } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { runCompiled } from '../../platform/compiled.js';
import { moneyColumns, rangeWhere, type AgingRow, type Range } from './aging.sql.js';

function stepsUpTo(currency: string, asOf: string): RawBuilder<unknown> {
  return sql`(select due_date, amount, n from aging_summary where currency = ${currency} and event_date <= ${asOf}::date
    union all
    select due_date, amount, n from aging_deltas where currency = ${currency} and event_date <= ${asOf}::date)`;
}

/** Open amount and count per due date as of the day: the open set o (due_date, open, n) the bucket sums read. */
function openByDue(currency: string, asOf: string): RawBuilder<unknown> {
  return sql`(select s.due_date, sum(s.amount) as open, sum(s.n) as n from ${stepsUpTo(currency, asOf)} s group by 1)`;
}

function bucketSums(ranges: Range[]): RawBuilder<unknown> {
  return sql.join(ranges.map((r, i) => sql`coalesce(sum(o.open) filter (where ${rangeWhere(r)}), 0) as ${sql.raw(`b${i}`)}`));
}

/**
 * Is any step dated after the day? (A receivable booked or an allocation applied later.) The report as of today
 * reads the amount_open projection, which already counts allocations dated later; the summary as of today would not,
 * so then the caller reads the projection instead. Asked in the report's own statement (no extra round trip); false
 * when not asked (a past day: the steps up to it are the answer whatever came later).
 */
function laterThan(currency: string, after: string, ask: boolean): RawBuilder<unknown> {
  if (!ask) return sql`false`;
  return sql`(coalesce((select max(event_date) from aging_summary where currency = ${currency}), '-infinity') > ${after}::date
    or coalesce((select max(event_date) from aging_deltas where currency = ${currency}), '-infinity') > ${after}::date)`;
}

/** Rows as agingByGroup returns them, and `later`: a step is dated after the day (then the rows are not the answer). */
export type SummaryRow = AgingRow & { later: boolean };

/**
 * groupBy=none from the summary: the 'all' row (when anything is open) and the totals row, as agingByGroup returns them.
 * Compiled once per shape (platform/compiled.ts): the report's most frequent statement, and its shortest.
 */
export async function summaryTotals(tx: Tx, currency: string, asOf: string, ranges: Range[], askLater: boolean): Promise<SummaryRow[]> {
  const shape = `aging.summaryTotals:${scaleOf(currency)}:${askLater}:${ranges.map((r) => `${r.from === null ? '-' : 'f'}${r.to === null ? '-' : 't'}`).join(',')}`;
  const values: Record<string, unknown> = { currency, asOf };
  ranges.forEach((r, i) => { values[`from${i}`] = r.from; values[`to${i}`] = r.to; });
  const r = await runCompiled<SummaryRow>(tx, shape, (slot) => {
    const c = slot<string>('currency');
    const day = slot<string>('asOf');
    const slotted = ranges.map((x, i) => ({ from: x.from === null ? null : slot<string>(`from${i}`), to: x.to === null ? null : slot<string>(`to${i}`) }));
    return sql<SummaryRow>`
    with t as (select coalesce(sum(o.n), 0)::int as n, coalesce(sum(o.open), 0) as total, ${bucketSums(slotted)} from ${openByDue(c, day)} o),
    l as (select ${laterThan(c, day, askLater)} as later)
    select false as is_total, 'all' as key, 'All' as label, t.n, ${moneyColumns('t', slotted, currency)}, 0 as groups, l.later from t, l where t.n > 0
    union all
    select true, 'total', 'Total', t.n, ${moneyColumns('t', slotted, currency)}, (t.n > 0)::int, l.later from t, l
    order by 1`;
  }, values);
  return r.rows;
}

/**
 * groupBy=customer as of today, unscoped: the first `limit` customers by open amount from aging_customer (the open
 * amount and count of each customer after all its steps), their buckets from their own open invoices (index on
 * customer), the totals row from the summary. The answer only when no step is dated after today (`later` false), so
 * "after all its steps" is "as of today".
 */
export async function summaryByCustomer(tx: Tx, currency: string, today: string, ranges: Range[], limit: number): Promise<SummaryRow[]> {
  const r = await sql<SummaryRow>`
    with cust as (
      select x.customer_id as key, sum(x.amount) as total, sum(x.n)::int as n
      from (select customer_id, amount, n from aging_customer where currency = ${currency}
            union all
            select customer_id, amount, n from aging_deltas where currency = ${currency}) x
      group by 1 having sum(x.n) > 0),
    top as (select * from cust order by total desc, key limit ${limit}),
    tb as (
      select o.customer_id as key, ${bucketSums(ranges)}
      from (select r.customer_id, r.due_date, r.amount_open as open from receivables r
            where r.customer_id in (select key from top) and r.amount_open > 0 and r.kind = 'invoice'
              and r.currency = ${currency} and r.business_date <= ${today}::date) o
      group by 1),
    tot as (select ${bucketSums(ranges)} from ${openByDue(currency, today)} o),
    l as (select ${laterThan(currency, today, true)} as later),
    res as (
      select false as is_total, t.key::text as key, coalesce((select c.name from customers c where c.id = t.key), 'unassigned') as label,
        t.n, t.total, ${sql.join(ranges.map((_, i) => sql`coalesce(tb.${sql.raw(`b${i}`)}, 0) as ${sql.raw(`b${i}`)}`))}, 0 as groups, l.later
      from top t left join tb on tb.key = t.key cross join l
      union all
      select true, 'total', 'Total', (select coalesce(sum(n), 0)::int from cust), (select coalesce(sum(total), 0) from cust),
        ${sql.join(ranges.map((_, i) => sql.ref(`tot.b${i}`)))}, (select count(*)::int from cust), l.later
      from tot, l)
    select res.is_total, res.key, res.label, res.n, ${moneyColumns('res', ranges, currency)}, res.groups, res.later
    from res order by res.is_total, res.total desc, res.key`.execute(tx);
  return r.rows;
}
