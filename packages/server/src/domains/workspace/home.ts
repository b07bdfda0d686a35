// The home pages by role: money figures and a to-do list that links to the records. Read-only; every figure comes from
// home.sql.ts in the caller's data scope. Sales rep: due this week, overdue, contracts in approval, follow-ups due.
// Manager: the team's collection rate 回款率 this month and overdue by rep. Finance: payments to confirm, unapplied cash,
// bad-debt requests, DSO. Executive (and admin): contracted, invoiced and collected this month and year vs last year.
import { z } from 'zod';
import { addDays, roundMoney, dec } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import { inTenant, type Db } from '../../platform/db.js';
import { requireAuth, type AuthContext } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import * as q from './home.sql.js';

const CUR = 'CNY';
const m = (v: string) => roundMoney(v, CUR);
const TODO_LIMIT = 8;

const Sum = z.object({ count: z.number().int(), amount: z.string() });
const Period = z.object({ contracted: z.string(), invoiced: z.string(), collected: z.string() });
const Todo = z.object({
  kind: z.enum(['overdue_receivable', 'due_receivable', 'contract_in_approval', 'follow_up', 'payment_to_confirm', 'unapplied_payment', 'bad_debt_request']),
  id: z.string(), number: z.string().nullable(), title: z.string(), amount: z.string().nullable(), date: z.string().nullable(),
  link: z.string().describe('the web app\'s path of the record'),
});
export const HomeSchema = z.object({
  today: z.string(), currency: z.string(), role: z.string(),
  sales: z.object({ dueThisWeek: Sum, overdue: Sum, contractsInApproval: z.number().int(), followUpsDue: z.number().int() }).nullable(),
  team: z.object({
    dueThisMonth: z.string(), collectedOfDueThisMonth: z.string(), collectionRate: z.string().nullable().describe('percent, 1 decimal; null when nothing falls due'),
    overdueByOwner: z.array(z.object({ ownerId: z.string().nullable(), ownerName: z.string().nullable(), count: z.number().int(), amount: z.string() })),
  }).nullable(),
  finance: z.object({ paymentsToConfirm: Sum, unapplied: Sum, badDebtRequests: Sum, arOpen: z.string(), dsoDays: z.number().nullable() }).nullable(),
  executive: z.object({ month: Period, monthLastYear: Period, year: Period, yearLastYear: Period }).nullable(),
  todo: z.array(Todo),
});
type Home = z.infer<typeof HomeSchema>;
type TodoItem = Home['todo'][number];

function lastYear(d: string): string {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${y}-${md}`;
}

export async function homeFor(db: Db, auth: AuthContext): Promise<Home> {
  const today = todayFor(auth);
  const weekEnd = addDays(today, 7);
  const monthStart = `${today.slice(0, 8)}01`;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const role = auth.role;
  const sales = role === 'sales_rep' || role === 'sales_manager';
  const finance = role === 'finance' || role === 'admin';
  const executive = role === 'executive' || role === 'admin';
  return inTenant(db, auth, async (tx) => {
    const todo: TodoItem[] = [];
    let salesFigures: Home['sales'] = null;
    let team: Home['team'] = null;
    let fin: Home['finance'] = null;
    let exec: Home['executive'] = null;
    if (sales) {
      const f = await q.receivableFigures(tx, auth.userId, auth.scope, today, weekEnd);
      const contracts = await q.contractsInApproval(tx, auth.userId, auth.scope, TODO_LIMIT);
      const follow = await q.followUpsDue(tx, auth.userId, auth.scope, today, TODO_LIMIT);
      salesFigures = {
        dueThisWeek: { count: f.dueThisWeek.count, amount: m(f.dueThisWeek.amount) }, overdue: { count: f.overdue.count, amount: m(f.overdue.amount) },
        contractsInApproval: contracts[0]?.total ?? 0, followUpsDue: follow[0]?.total ?? 0,
      };
      for (const r of await q.receivablesToChase(tx, auth.userId, auth.scope, weekEnd, TODO_LIMIT)) {
        todo.push({ kind: r.due_date < today ? 'overdue_receivable' : 'due_receivable', id: r.id, number: r.number, title: r.customer_name, amount: m(r.amount_open), date: r.due_date, link: `/receivables?id=${r.id}` });
      }
      for (const c of contracts) todo.push({ kind: 'contract_in_approval', id: c.id, number: c.number, title: `${c.title} · ${c.customer_name}`, amount: m(c.amount), date: null, link: `/contracts/${c.id}` });
      for (const x of follow) todo.push({ kind: 'follow_up', id: x.customer_id, number: null, title: `${x.customer_name}${x.next_step ? ` · ${x.next_step}` : ''}`, amount: null, date: x.next_date, link: `/customers/${x.customer_id}` });
    }
    if (role === 'sales_manager' || executive) {
      const t = await q.teamFigures(tx, auth.userId, auth.scope, monthStart, `${today.slice(0, 8)}${String(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`, today);
      const collected = dec(t.dueThisMonth).minus(t.openOfDueThisMonth);
      team = {
        dueThisMonth: m(t.dueThisMonth), collectedOfDueThisMonth: m(collected.toString()),
        collectionRate: dec(t.dueThisMonth).isZero() ? null : collected.div(t.dueThisMonth).times(100).toFixed(1),
        overdueByOwner: t.overdueByOwner.map((o) => ({ ownerId: o.owner_id, ownerName: o.owner_name, count: o.count, amount: m(o.amount) })),
      };
    }
    if (finance) {
      const f = await q.financeFigures(tx, addDays(today, -90), today);
      const billed = dec(f.billed_90);
      fin = {
        paymentsToConfirm: { count: f.claimed_count, amount: m(f.claimed_amount) }, unapplied: { count: f.unapplied_count, amount: m(f.unapplied_amount) },
        badDebtRequests: { count: f.bad_debt_count, amount: m(f.bad_debt_amount) }, arOpen: m(f.ar_open),
        // DSO over the last 90 days: open receivables ÷ billed × 90
        dsoDays: billed.isZero() ? null : Number(dec(f.ar_open).div(billed).times(90).toFixed(1)),
      };
      for (const p of await q.paymentsToWork(tx, TODO_LIMIT)) {
        const confirm = p.status !== 'confirmed';
        todo.push({ kind: confirm ? 'payment_to_confirm' : 'unapplied_payment', id: p.id, number: p.number, title: p.customer_name ?? p.payer_name ?? '—',
          amount: m(confirm ? p.amount : p.amount_unapplied), date: p.received_on, link: confirm || !p.customer_id ? `/payments?status=${p.status}` : `/write-off?customerId=${p.customer_id}&paymentId=${p.id}` });
      }
      for (const b of await q.pendingBadDebts(tx, TODO_LIMIT)) {
        todo.push({ kind: 'bad_debt_request', id: b.id, number: b.number, title: b.customer_name, amount: m(b.amount), date: b.created_at.slice(0, 10), link: '/approvals' });
      }
    }
    if (executive) {
      const period = async (from: string, to: string) => {
        const r = await q.moneyBetween(tx, from, to);
        return { contracted: m(r.contracted), invoiced: m(r.invoiced), collected: m(r.collected) };
      };
      exec = {
        month: await period(monthStart, today), monthLastYear: await period(lastYear(monthStart), lastYear(today)),
        year: await period(yearStart, today), yearLastYear: await period(lastYear(yearStart), lastYear(today)),
      };
    }
    return { today, currency: CUR, role, sales: salesFigures, team, finance: fin, executive: exec, todo };
  });
}

export function homeRoutes(app: App, db: Db) {
  app.get('/api/v1/home', {
    schema: {
      operationId: 'getHome', summary: 'Get the caller\'s home page: money figures and to-dos by role', tags: ['home'],
      description: 'Figures in the caller\'s data scope, amounts in the book currency. Sections by role: sales (reps, managers), team (managers, executives, admins), finance (finance, admins), executive (executives, admins). Each to-do links to its record in the web app.',
      response: { 200: HomeSchema },
    },
  }, async (req) => homeFor(db, requireAuth(req)));
}
