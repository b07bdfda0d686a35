// Kanban, funnel and forecast over the caller's data scope.
//
// Forecast of a period (a month 2026-12 or a quarter 2026-Q4), per rep or team and currency — what each figure means:
//   won       opportunities won with their close day in the period;
//   commit    won + open ones the rep put in the commit category, closing in the period;
//   bestCase  commit + open ones in best case;
//   pipeline  every open one closing in the period (not omitted), whatever its category;
//   weighted  won + each open one's amount × its stage's probability.
// A manager's adjustment is kept beside the system figure (a fact: who, when, why, and the system figure at that
// moment); the latest one per subject, category and currency is shown, the earlier ones are its history.
import { z } from 'zod';
import { addMoney, dec, endOfMonth, roundMoney, type Forecast, type ForecastAdjustmentInput, type ForecastQuery, type Funnel, type FunnelQuery, type Kanban, type KanbanQuery } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { todayFor } from '../../platform/clock.js';
import { opportunityError } from './opportunities.errors.js';
import { ensureDefaultProcessTx, processWithStagesTx } from './processes.service.js';
import { scopeOf, toSummary } from './opportunities.service.js';
import * as q from './opportunities.sql.js';
import * as pq from './pipeline.sql.js';

const KANBAN_CARDS_PER_STAGE = 50;

async function processOrDefault(tx: Parameters<typeof processWithStagesTx>[0], auth: AuthContext, processId: string | undefined) {
  const id = processId ?? await ensureDefaultProcessTx(tx, auth);
  const p = await processWithStagesTx(tx, id);
  if (!p) throw opportunityError('process_not_found', undefined, { errors: [{ path: 'process', message: 'no such sales process' }] });
  return p;
}

export async function kanban(db: Db, auth: AuthContext, query: z.infer<typeof KanbanQuery>): Promise<Kanban> {
  return inTenant(db, auth, async (tx) => {
    const p = await processOrDefault(tx, auth, query.process);
    const where = [scopeOf(auth), ...q.listWhere({ ownerId: query.ownerId })];
    const [cards, totals] = [await q.kanbanCards(tx, p.id, where, KANBAN_CARDS_PER_STAGE), await q.kanbanTotals(tx, p.id, where)];
    return {
      process: { id: p.id, name: p.name },
      columns: p.stages.filter((s) => s.kind === 'open').map((stage) => {
        const t = totals.filter((x) => x.stage_id === stage.id);
        return {
          stage, count: t.reduce((n, x) => n + x.n, 0),
          totals: t.map((x) => ({ currency: x.currency, amount: roundMoney(x.amount, x.currency), weighted: roundMoney(x.weighted, x.currency) })),
          cards: cards.filter((c) => c.stage_id === stage.id).map(toSummary),
        };
      }),
    };
  });
}

export async function funnel(db: Db, auth: AuthContext, query: z.infer<typeof FunnelQuery>): Promise<Funnel> {
  return inTenant(db, auth, async (tx) => {
    const p = await processOrDefault(tx, auth, query.process);
    const today = todayFor(auth);
    const to = query.to ?? today;
    const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const tz = auth.timeZone ?? 'Asia/Shanghai';
    const scope = scopeOf(auth);
    const [rows, outcomes] = [await pq.funnelStages(tx, p.id, from, to, tz, scope, query.ownerId ?? null), await pq.funnelOutcomes(tx, p.id, from, to, tz, scope, query.ownerId ?? null)];
    const wonRows = outcomes.filter((o) => o.status === 'won');
    const won = wonRows.reduce((n, o) => n + o.n, 0);
    const lost = outcomes.filter((o) => o.status === 'lost').reduce((n, o) => n + o.n, 0);
    const kanbanTotals = await q.kanbanTotals(tx, p.id, [scope, ...q.listWhere({ ownerId: query.ownerId })]);
    return {
      process: { id: p.id, name: p.name }, from, to,
      stages: rows.map((r, i) => {
        const next = rows[i + 1];
        const open = kanbanTotals.filter((t) => t.stage_id === r.id);
        return {
          stage: { id: r.id, name: r.name, kind: r.kind }, reached: r.reached,
          conversionToNext: next && r.reached > 0 ? dec(next.reached).times(100).div(r.reached).toDecimalPlaces(1).toFixed(1) : null,
          avgDaysInStage: r.avg_days, open: open.reduce((n, t) => n + t.n, 0),
          openAmounts: open.map((t) => ({ currency: t.currency, amount: roundMoney(t.amount, t.currency) })),
        };
      }),
      won, lost, winRate: won + lost > 0 ? dec(won).times(100).div(won + lost).toDecimalPlaces(1).toFixed(1) : null,
      wonAmounts: wonRows.map((o) => ({ currency: o.currency, amount: roundMoney(o.amount, o.currency) })),
    };
  });
}

/** The first and last day of a period: a month (2026-12) or a quarter (2026-Q4). */
export function periodRange(period: string): { from: string; to: string } {
  const [y, p] = period.split('-') as [string, string];
  if (p.startsWith('Q')) {
    const q1 = (Number(p.slice(1)) - 1) * 3 + 1;
    const from = `${y}-${String(q1).padStart(2, '0')}-01`;
    return { from, to: endOfMonth(`${y}-${String(q1 + 2).padStart(2, '0')}-01`) };
  }
  return { from: `${y}-${p}-01`, to: endOfMonth(`${y}-${p}-01`) };
}

type Category = 'commit' | 'best_case' | 'pipeline' | 'weighted';

function systemFigures(s: pq.ForecastSums) {
  const c = s.currency;
  const commit = addMoney([s.won, s.commit_open], c);
  return {
    won: roundMoney(s.won, c), commit, best_case: addMoney([commit, s.best_open], c), pipeline: roundMoney(s.pipeline, c),
    weighted: addMoney([s.won, s.weighted_open], c),
  };
}

export async function forecast(db: Db, auth: AuthContext, query: z.infer<typeof ForecastQuery>): Promise<Forecast> {
  return inTenant(db, auth, async (tx) => {
    const { from, to } = periodRange(query.period);
    const sums = await pq.forecastSums(tx, from, to, query.groupBy, scopeOf(auth));
    const adjustments = await pq.latestAdjustments(tx, query.period, query.groupBy);
    const rows = sums.map((s) => {
      const fig = systemFigures(s);
      const figure = (cat: Category) => {
        const a = adjustments.find((x) => x.subject_id === s.subject_id && x.category === cat && x.currency === s.currency);
        return {
          system: fig[cat], adjusted: a ? roundMoney(a.adjusted_amount, s.currency) : null, adjustedBy: a ? { id: a.author_id, name: a.author_name } : null,
          adjustedAt: a?.at ?? null, reason: a?.reason ?? null,
        };
      };
      return {
        subjectKind: query.groupBy, subject: { id: s.subject_id ?? '', name: s.subject_name ?? '' }, currency: s.currency, won: fig.won,
        commit: figure('commit'), bestCase: figure('best_case'), pipeline: figure('pipeline'), weighted: figure('weighted'),
        openCount: s.open_count, wonCount: s.won_count,
      };
    });
    const currencies = [...new Set(rows.map((r) => r.currency))];
    return {
      period: query.period, from, to, groupBy: query.groupBy, rows,
      totals: currencies.map((c) => {
        const rs = rows.filter((r) => r.currency === c);
        return {
          currency: c, won: addMoney(rs.map((r) => r.won), c), commit: addMoney(rs.map((r) => r.commit.system), c),
          bestCase: addMoney(rs.map((r) => r.bestCase.system), c), pipeline: addMoney(rs.map((r) => r.pipeline.system), c),
          weighted: addMoney(rs.map((r) => r.weighted.system), c),
        };
      }),
    };
  });
}

export async function adjustForecast(db: Db, auth: AuthContext, input: z.infer<typeof ForecastAdjustmentInput>) {
  return inTenant(db, auth, async (tx) => {
    const subjectOk = input.subjectKind === 'rep'
      ? await q.userInScope(tx, input.subjectId, auth.userId, auth.scope)
      : !!(await pq.teamInScope(tx, input.subjectId, auth.userId, auth.scope));
    if (!subjectOk) throw opportunityError('subject_not_found', undefined, { errors: [{ path: 'subjectId', message: 'no such rep or team in your scope' }] });
    const { from, to } = periodRange(input.period);
    const sums = (await pq.forecastSums(tx, from, to, input.subjectKind, scopeOf(auth))).find((s) => s.subject_id === input.subjectId && s.currency === input.currency);
    const systemAmount = sums ? systemFigures(sums)[input.category] : roundMoney('0', input.currency);
    const id = await pq.insertAdjustment(tx, auth.tenantId, {
      period: input.period, subjectKind: input.subjectKind, subjectId: input.subjectId, category: input.category, currency: input.currency,
      systemAmount, adjustedAmount: roundMoney(input.amount, input.currency), reason: input.reason, authorId: auth.userId,
    });
    await recordAudit(tx, auth, {
      action: 'create', entityType: 'forecast_adjustment', entityId: id, before: null,
      after: { period: input.period, subjectKind: input.subjectKind, subjectId: input.subjectId, category: input.category, currency: input.currency, systemAmount, adjustedAmount: roundMoney(input.amount, input.currency), reason: input.reason },
    });
    return (await pq.adjustmentsOf(tx, input.period, input.subjectKind, input.subjectId)).map(toAdjustment).find((a) => a.id === id)!;
  });
}

function toAdjustment(a: Awaited<ReturnType<typeof pq.adjustmentsOf>>[number]) {
  return {
    id: a.id, period: a.period, subjectKind: a.subject_kind, subjectId: a.subject_id, category: a.category, currency: a.currency,
    systemAmount: roundMoney(a.system_amount, a.currency), adjustedAmount: roundMoney(a.adjusted_amount, a.currency), reason: a.reason,
    author: { id: a.author_id, name: a.author_name }, at: a.at,
  };
}

/** The adjustments of a period in the caller's scope (a rep sees those about herself). */
export async function listAdjustments(db: Db, auth: AuthContext, query: { period: string; subjectKind?: 'rep' | 'team' | undefined; subjectId?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const rows = await pq.adjustmentsOf(tx, query.period, query.subjectKind ?? null, query.subjectId ?? null);
    const out = [];
    for (const a of rows) {
      const visible = a.subject_kind === 'rep' ? await q.userInScope(tx, a.subject_id, auth.userId, auth.scope) || a.subject_id === auth.userId
        : !!(await pq.teamInScope(tx, a.subject_id, auth.userId, auth.scope));
      if (visible) out.push(toAdjustment(a));
    }
    return { items: out };
  });
}
