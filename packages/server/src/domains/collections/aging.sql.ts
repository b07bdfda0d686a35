// Aging queries only. Every report reads one "open set": the invoices open as of a day, with their open amount then.
//   today:     the amount_open projection (index-only scan of receivables_open_aging);
//   past day:  open then = open now + what was applied after that day (allocations dated later, reversals negative).
// The second form equals |amount| − allocations up to that day, because every write-off transaction checks that
// amount = applied + open for the customer; it only reads allocations after the day instead of all of them.
import { sql, type RawBuilder } from 'kysely';
import { scaleOf, type DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { receivableScope } from '../receivables/index.js';

export interface OpenSetOptions {
  asOf: string;
  /** Read the projection (asOf is today) instead of adding back later allocations. */
  projection: boolean;
  currency: string;
  /** Data-scope predicate over receivables r (see scopePredicate); null = the whole tenant. */
  scope: RawBuilder<unknown> | null;
}

/** The receivables domain's data scope over r; null for the whole tenant (the report then adds no predicate). */
export function scopePredicate(userId: string, scope: DataScope): RawBuilder<unknown> | null {
  return scope === 'all' ? null : receivableScope(userId, scope);
}

/** Columns: id, customer_id, owner_id, contract_id, due_date, open (> 0). */
export function openSet(o: OpenSetOptions): RawBuilder<unknown> {
  const common = sql`r.kind = 'invoice' and r.currency = ${o.currency} and r.business_date <= ${o.asOf}::date and ${o.scope ?? sql`true`}`;
  if (o.projection) {
    return sql`(select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, r.amount_open as open
      from receivables r where r.amount_open > 0 and ${common})`;
  }
  return sql`(with later as (
        select a.receivable_id, sum(a.amount) as amount from allocations a where a.applied_on > ${o.asOf}::date group by a.receivable_id)
      select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, r.amount_open + coalesce(l.amount, 0) as open
      from receivables r left join later l on l.receivable_id = r.id
      where r.amount_open > 0 and r.amount_open + coalesce(l.amount, 0) > 0 and ${common}
      union all
      select r.id, r.customer_id, r.owner_id, r.contract_id, r.due_date, l.amount as open
      from later l cross join lateral (
        -- One primary-key probe per receivable paid after the day (OFFSET 0 keeps it so): the planner would otherwise
        -- hash every settled receivable of the tenant to find them.
        select r.* from receivables r where r.id = l.receivable_id and r.amount_open = 0 and ${common} offset 0) r
      where l.amount > 0)`;
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

/**
 * Group key over the open set o in its own type (grouping by uuid hashes faster than by its text), the joins it needs,
 * and the row label, looked up per shown row (a few hundred primary-key probes, not a join over every customer).
 */
const GROUP: Record<Grouping, { key: RawBuilder<unknown>; join: RawBuilder<unknown>; label: RawBuilder<unknown> }> = {
  none: { key: sql`'all'::text`, join: sql``, label: sql`'All'` },
  customer: { key: sql`o.customer_id`, join: sql``, label: sql`(select x.name from customers x where x.id = t.key)` },
  owner: { key: sql`o.owner_id`, join: sql``, label: sql`(select x.name from users x where x.id = t.key)` },
  team: { key: sql`u.team_id`, join: sql`left join users u on u.id = o.owner_id`, label: sql`(select x.name from teams x where x.id = t.key)` },
  region: { key: sql`nullif(cr.region, '')`, join: sql`join customers cr on cr.id = o.customer_id`, label: sql`t.key` },
};

/**
 * A report row as the statements return it: the money (total, each bucket b0…, overdue) as text at the currency's
 * scale. Bucket 0 is always "not yet due", so what is overdue is the sum of the others (no extra aggregate per row).
 */
export interface AgingRow { is_total: boolean; key: string; label: string; n: number; total: string; overdue: string; groups: number; [bucket: `b${number}`]: string }

/**
 * The money columns of report rows `from` (numeric total, b0…): text rounded half-up to the currency's scale, as
 * money.ts rounds (the sums of numeric(18,2) amounts are exact; rounding only drops digits of JPY), and overdue, the
 * buckets after the first. In the statement rather than through decimal.js cell by cell: a report of 200 customers
 * has 1,800 amounts, which cost the request 4 ms of CPU (docs/benchmarks.md, session 5).
 */
export function moneyColumns(from: string, ranges: Range[], currency: string): RawBuilder<unknown> {
  const scale = sql.lit(scaleOf(currency));
  const b = ranges.map((_, i) => sql.ref(`${from}.b${i}`));
  const overdue = b.length > 1 ? sql.join(b.slice(1), sql` + `) : sql`0`;
  return sql`round(${sql.ref(`${from}.total`)}, ${scale})::text as total,
    ${sql.join(b.map((x, i) => sql`round(${x}, ${scale})::text as ${sql.raw(`b${i}`)}`))}, round(${overdue}, ${scale})::text as overdue`;
}

/** One statement: the first `limit` groups by open amount, and a totals row over every group. */
export async function agingByGroup(tx: Tx, set: OpenSetOptions, grouping: Grouping, ranges: Range[], limit: number): Promise<AgingRow[]> {
  const g = GROUP[grouping];
  const cols = sql.join(ranges.map((_, i) => sql.ref(`b${i}`)));
  const sumCols = sql.join(ranges.map((_, i) => sql`coalesce(sum(${sql.ref(`b${i}`)}), 0) as ${sql.raw(`b${i}`)}`));
  const r = await sql<AgingRow>`
    with agg as (
      select ${g.key} as key, count(*)::int as n, sum(o.open) as total, ${bucketSums(ranges)}
      from ${openSet(set)} o ${g.join}
      group by 1),
    top as (select * from agg order by total desc, key limit ${limit}),
    res as (
      select false as is_total, coalesce(t.key::text, 'unassigned') as key, coalesce(${g.label}, 'unassigned') as label,
        t.n, t.total, ${cols}, 0 as groups
      from top t
      union all
      select true, 'total', 'Total', coalesce(sum(n), 0)::int, coalesce(sum(total), 0), ${sumCols}, count(*)::int
      from agg)
    select res.is_total, res.key, res.label, res.n, ${moneyColumns('res', ranges, set.currency)}, res.groups
    from res order by res.is_total, res.total desc, res.key`.execute(tx);
  return r.rows;
}

// The catalog's product line of the line's SKU (issue 11 §4); a free-text line without a SKU falls back to the product
// code's prefix before '-', as before the catalog. Product line codes are upper case, so a catalog line SW and old
// lines coded SW-… group together.
const PRODUCT_LINE = sql`coalesce(cat_pl.code, nullif(upper(split_part(trim(l.product_code), '-', 1)), ''), 'OTHER')`;
const LINES = sql`contract_lines l left join skus cat_sku on cat_sku.id = l.sku_id left join spus cat_spu on cat_spu.id = cat_sku.spu_id
  left join product_lines cat_pl on cat_pl.id = cat_spu.product_line_id`;

export interface ProductLineRow { key: string | null; split_contract: string | null; n: number; total: string; [bucket: `b${number}`]: string }

/**
 * Product lines come from the receivable's contract lines (the SKU's catalog product line, or the product code's prefix before '-'). A contract in one
 * product line is grouped here; a contract spanning several comes back per contract, to be split by line amounts.
 */
export async function agingByProductLine(tx: Tx, set: OpenSetOptions, ranges: Range[]): Promise<ProductLineRow[]> {
  const r = await sql<ProductLineRow>`
    with o as materialized (select * from ${openSet(set)} s),
    pl as (
      select l.contract_id, count(distinct ${PRODUCT_LINE})::int as lines, min(${PRODUCT_LINE}) as only_line, sum(l.amount_incl_tax) as weight
      from ${LINES} where l.contract_id in (select contract_id from o where contract_id is not null)
      group by l.contract_id)
    select case when pl.contract_id is null then 'unassigned' when pl.lines = 1 then pl.only_line
                when pl.weight <= 0 then 'unassigned' end as key,
           case when pl.lines > 1 and pl.weight > 0 then o.contract_id end as split_contract,
           count(*)::int as n, sum(o.open) as total, ${bucketSums(ranges)}
    from o left join pl on pl.contract_id = o.contract_id
    group by 1, 2`.execute(tx);
  return r.rows;
}

export async function productLineWeights(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  const r = await sql<{ contract_id: string; line: string; weight: string }>`
    select l.contract_id, ${PRODUCT_LINE} as line, sum(l.amount_incl_tax) as weight
    from ${LINES} where l.contract_id = any(${contractIds}::uuid[]) group by 1, 2 order by 1, 2`.execute(tx);
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
      : sql`exists (select 1 from ${LINES} where l.contract_id = o.contract_id and ${PRODUCT_LINE} = ${key})`;
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
