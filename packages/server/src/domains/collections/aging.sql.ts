// Aging queries only. Every report reads one "open set": the invoices open as of a day, with their open amount then.
//   today:     the amount_open projection (index-only scan of receivables_open_aging);
//   past day:  open then = open now + what was applied after that day (allocations dated later, reversals negative).
// The second form equals |amount| − allocations up to that day, because every write-off transaction checks that
// amount = applied + open for the customer; it only reads allocations after the day instead of all of them.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface OpenSetOptions {
  asOf: string;
  /** Read the projection (asOf is today) instead of adding back later allocations. */
  projection: boolean;
  currency: string;
  /** Data-scope predicate over receivables r and customers c; null = the whole tenant (no customer join needed). */
  scope: RawBuilder<unknown> | null;
}

/** Columns: id, customer_id, owner_id, contract_id, due_date, open (> 0). */
export function openSet(o: OpenSetOptions): RawBuilder<unknown> {
  const join = o.scope ? sql`join customers c on c.id = r.customer_id` : sql``;
  const scope = o.scope ?? sql`true`;
  const common = sql`r.kind = 'invoice' and r.currency = ${o.currency} and r.business_date <= ${o.asOf}::date and ${scope}`;
  if (o.projection) {
    return sql`(select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, r.amount_open as open
      from receivables r ${join} where r.amount_open > 0 and ${common})`;
  }
  return sql`(with later as (
        select a.receivable_id, sum(a.amount) as amount from allocations a where a.applied_on > ${o.asOf}::date group by a.receivable_id)
      select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, r.amount_open + coalesce(l.amount, 0) as open
      from receivables r ${join} left join later l on l.receivable_id = r.id
      where r.amount_open > 0 and r.amount_open + coalesce(l.amount, 0) > 0 and ${common}
      union all
      select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, l.amount as open
      from later l join receivables r on r.id = l.receivable_id ${join}
      where r.amount_open = 0 and l.amount > 0 and ${common})`;
}

export interface Range { from: string | null; to: string | null }

export function rangeWhere(r: Range): RawBuilder<unknown> {
  const lo = r.from === null ? sql`true` : sql`o.due_date >= ${r.from}::date`;
  const hi = r.to === null ? sql`true` : sql`o.due_date <= ${r.to}::date`;
  return sql`${lo} and ${hi}`;
}

function bucketSums(ranges: Range[]): RawBuilder<unknown> {
  return sql.join(ranges.map((r, i) => sql`coalesce(sum(o.open) filter (where ${rangeWhere(r)}), 0) as ${sql.raw(`b${i}`)}`));
}

export type Grouping = 'none' | 'customer' | 'owner' | 'team' | 'region';

/** Group key over the open set o (text; 'unassigned' when there is none), and the joins it needs. */
const GROUP: Record<Grouping, { key: RawBuilder<unknown>; join: RawBuilder<unknown>; label: RawBuilder<unknown>; labelJoin: RawBuilder<unknown> }> = {
  none: { key: sql`'all'`, join: sql``, label: sql`'All'`, labelJoin: sql`` },
  customer: { key: sql`o.customer_id::text`, join: sql``, label: sql`coalesce(x.name, t.key)`, labelJoin: sql`left join customers x on x.id = t.key::uuid` },
  owner: {
    key: sql`coalesce(o.owner_id::text, 'unassigned')`, join: sql``,
    label: sql`coalesce(x.name, 'unassigned')`, labelJoin: sql`left join users x on x.id = nullif(t.key, 'unassigned')::uuid`,
  },
  team: {
    key: sql`coalesce(u.team_id::text, 'unassigned')`, join: sql`left join users u on u.id = o.owner_id`,
    label: sql`coalesce(x.name, 'unassigned')`, labelJoin: sql`left join teams x on x.id = nullif(t.key, 'unassigned')::uuid`,
  },
  region: {
    key: sql`coalesce(nullif(cr.region, ''), 'unassigned')`, join: sql`join customers cr on cr.id = o.customer_id`,
    label: sql`t.key`, labelJoin: sql``,
  },
};

export interface AgingRow { is_total: boolean; key: string; label: string; n: number; total: string; overdue: string; groups: number; [bucket: `b${number}`]: string }

/** One statement: the first `limit` groups by open amount, and a totals row over every group. */
export async function agingByGroup(tx: Tx, set: OpenSetOptions, grouping: Grouping, ranges: Range[], limit: number): Promise<AgingRow[]> {
  const g = GROUP[grouping];
  const cols = sql.join(ranges.map((_, i) => sql.ref(`b${i}`)));
  const sumCols = sql.join(ranges.map((_, i) => sql`coalesce(sum(${sql.ref(`b${i}`)}), 0) as ${sql.raw(`b${i}`)}`));
  const r = await sql<AgingRow>`
    with agg as (
      select ${g.key} as key, count(*)::int as n, sum(o.open) as total,
        coalesce(sum(o.open) filter (where o.due_date < ${set.asOf}::date), 0) as overdue, ${bucketSums(ranges)}
      from ${openSet(set)} o ${g.join}
      group by 1),
    top as (select * from agg order by total desc, key limit ${limit})
    select false as is_total, t.key, ${g.label} as label, t.n, t.total, t.overdue, ${cols}, 0 as groups
    from top t ${g.labelJoin}
    union all
    select true, 'total', 'Total', coalesce(sum(n), 0)::int, coalesce(sum(total), 0), coalesce(sum(overdue), 0), ${sumCols}, count(*)::int
    from agg
    order by 1, 5 desc, 2`.execute(tx);
  return r.rows;
}

const PRODUCT_LINE = sql`coalesce(nullif(upper(split_part(trim(l.product_code), '-', 1)), ''), 'OTHER')`;

export interface ProductLineRow { key: string | null; split_contract: string | null; n: number; total: string; overdue: string; [bucket: `b${number}`]: string }

/**
 * Product lines come from the receivable's contract lines (the product code's prefix before '-'). A contract in one
 * product line is grouped here; a contract spanning several comes back per contract, to be split by line amounts.
 */
export async function agingByProductLine(tx: Tx, set: OpenSetOptions, ranges: Range[]): Promise<ProductLineRow[]> {
  const r = await sql<ProductLineRow>`
    with o as materialized (select * from ${openSet(set)} s),
    pl as (
      select l.contract_id, count(distinct ${PRODUCT_LINE})::int as lines, min(${PRODUCT_LINE}) as only_line, sum(l.amount_incl_tax) as weight
      from contract_lines l where l.contract_id in (select contract_id from o where contract_id is not null)
      group by l.contract_id)
    select case when pl.contract_id is null then 'unassigned' when pl.lines = 1 then pl.only_line
                when pl.weight <= 0 then 'unassigned' end as key,
           case when pl.lines > 1 and pl.weight > 0 then o.contract_id end as split_contract,
           count(*)::int as n, sum(o.open) as total,
           coalesce(sum(o.open) filter (where o.due_date < ${set.asOf}::date), 0) as overdue, ${bucketSums(ranges)}
    from o left join pl on pl.contract_id = o.contract_id
    group by 1, 2`.execute(tx);
  return r.rows;
}

export async function productLineWeights(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  const r = await sql<{ contract_id: string; line: string; weight: string }>`
    select l.contract_id, ${PRODUCT_LINE} as line, sum(l.amount_incl_tax) as weight
    from contract_lines l where l.contract_id = any(${contractIds}::uuid[]) group by 1, 2 order by 1, 2`.execute(tx);
  return r.rows;
}

/** The drill-down's group filter: the rows behind one key of a grouping. */
export function groupFilter(grouping: Grouping | 'product_line', key: string): RawBuilder<unknown> {
  const none = key === 'unassigned';
  switch (grouping) {
    case 'none': return sql`true`;
    case 'customer': return /^[0-9a-f-]{36}$/i.test(key) ? sql`o.customer_id = ${key}::uuid` : sql`false`;
    case 'owner': return none ? sql`o.owner_id is null` : /^[0-9a-f-]{36}$/i.test(key) ? sql`o.owner_id = ${key}::uuid` : sql`false`;
    case 'team': return none ? sql`ou.team_id is null` : /^[0-9a-f-]{36}$/i.test(key) ? sql`ou.team_id = ${key}::uuid` : sql`false`;
    case 'region': return none ? sql`coalesce(c.region, '') = ''` : sql`c.region = ${key}`;
    case 'product_line': return none
      ? sql`not exists (select 1 from contract_lines l where l.contract_id = o.contract_id)`
      : sql`exists (select 1 from contract_lines l where l.contract_id = o.contract_id and ${PRODUCT_LINE} = ${key})`;
  }
}

export interface OpenReceivableRow {
  id: string; number: string; customer_id: string; customer_name: string; contract_id: string | null; contract_number: string | null;
  owner_id: string | null; owner_name: string | null; currency: string; amount: string; open: string; business_date: string; due_date: string;
}

/** The receivables behind a cell, oldest due first, keyset-paged on (due_date, id). */
export async function openReceivables(tx: Tx, set: OpenSetOptions, where: RawBuilder<unknown>[], after: [string, string] | null, limit: number) {
  const conds = [...where];
  if (after) conds.push(sql`(o.due_date, o.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const r = await sql<OpenReceivableRow>`
    select o.id, r.number, o.customer_id, c.name as customer_name, o.contract_id, k.number as contract_number, o.owner_id, u.name as owner_name,
      r.currency, r.amount, o.open, r.business_date, o.due_date
    from ${openSet(set)} o join receivables r on r.id = o.id join customers c on c.id = o.customer_id
      left join contracts k on k.id = o.contract_id left join users u on u.id = o.owner_id left join users ou on ou.id = o.owner_id
    where ${sql.join(conds, sql` and `)}
    order by o.due_date, o.id limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export async function topOverdueCustomers(tx: Tx, set: OpenSetOptions, limit: number) {
  const r = await sql<{ customer_id: string; name: string; owner_id: string | null; owner_name: string | null; overdue: string; open: string; n: number; max_days: number }>`
    select o.customer_id, c.name, c.owner_id, u.name as owner_name,
      sum(o.open) filter (where o.due_date < ${set.asOf}::date) as overdue, sum(o.open) as open,
      (count(*) filter (where o.due_date < ${set.asOf}::date))::int as n, max(${set.asOf}::date - o.due_date)::int as max_days
    from ${openSet(set)} o join customers c on c.id = o.customer_id left join users u on u.id = c.owner_id
    group by o.customer_id, c.name, c.owner_id, u.name
    having sum(o.open) filter (where o.due_date < ${set.asOf}::date) > 0
    order by 5 desc, o.customer_id limit ${limit}`.execute(tx);
  return r.rows;
}
