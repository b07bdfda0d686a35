// Read-only figures of the home pages, in a few set-based statements: each reads its owner's table as a declared
// reader (receivables, payments, contracts, bad-debt requests, follow-ups, customers, users) and applies the caller's
// data scope as the owners do (the record's owner among visible_owner_ids). Amounts in the book currency.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

function ownerIn(column: string, userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`${sql.ref(column)} = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export interface Sum { count: number; amount: string }

/** Open invoices due in [from, to] and overdue before `today`, in the caller's scope. */
export async function receivableFigures(tx: Tx, userId: string, scope: DataScope, today: string, weekEnd: string) {
  const r = await sql<{ due_count: number; due_amount: string; overdue_count: number; overdue_amount: string }>`
    select count(*) filter (where due_date between ${today}::date and ${weekEnd}::date)::int as due_count,
      coalesce(sum(amount_open) filter (where due_date between ${today}::date and ${weekEnd}::date), 0)::text as due_amount,
      count(*) filter (where due_date < ${today}::date)::int as overdue_count,
      coalesce(sum(amount_open) filter (where due_date < ${today}::date), 0)::text as overdue_amount
    from receivables r where r.kind = 'invoice' and r.amount_open > 0 and ${ownerIn('r.owner_id', userId, scope)}`.execute(tx);
  const x = r.rows[0]!;
  return { dueThisWeek: { count: x.due_count, amount: x.due_amount }, overdue: { count: x.overdue_count, amount: x.overdue_amount } };
}

/** The open invoices a person should chase first: overdue, then due this week; oldest due first. */
export async function receivablesToChase(tx: Tx, userId: string, scope: DataScope, weekEnd: string, limit: number) {
  const r = await sql<{ id: string; number: string; customer_id: string; customer_name: string; amount_open: string; due_date: string }>`
    select r.id, r.number, r.customer_id, c.name as customer_name, r.amount_open::text as amount_open, r.due_date::text as due_date
    from receivables r join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
    where r.kind = 'invoice' and r.amount_open > 0 and r.due_date <= ${weekEnd}::date and ${ownerIn('r.owner_id', userId, scope)}
    order by r.due_date, r.number limit ${limit}`.execute(tx);
  return r.rows;
}

export async function contractsInApproval(tx: Tx, userId: string, scope: DataScope, limit: number) {
  const r = await sql<{ id: string; number: string; title: string; customer_name: string; amount: string; total: number }>`
    select k.id, k.number, k.title, c.name as customer_name, k.amount_incl_tax::text as amount, count(*) over ()::int as total
    from contracts k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id
    where k.status = 'in_approval' and ${ownerIn('k.owner_id', userId, scope)}
    order by k.updated_at desc limit ${limit}`.execute(tx);
  return r.rows;
}

/** Follow-ups whose next step is due by `today` on customers the caller owns (or sees), newest plan per customer. */
export async function followUpsDue(tx: Tx, userId: string, scope: DataScope, today: string, limit: number) {
  const r = await sql<{ customer_id: string; customer_name: string; next_step: string | null; next_date: string; total: number }>`
    select distinct on (f.customer_id) f.customer_id, c.name as customer_name, f.next_step, f.next_date::text as next_date, count(*) over ()::int as total
    from followups f join customers c on c.tenant_id = f.tenant_id and c.id = f.customer_id
    where f.next_date <= ${today}::date and c.owner_id is not null and ${ownerIn('c.owner_id', userId, scope)}
      and not exists (select 1 from followups later where later.tenant_id = f.tenant_id and later.customer_id = f.customer_id and later.occurred_at > f.occurred_at)
    order by f.customer_id, f.next_date limit ${limit}`.execute(tx);
  return r.rows;
}

/** Collected (write-offs applied) vs due this month in the caller's scope, and overdue by owner. */
export async function teamFigures(tx: Tx, userId: string, scope: DataScope, monthStart: string, monthEnd: string, today: string) {
  const due = await sql<{ due: string; open: string }>`
    select coalesce(sum(r.amount), 0)::text as due, coalesce(sum(r.amount_open), 0)::text as open
    from receivables r where r.kind = 'invoice' and r.due_date between ${monthStart}::date and ${monthEnd}::date and ${ownerIn('r.owner_id', userId, scope)}`.execute(tx);
  const byOwner = await sql<{ owner_id: string | null; owner_name: string | null; count: number; amount: string }>`
    select r.owner_id, u.name as owner_name, count(*)::int as count, sum(r.amount_open)::text as amount
    from receivables r left join users u on u.tenant_id = r.tenant_id and u.id = r.owner_id
    where r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date and ${ownerIn('r.owner_id', userId, scope)}
    group by r.owner_id, u.name order by sum(r.amount_open) desc limit 20`.execute(tx);
  return { dueThisMonth: due.rows[0]!.due, openOfDueThisMonth: due.rows[0]!.open, overdueByOwner: byOwner.rows };
}

/** Finance's queues (whole tenant: finance sees all): payments to confirm, unapplied cash, bad-debt requests, DSO parts. */
export async function financeFigures(tx: Tx, since90: string, today: string) {
  const r = await sql<{ claimed_count: number; claimed_amount: string; unapplied_count: number; unapplied_amount: string; bad_debt_count: number; bad_debt_amount: string; ar_open: string; billed_90: string }>`
    select
      (select count(*) from payments where status = 'claimed')::int as claimed_count,
      (select coalesce(sum(amount), 0) from payments where status = 'claimed')::text as claimed_amount,
      (select count(*) from payments where status = 'confirmed' and amount_unapplied > 0)::int as unapplied_count,
      (select coalesce(sum(amount_unapplied), 0) from payments where status = 'confirmed' and amount_unapplied > 0)::text as unapplied_amount,
      (select count(*) from bad_debt_requests where status = 'pending')::int as bad_debt_count,
      (select coalesce(sum(amount), 0) from bad_debt_requests where status = 'pending')::text as bad_debt_amount,
      (select coalesce(sum(amount_open), 0) from receivables where kind = 'invoice' and amount_open > 0)::text as ar_open,
      (select coalesce(sum(amount), 0) from receivables where kind = 'invoice' and business_date between ${since90}::date and ${today}::date)::text as billed_90`.execute(tx);
  return r.rows[0]!;
}

export async function paymentsToWork(tx: Tx, limit: number) {
  const r = await sql<{ id: string; number: string; status: string; customer_id: string | null; customer_name: string | null; payer_name: string | null; amount: string; amount_unapplied: string; received_on: string }>`
    select p.id, p.number, p.status, p.customer_id, c.name as customer_name, p.payer_name, p.amount::text as amount, p.amount_unapplied::text as amount_unapplied, p.received_on::text as received_on
    from payments p left join customers c on c.tenant_id = p.tenant_id and c.id = p.customer_id
    where p.status = 'claimed' or (p.status = 'confirmed' and p.amount_unapplied > 0)
    order by case when p.status = 'confirmed' then 1 else 0 end, p.received_on, p.number limit ${limit}`.execute(tx);
  return r.rows;
}

export async function pendingBadDebts(tx: Tx, limit: number) {
  const r = await sql<{ id: string; receivable_id: string; number: string; customer_name: string; amount: string; created_at: string }>`
    select b.id, b.receivable_id, r.number, c.name as customer_name, b.amount::text as amount, b.created_at::text as created_at
    from bad_debt_requests b join receivables r on r.tenant_id = b.tenant_id and r.id = b.receivable_id
      join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
    where b.status = 'pending' order by b.created_at limit ${limit}`.execute(tx);
  return r.rows;
}

/** Contracted (signed), invoiced and collected between two dates, whole tenant (executives see all). */
export async function moneyBetween(tx: Tx, from: string, to: string) {
  const r = await sql<{ contracted: string; invoiced: string; collected: string }>`
    select
      (select coalesce(sum(amount_incl_tax), 0) from contracts where signed_on between ${from}::date and ${to}::date and kind = 'order')::text as contracted,
      (select coalesce(sum(amount), 0) from receivables where kind = 'invoice' and business_date between ${from}::date and ${to}::date)::text as invoiced,
      (select coalesce(sum(amount), 0) from payments where status = 'confirmed' and received_on between ${from}::date and ${to}::date)::text as collected`.execute(tx);
  return r.rows[0]!;
}
