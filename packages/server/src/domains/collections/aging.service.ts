// Aging 账龄: open receivables by days past due, grouped by customer, owner, team, region or product line, as of today
// or any past day, in the caller's data scope. Read-only.
import type { z } from 'zod';
import { addDays, addMoney, compareMoney, daysBetween, roundMoney, splitMoney, type AgingDrillQuery, type AgingQuery, type AgingReport, type OverdueListQuery } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { bucketOf, bucketsOf, dueRanges, type Bucket } from './buckets.js';
import { collectionsError } from './collections.errors.js';
import * as q from './aging.sql.js';
import * as s from './aging-summary.sql.js';
import { unappliedAsOf } from './aging-cash.sql.js';

export function scopeOf(auth: AuthContext) {
  return q.scopePredicate(auth.userId, auth.scope);
}

export function openSetFor(auth: AuthContext, asOf: string | undefined, currency: string, today = todayFor(auth)): q.OpenSetOptions {
  const day = asOf ?? today;
  return { asOf: day, projection: day === today, currency, scope: scopeOf(auth) };
}

type Row = AgingReport['rows'][number];

/** A report row from a statement's row, whose money is already text at the currency's scale (q.moneyColumns). */
function shapeRow(r: q.AgingRow, buckets: Bucket[]): Row {
  return { key: r.key, label: r.label, count: r.n, total: r.total, overdue: r.overdue, amounts: buckets.map((_, i) => r[`b${i}`]!) };
}

export async function agingReport(db: Db, auth: AuthContext, query: z.infer<typeof AgingQuery>): Promise<AgingReport> {
  const set = openSetFor(auth, query.asOf, query.currency);
  const buckets = bucketsOf(query.buckets);
  const ranges = dueRanges(buckets, set.asOf);
  const head = { asOf: set.asOf, currency: query.currency, groupBy: query.groupBy, method: set.projection ? 'projection' as const : 'as_of' as const, buckets };
  return inTenant(db, auth, async (tx) => {
    if (query.groupBy === 'product_line') return { ...head, ...(await byProductLine(tx, set, buckets, ranges, query.limit)) };
    const rows = (await fromSummary(tx, set, query.groupBy, ranges, query.limit)) ?? (await q.agingByGroup(tx, set, query.groupBy, ranges, query.limit));
    const total = rows.find((r) => r.is_total)!;
    const shaped = rows.filter((r) => !r.is_total).map((r) => shapeRow(r, buckets));
    const totals = shapeRow(total, buckets);
    if (query.groupBy === 'customer') await withUnappliedCash(tx, shaped, totals, total.groups, set);
    return { ...head, rows: shaped, groups: total.groups, totals };
  });
}

/**
 * By customer: each row's unapplied cash as of the day and its net overdue (overdue − unapplied, never below 0) — a
 * customer holding ¥18,000 of unapplied cash against ¥18,000 overdue owes nothing net; finance should apply it. The
 * totals row gets them when every customer is listed.
 */
async function withUnappliedCash(tx: Tx, rows: Row[], totals: Row, groups: number, set: q.OpenSetOptions) {
  const cash = await unappliedAsOf(tx, rows.map((r) => r.key), set.currency, set.asOf);
  const zero = roundMoney('0', set.currency);
  for (const r of rows) {
    const unapplied = cash.get(r.key);
    r.unapplied = unapplied === undefined ? zero : roundMoney(unapplied, set.currency);
    if (r.unapplied === zero) {
      r.netOverdue = r.overdue.startsWith('-') ? zero : r.overdue; // nothing to take off (most customers): no arithmetic
      continue;
    }
    const net = addMoney([r.overdue, `-${r.unapplied}`], set.currency);
    r.netOverdue = compareMoney(net, '0') > 0 ? net : zero;
  }
  if (groups <= rows.length) {
    totals.unapplied = addMoney(rows.map((r) => r.unapplied!), set.currency);
    totals.netOverdue = addMoney(rows.map((r) => r.netOverdue!), set.currency);
  }
}

/**
 * The unscoped report from the aging summary (migration 020) when it can answer: totals as of any day, by customer as
 * of today; as of today only while nothing is dated after today (else the projection answers). null: read the open set.
 */
async function fromSummary(tx: Tx, set: q.OpenSetOptions, groupBy: q.Grouping, ranges: q.Range[], limit: number) {
  if (set.scope !== null || (groupBy !== 'none' && !(groupBy === 'customer' && set.projection))) return null;
  const rows = groupBy === 'none'
    ? await s.summaryTotals(tx, set.currency, set.asOf, ranges, set.projection)
    : await s.summaryByCustomer(tx, set.currency, set.asOf, ranges, limit);
  return rows.some((r) => r.later) ? null : rows;
}

/**
 * Product lines: a contract spanning several lines has each bucket amount split by the lines' amounts (largest
 * remainder, so the parts add back to the bucket to the cent); a receivable without a contract is 'unassigned'.
 */
async function byProductLine(tx: Tx, set: q.OpenSetOptions, buckets: Bucket[], ranges: q.Range[], limit: number) {
  const rows = await q.agingByProductLine(tx, set, ranges);
  const acc = new Map<string, { n: number; amounts: string[]; overdue: string }>();
  const add = (key: string, n: number, amounts: string[], overdue: string) => {
    const a = acc.get(key) ?? { n: 0, amounts: buckets.map(() => '0.00'), overdue: '0.00' };
    acc.set(key, { n: a.n + n, amounts: a.amounts.map((x, i) => addMoney([x, amounts[i]!], set.currency)), overdue: addMoney([a.overdue, overdue], set.currency) });
  };
  const bucketAmounts = (r: q.ProductLineRow) => buckets.map((_, i) => String(r[`b${i}`]));
  const overdueOf = (amounts: string[]) => addMoney(amounts.slice(1), set.currency);
  const splits = rows.filter((r) => r.split_contract);
  const weights = await q.productLineWeights(tx, splits.map((r) => r.split_contract!));
  const byContract = new Map<string, Array<{ line: string; weight: string }>>();
  for (const w of weights) byContract.set(w.contract_id, [...(byContract.get(w.contract_id) ?? []), { line: w.line, weight: w.weight }]);
  for (const r of rows) {
    const amounts = bucketAmounts(r);
    if (!r.split_contract) {
      add(r.key ?? 'unassigned', r.n, amounts, overdueOf(amounts));
      continue;
    }
    const lines = byContract.get(r.split_contract)!;
    const parts = amounts.map((amount) => splitMoney(amount, lines.map((l) => l.weight), set.currency));
    lines.forEach((l, li) => {
      const mine = parts.map((p) => p[li]!);
      add(l.line, r.n, mine, overdueOf(mine));
    });
  }
  const all = [...acc.entries()].map(([key, a]) => ({ key, label: key, count: a.n, total: addMoney(a.amounts, set.currency), overdue: a.overdue, amounts: a.amounts }));
  all.sort((a, b) => compareMoney(b.total, a.total) || a.key.localeCompare(b.key));
  const totals: Row = {
    key: 'total', label: 'Total', count: all.reduce((s, r) => s + r.count, 0), total: addMoney(all.map((r) => r.total), set.currency),
    overdue: addMoney(all.map((r) => r.overdue), set.currency), amounts: buckets.map((_, i) => addMoney(all.map((r) => r.amounts[i]!), set.currency)),
  };
  return { rows: all.slice(0, limit), groups: all.length, totals };
}

function bucketWhere(buckets: Bucket[], asOf: string, bucket: string | undefined) {
  if (!bucket) return [];
  if (bucket === 'overdue') return [q.rangeWhere({ from: null, to: addDays(asOf, -1) })];
  const i = buckets.findIndex((b) => b.key === bucket);
  if (i < 0) throw collectionsError('bad_bucket', `bucket must be one of ${['overdue', ...buckets.map((b) => b.key)].join(', ')}`, { errors: [{ path: 'bucket', message: 'unknown bucket' }] });
  return [q.rangeWhere(dueRanges(buckets, asOf)[i]!)];
}

async function page(tx: Tx, set: q.OpenSetOptions, buckets: Bucket[], where: ReturnType<typeof q.groupFilter>[], cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
  const rows = await q.openReceivables(tx, set, where, after, limit);
  const items = rows.slice(0, limit).map((r) => {
    const days = daysBetween(r.due_date, set.asOf);
    return {
      id: r.id, number: r.number, customer: { id: r.customer_id, name: r.customer_name },
      contract: r.contract_id ? { id: r.contract_id, number: r.contract_number ?? '' } : null,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, currency: r.currency,
      amount: addMoney([r.amount], set.currency), amountOpen: addMoney([r.open], set.currency), businessDate: r.business_date, dueDate: r.due_date,
      daysOverdue: Math.max(0, days), bucket: bucketOf(buckets, days).key,
    };
  });
  const last = items[items.length - 1];
  return { asOf: set.asOf, items, nextCursor: rows.length > limit && last ? encodeCursor([last.dueDate, last.id]) : null };
}

/** The receivables behind one cell of the report (a row key and a bucket), oldest due first. */
export async function agingDrillDown(db: Db, auth: AuthContext, query: z.infer<typeof AgingDrillQuery>) {
  const set = openSetFor(auth, query.asOf, query.currency);
  const buckets = bucketsOf(query.buckets);
  const where = [...bucketWhere(buckets, set.asOf, query.bucket)];
  if (query.key !== undefined && query.groupBy !== 'none') where.push(q.groupFilter(query.groupBy, query.key));
  return inTenant(db, auth, (tx) => page(tx, set, buckets, where.length ? where : [q.rangeWhere({ from: null, to: null })], query.cursor, query.limit));
}

/** Overdue receivables 逾期清单 as of a day, at least `minDays` past due, oldest first. */
export async function overdueList(db: Db, auth: AuthContext, query: z.infer<typeof OverdueListQuery>) {
  const set = openSetFor(auth, query.asOf, query.currency);
  const where = [q.rangeWhere({ from: null, to: addDays(set.asOf, -query.minDays) })];
  if (query.customerId) where.push(q.groupFilter('customer', query.customerId));
  if (query.ownerId) where.push(q.groupFilter('owner', query.ownerId));
  return inTenant(db, auth, (tx) => page(tx, set, bucketsOf(), where, query.cursor, query.limit));
}

export async function topOverdue(db: Db, auth: AuthContext, query: { asOf?: string | undefined; currency: string; limit: number }) {
  const set = openSetFor(auth, query.asOf, query.currency);
  const rows = await inTenant(db, auth, (tx) => q.topOverdueCustomers(tx, set, query.limit));
  return {
    asOf: set.asOf,
    items: rows.map((r) => ({
      customer: { id: r.customer_id, name: r.name }, owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
      overdue: addMoney([r.overdue], set.currency), open: addMoney([r.open], set.currency), count: r.n, maxDaysOverdue: r.max_days,
    })),
  };
}
