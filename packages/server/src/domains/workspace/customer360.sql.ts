// The customer 360's reads: one customer's money summary, its one timeline (audit trail, follow-ups and money facts
// merged in SQL, newest first, keyset-paged) and the number + name of records named by ids. Read-only, as a declared
// reader of each owner's tables (customers, followups, contacts, contracts, receivables, write_offs, payments,
// audit_log, users, teams). The data scope is the customer's: its owner among visible_owner_ids (a customer in the
// public pool only for scope 'all', as the accounts and statements answer).
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export async function visibleCustomer(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const visible = scope === 'all' ? sql`true` : sql`c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string; name: string }>`select c.id, c.name from customers c where c.id = ${customerId} and ${visible}`.execute(tx);
  return r.rows[0];
}

/** Per currency: contracted, invoiced, collected, open, overdue, unapplied — exact numeric sums as text. */
export async function moneyByCurrency(tx: Tx, customerId: string, today: string) {
  const r = await sql<{ currency: string; contracted: string; invoiced: string; collected: string; open: string; overdue: string; unapplied: string }>`
    with k as (
      select currency, sum(amount_incl_tax) as contracted from contracts
      where customer_id = ${customerId} and kind = 'order' and signed_on is not null and status <> 'terminated' group by currency
    ), r as (
      select currency, sum(case when kind = 'invoice' then amount else -amount end) as invoiced,
        sum(amount_open) filter (where kind = 'invoice') as open,
        sum(amount_open) filter (where kind = 'invoice' and due_date < ${today}::date) as overdue
      from receivables where customer_id = ${customerId} group by currency
    ), p as (
      select currency, sum(amount) as collected, sum(amount_unapplied) as unapplied from payments
      where customer_id = ${customerId} and status = 'confirmed' group by currency
    ), cur as (select currency from k union select currency from r union select currency from p)
    select cur.currency, coalesce(k.contracted, 0)::text as contracted, coalesce(r.invoiced, 0)::text as invoiced,
      coalesce(p.collected, 0)::text as collected, coalesce(r.open, 0)::text as open, coalesce(r.overdue, 0)::text as overdue,
      coalesce(p.unapplied, 0)::text as unapplied
    from cur left join k using (currency) left join r using (currency) left join p using (currency)
    order by cur.currency`.execute(tx);
  return r.rows;
}

export async function recordCounts(tx: Tx, customerId: string, today: string) {
  const r = await sql<{ contracts: number; open_receivables: number; overdue_receivables: number; payments: number; write_offs: number }>`
    select (select count(*) from contracts where customer_id = ${customerId})::int as contracts,
      (select count(*) from receivables where customer_id = ${customerId} and kind = 'invoice' and amount_open > 0)::int as open_receivables,
      (select count(*) from receivables where customer_id = ${customerId} and kind = 'invoice' and amount_open > 0 and due_date < ${today}::date)::int as overdue_receivables,
      (select count(*) from payments where customer_id = ${customerId})::int as payments,
      (select count(*) from write_offs where customer_id = ${customerId})::int as write_offs`.execute(tx);
  return r.rows[0]!;
}

export interface TimelineRow {
  key: string; at: string; kind: string; entity_type: string; entity_id: string; action: string | null; number: string | null;
  actor_id: string | null; actor_name: string | null; amount: string | null; currency: string | null; date: string | null;
  text: string | null; changes: unknown;
}

/**
 * One customer's events, newest first: the audit trail of the customer, its credit profile, contacts, contracts,
 * receivables, payments and write-offs (creations of money facts left out — the fact itself is an event), its
 * follow-ups, and the money facts (receivables and credit notes booked, payments, write-offs). Keyset on (at, key).
 */
export async function timeline(tx: Tx, customerId: string, f: { kind?: string | undefined; after: [string, string] | null; limit: number }) {
  const c = customerId;
  const after = f.after ? sql`(e.at, e.key) < (${f.after[0]}::timestamptz, ${f.after[1]}::text)` : sql`true`;
  const kind = f.kind ? sql`e.kind = ${f.kind}` : sql`true`;
  const r = await sql<TimelineRow>`
    select e.key, e.at::text as at, e.kind, e.entity_type, e.entity_id, e.action, e.number, e.actor_id, u.name as actor_name,
      e.amount::text as amount, e.currency, e.date::text as date, e.text, e.changes
    from (
      select 'audit:' || a.id as key, a.at, 'audit' as kind, a.entity_type, a.entity_id, a.action, null::text as number, a.actor_id,
        null::numeric as amount, null::text as currency, null::date as date, null::text as text, a.changes
      from audit_log a
      where (a.entity_type in ('customer', 'credit_profile', 'customer_account') and a.entity_id = ${c})
        or (a.entity_type = 'contact' and a.entity_id in (select id from contacts where customer_id = ${c}))
        or (a.entity_type = 'contract' and a.entity_id in (select id from contracts where customer_id = ${c}))
        or (a.entity_type = 'receivable' and a.action <> 'create' and a.entity_id in (select id from receivables where customer_id = ${c}))
        or (a.entity_type = 'payment' and a.action <> 'create' and a.entity_id in (select id from payments where customer_id = ${c}))
        or (a.entity_type = 'write_off' and a.action <> 'create' and a.entity_id in (select id from write_offs where customer_id = ${c}))
      union all
      select 'follow_up:' || f.id, f.occurred_at, 'follow_up', 'followup', f.id, f.kind, null, f.author_id, null, null, f.next_date, f.content, '[]'::jsonb
      from followups f where f.customer_id = ${c}
      union all
      select (case when r.kind = 'invoice' then 'receivable:' else 'credit_note:' end) || r.id, r.created_at,
        case when r.kind = 'invoice' then 'receivable' else 'credit_note' end, 'receivable', r.id, r.source, r.number, null,
        r.amount, r.currency, r.due_date, r.reason, '[]'::jsonb
      from receivables r where r.customer_id = ${c}
      union all
      select 'payment:' || p.id, p.created_at, 'payment', 'payment', p.id, p.status, p.number, p.registered_by,
        p.amount, p.currency, p.received_on, null, '[]'::jsonb
      from payments p where p.customer_id = ${c}
      union all
      select 'write_off:' || w.id, w.created_at, 'write_off', 'write_off', w.id, w.kind, w.number, w.created_by,
        w.total, null, w.applied_on, w.memo, '[]'::jsonb
      from write_offs w where w.customer_id = ${c}
    ) e
    left join users u on u.id = e.actor_id
    where ${after} and ${kind}
    order by e.at desc, e.key desc
    limit ${f.limit}`.execute(tx);
  return r.rows;
}

/** Number and name of the records these ids are (a customer, contract, receivable, payment, write-off, user, team, contact). */
export async function describeRecords(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; type: string; number: string | null; name: string | null }>`
    with ids as (select distinct unnest(${ids}::uuid[]) as id)
    select c.id, 'customer' as type, c.number, c.name from customers c join ids on ids.id = c.id
    union all select k.id, 'contract', k.number, k.title from contracts k join ids on ids.id = k.id
    union all select r.id, 'receivable', r.number, c.name from receivables r join ids on ids.id = r.id join customers c on c.id = r.customer_id
    union all select p.id, 'payment', p.number, coalesce(c.name, p.payer_name) from payments p join ids on ids.id = p.id left join customers c on c.id = p.customer_id
    union all select w.id, 'write_off', w.number, c.name from write_offs w join ids on ids.id = w.id join customers c on c.id = w.customer_id
    union all select u.id, 'user', null, u.name from users u join ids on ids.id = u.id
    union all select t.id, 'team', null, t.name from teams t join ids on ids.id = t.id
    union all select ct.id, 'contact', null, ct.name from contacts ct join ids on ids.id = ct.id`.execute(tx);
  return r.rows;
}
