// The daily dunning run's statements: which steps are due (set-based), the once-per-receivable insert of a step run,
// recipients, and the customers whose unapplied cash covers what they owe. Read-only over receivables, payments,
// customers, contacts, users, teams and credit_profiles (declared by their owners).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

/**
 * What a customer owes today and the confirmed cash it has paid but finance has not applied yet, per currency.
 * `due` is the open amount of invoices due on or before `today`.
 */
const DUE_AND_CASH = (today: string) => sql`
  due as (select r.customer_id, r.currency, sum(r.amount_open) as due from receivables r
    where r.kind = 'invoice' and r.amount_open > 0 and r.due_date <= ${today}::date group by r.customer_id, r.currency),
  cash as (select p.customer_id, p.currency, sum(p.amount_unapplied) as unapplied from payments p
    where p.status = 'confirmed' and p.amount_unapplied > 0 and p.received_on <= ${today}::date group by p.customer_id, p.currency),
  covered as (select d.customer_id from due d left join cash on cash.customer_id = d.customer_id and cash.currency = d.currency
    group by d.customer_id having bool_and(coalesce(cash.unapplied, 0) >= d.due))`;

export interface DueStep {
  step_id: string; receivable_id: string; customer_id: string; offset_days: number; action: 'notice' | 'email' | 'task' | 'letter' | 'hold';
  recipient: 'customer' | 'owner' | 'manager' | 'finance'; step_name: string; number: string; customer_name: string; currency: string;
  amount_open: string; due_date: string; days: number; customer_overdue: string;
}

/**
 * The steps due today and not yet run, for open invoices of customers not covered by their unapplied cash. A
 * customer's policy is the most specific active one for its grade and risk level (both named, then one, then none;
 * then priority). A step is due when due date + offset ≤ today; to catch up without replaying history, it runs when
 * its day is within the last 7 days, or when it is the receivable's latest due step (a receivable already 90 days
 * late when its policy starts gets its current escalation, not the reminders it missed).
 */
export async function dueSteps(tx: Tx, today: string): Promise<DueStep[]> {
  const r = await sql<DueStep>`
    with ${DUE_AND_CASH(today)},
    open_r as (select r.id, r.number, r.customer_id, r.currency, r.amount_open, r.due_date from receivables r
      where r.kind = 'invoice' and r.amount_open > 0 and r.customer_id not in (select customer_id from covered)),
    pol as (
      select distinct on (c.id) c.id as customer_id, c.name as customer_name, p.id as policy_id
      from customers c left join credit_profiles cp on cp.customer_id = c.id
      join dunning_policies p on p.active and (p.grade is null or p.grade = c.grade) and (p.risk_level is null or p.risk_level = coalesce(cp.risk_level, 'normal'))
      where c.id in (select customer_id from open_r)
      order by c.id, ((p.grade is not null)::int + (p.risk_level is not null)::int) desc, p.priority, p.created_at, p.id),
    due_steps as (
      select s.id as step_id, s.seq, o.id as receivable_id, o.customer_id, s.offset_days, s.action, s.recipient, s.name as step_name, o.number,
        pol.customer_name, o.currency, o.amount_open, o.due_date, (${today}::date - o.due_date) as days, o.due_date + s.offset_days as step_day,
        max(s.offset_days) over (partition by o.id) as latest
      from open_r o join pol on pol.customer_id = o.customer_id join dunning_steps s on s.policy_id = pol.policy_id
      where o.due_date + s.offset_days <= ${today}::date)
    select step_id, receivable_id, customer_id, offset_days, action, recipient, step_name, number, customer_name, currency,
      amount_open::text as amount_open, due_date::text as due_date, days,
      coalesce((select sum(x.amount_open) from receivables x where x.customer_id = d.customer_id and x.kind = 'invoice' and x.amount_open > 0
        and x.due_date < ${today}::date and x.currency = d.currency), 0)::text as customer_overdue
    from due_steps d
    where (d.step_day > ${today}::date - 7 or d.offset_days = d.latest)
      and not exists (select 1 from dunning_step_runs x where x.step_id = d.step_id and x.receivable_id = d.receivable_id)
    order by d.receivable_id, d.offset_days, d.seq`.execute(tx);
  return r.rows;
}

/** The run of one step for one receivable, once ever: undefined when it ran already (another process, a rerun). */
export async function insertRun(tx: Tx, tenantId: string, s: DueStep, today: string, detail: Record<string, unknown>) {
  return tx.insertInto('dunning_step_runs').values({
    tenant_id: tenantId, step_id: s.step_id, receivable_id: s.receivable_id, customer_id: s.customer_id, run_on: today, action: s.action, detail: JSON.stringify(detail),
  }).onConflict((oc) => oc.columns(['tenant_id', 'step_id', 'receivable_id']).doNothing()).returning('id').executeTakeFirst();
}

export interface Recipient { id: string; name: string; email: string; locale: string }

/**
 * The users a step goes to: the responsible owner (the receivable's, else the customer's), the manager of the
 * owner's team (or of the nearest team above it that has one), or every active finance user.
 */
export async function recipients(tx: Tx, customerId: string, receivableId: string | null, who: 'owner' | 'manager' | 'finance'): Promise<Recipient[]> {
  if (who === 'finance') {
    return (await sql<Recipient>`select id, name, email, locale from users where role = 'finance' and active order by name, id`.execute(tx)).rows;
  }
  const r = await sql<Recipient>`
    with recursive own as (
      select coalesce((select r.owner_id from receivables r where r.id = ${receivableId}::uuid), c.owner_id) as owner_id from customers c where c.id = ${customerId}),
    up(next_team, manager_id, depth) as (
      select t.parent_id, t.manager_id, 0 from own join users o on o.id = own.owner_id join teams t on t.id = o.team_id
      union all
      select t.parent_id, t.manager_id, up.depth + 1 from up join teams t on t.id = up.next_team where up.manager_id is null and up.depth < 20),
    target as (
      select owner_id as id from own where ${who} = 'owner'
      union all
      (select manager_id from up where ${who} = 'manager' and manager_id is not null order by depth limit 1))
    select u.id, u.name, u.email, u.locale from target join users u on u.id = target.id and u.active`.execute(tx);
  return r.rows;
}

/** Where mail to the customer goes: its primary contact's address, else any contact's. */
export async function customerEmail(tx: Tx, customerId: string): Promise<{ name: string; email: string } | undefined> {
  const r = await sql<{ name: string; email: string }>`select name, email from contacts
    where customer_id = ${customerId} and deleted_at is null and email is not null and email <> ''
    order by is_primary desc, created_at, id limit 1`.execute(tx);
  return r.rows[0];
}

/** Customers whose confirmed unapplied cash covers all they owe today: not chased, listed for finance to apply. */
export async function coveredCustomers(tx: Tx, today: string, scope: ReturnType<typeof sql>) {
  const r = await sql<{ customer_id: string; customer_name: string; currency: string; overdue: string; unapplied: string; owner_id: string | null; owner_name: string | null }>`
    with ${DUE_AND_CASH(today)}
    select c.id as customer_id, c.name as customer_name, d.currency, d.due::text as overdue, cash.unapplied::text as unapplied, c.owner_id, u.name as owner_name
    from covered cv join customers c on c.id = cv.customer_id join due d on d.customer_id = c.id
    join cash on cash.customer_id = c.id and cash.currency = d.currency left join users u on u.id = c.owner_id
    where ${scope} order by d.due desc, c.name, c.id`.execute(tx);
  return r.rows;
}

export async function countCovered(tx: Tx, today: string): Promise<number> {
  const r = await sql<{ n: number }>`with ${DUE_AND_CASH(today)} select count(*)::int as n from covered`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

export async function insertMail(tx: Tx, m: { tenantId: string; stepRunId: string | null; customerId: string; to: string | null; subject: string; body: string; status: 'outbox' | 'queued' }) {
  await tx.insertInto('dunning_mail').values({ tenant_id: m.tenantId, step_run_id: m.stepRunId, customer_id: m.customerId, to_address: m.to, subject: m.subject, body: m.body, status: m.status })
    .onConflict((oc) => oc.columns(['tenant_id', 'step_run_id']).doNothing()).execute();
}

export async function insertTask(tx: Tx, t: { tenantId: string; assigneeId: string; customerId: string; receivableId: string | null; stepRunId: string | null; promiseId: string | null; title: string; dueOn: string }) {
  await tx.insertInto('dunning_tasks').values({ tenant_id: t.tenantId, assignee_id: t.assigneeId, customer_id: t.customerId, receivable_id: t.receivableId,
    step_run_id: t.stepRunId, promise_id: t.promiseId, title: t.title, due_on: t.dueOn }).execute();
}

/**
 * Open promises to judge today: kept as soon as the customer's confirmed payments received since the promise was made
 * reach its amount; broken when its day has passed without that. Returns each with the amount paid so far.
 */
export async function promisesToJudge(tx: Tx, today: string) {
  const r = await sql<{ id: string; customer_id: string; customer_name: string; receivable_id: string | null; collector_id: string; amount: string; currency: string; promised_on: string; paid: string }>`
    select pr.id, pr.customer_id, c.name as customer_name, pr.receivable_id, pr.collector_id, pr.amount::text as amount, pr.currency, pr.promised_on::text as promised_on,
      coalesce((select sum(p.amount) from payments p where p.customer_id = pr.customer_id and p.currency = pr.currency and p.status = 'confirmed'
        and p.received_on >= pr.made_on and p.received_on <= least(pr.promised_on, ${today}::date)), 0)::text as paid
    from promises_to_pay pr join customers c on c.id = pr.customer_id
    where pr.status = 'open' order by pr.promised_on, pr.id for update of pr`.execute(tx);
  return r.rows;
}

export async function resolvePromise(tx: Tx, id: string, status: 'kept' | 'broken', on: string, paid: string): Promise<void> {
  await tx.updateTable('promises_to_pay').set({ status, resolved_on: on, paid_amount: paid }).where('id', '=', id).where('status', '=', 'open').execute();
}
