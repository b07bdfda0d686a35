// DSO 应收账款周转天数 and the aging trend: figures for the dashboard, in the caller's data scope. Read-only.
import type { z } from 'zod';
import { addDays, addMoney, addMonths, daysBetween, dec, endOfMonth, startOfMonth, type DsoQuery } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { openSetFor, scopeOf } from './aging.service.js';
import * as aging from './aging.sql.js';
import * as q from './metrics.sql.js';

/** The first day of the month `monthsBack` months before `date`'s month (0 = the same month). */
const monthStart = (date: string, monthsBack = 0) => addMonths(startOfMonth(date), -monthsBack);

/** Month-ends of the `months − 1` months before today's month, then today itself (its month is not over). */
export function trendPoints(today: string, months: number): string[] {
  const points: string[] = [];
  for (let k = months - 1; k >= 1; k--) points.push(endOfMonth(monthStart(today, k)));
  points.push(today);
  return points;
}

export async function agingTrend(db: Db, auth: AuthContext, query: { months: number; currency: string }, today = todayFor(auth)) {
  const points = trendPoints(today, query.months);
  const rows = await inTenant(db, auth, (tx) => q.trendDeltas(tx, { currency: query.currency, scope: scopeOf(auth) }, points));
  // Deltas per point index (1-based): the amount at point j is the running sum of the deltas up to j.
  const at = (m: 'open' | 'overdue', j: number) => addMoney(rows.filter((r) => r.m === m && r.k <= j).map((r) => r.amount), query.currency);
  return {
    currency: query.currency,
    points: points.map((p, i) => ({ month: p.slice(0, 7), asOf: p, open: at('open', i + 1), overdue: at('overdue', i + 1) })),
  };
}

/** Days, one decimal, half-up. */
const days1 = (v: ReturnType<typeof dec>) => v.toDecimalPlaces(1).toFixed(1);

/**
 * DSO two ways.
 *  simple:    open receivables as of asOf ÷ net credit sales of the last `days` days × days.
 *  countback: walk back month by month from asOf (this month up to asOf, then whole months), taking each month's sales
 *             off what is open until it is used up: DSO = the days walked, the last month pro rata. Looks back 24 months.
 */
export async function dso(db: Db, auth: AuthContext, query: z.infer<typeof DsoQuery>) {
  const set = openSetFor(auth, query.asOf, query.currency);
  const asOf = set.asOf;
  const scope = { currency: query.currency, scope: set.scope };
  const { open, sales, monthly } = await inTenant(db, auth, async (tx) => {
    const totals = (await aging.agingByGroup(tx, set, 'none', [{ from: null, to: null }], 1)).find((r) => r.is_total)!;
    // The countback rarely needs more than a few months: read six, and the rest of the two years only if it does.
    const monthly = new Map<string, string>();
    const readMonths = async (from: string, to: string) => {
      for (const d of await q.salesByDay(tx, scope, from, to)) {
        const m = `${d.day.slice(0, 7)}-01`;
        monthly.set(m, addMoney([monthly.get(m) ?? '0', d.s], query.currency));
      }
    };
    await readMonths(monthStart(asOf, 5), asOf);
    if (dec(totals.total).gt(addMoney([...monthly.values()], query.currency))) await readMonths(monthStart(asOf, 23), addDays(monthStart(asOf, 5), -1));
    return { open: totals.total, sales: await q.salesBetween(tx, scope, addDays(asOf, -(query.days - 1)), asOf), monthly };
  });
  const simple = dec(sales).gt(0) ? days1(dec(open).dividedBy(sales).times(query.days)) : null;

  let remaining = dec(open);
  let counted = dec(0);
  const periods: Array<{ from: string; to: string; days: number; sales: string; daysCounted: string }> = [];
  for (let k = 0; k < 24 && remaining.gt(0); k++) {
    const from = monthStart(asOf, k);
    const to = k === 0 ? asOf : endOfMonth(from);
    const length = daysBetween(from, to) + 1;
    const s = dec(monthly.get(from) ?? '0');
    // Money still open is older than a month without sales: the whole month counts.
    const part = s.lte(0) || remaining.gte(s) ? dec(length) : remaining.dividedBy(s).times(length);
    remaining = s.gt(0) ? (remaining.gte(s) ? remaining.minus(s) : dec(0)) : remaining;
    counted = counted.plus(part);
    periods.push({ from, to, days: length, sales: addMoney([s], query.currency), daysCounted: days1(part) });
  }
  return {
    asOf, currency: query.currency, days: query.days, receivablesOpen: addMoney([open], query.currency), creditSales: addMoney([sales], query.currency),
    simpleDso: simple, countbackDso: days1(counted), countbackExhausted: remaining.gt(0), periods,
  };
}
