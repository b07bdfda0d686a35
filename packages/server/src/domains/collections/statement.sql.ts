// Statement-of-account queries only: one customer, one currency, a period. Read-only.
// Long lists come back as one json_agg document (money as text, never a JSON number): a row crossing the embedded
// database's driver costs far more than the same bytes inside one value.
// Every query starts from the customer's own rows (receivables, payments and write-offs by customer index, then
// allocations by write-off) and looks others up by primary key, so its cost follows the customer's history, not the
// size of the tables.
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/**
 * The statement's planner settings for its transaction. (Custom plans come from the request: a GET plans every
 * statement for its parameters, platform/auth.ts plansPerCall — a generic plan made for the average customer took this
 * statement from 0.3 s to 10–19 s at 10,000 receivables from its sixth call on a connection; docs/benchmarks.md,
 * session 5.)
 * - No JIT. The write-off query's cost estimate (a per-write-off lateral probe, estimated high) is over PostgreSQL's
 *   jit_above_cost, and compiling it took ~0.5 s for ~75 ms of execution on the 10k-receivable bench customer. The
 *   aging aggregates keep JIT: there it pays for itself.
 */
export async function statementSettings(tx: Tx): Promise<void> {
  await sql`select set_config('jit', 'off', true)`.execute(tx);
}

/** The customer a statement is of; with `visibleTo`, only if its owner is someone that caller may see. */
export async function customerHead(tx: Tx, customerId: string, visibleTo: { userId: string; scope: DataScope } | null) {
  const visible = visibleTo ? sql`c.owner_id = any(array(select visible_owner_ids(${visibleTo.userId}::uuid, ${visibleTo.scope})))` : sql`true`;
  const r = await sql<{ id: string; number: string; name: string; address: string | null; owner_name: string | null; tenant_name: string | null }>`
    select c.id, c.number, c.name, c.address, u.name as owner_name, (select t.name from tenants t where t.id = c.tenant_id) as tenant_name
    from customers c left join users u on u.id = c.owner_id
    where c.id = ${customerId} and ${visible}`.execute(tx);
  return r.rows[0];
}

/**
 * Allocations of the customer's write-offs dated in [from, to], with the numbers of their receivable and source. The
 * write-off engine only ever matches one customer's money with that customer's receivables, so the numbers come from
 * the customer's own receivables and payments, each read once by the customer index and hashed: half the time of a
 * primary-key probe per allocation on a long statement, and never a hash of every receivable of the tenant. OFFSET 0
 * keeps these subqueries (and the per-write-off allocations probe) from being flattened into other plans.
 */
function allocationsBetween(customerId: string, currency: string, from: string | null, to: string) {
  return sql`select w.id as write_off_id, w.number as write_off_number, w.kind, w.applied_on, w.memo, w.reverses_id, w.created_at,
      a.id, a.source_type, a.amount, r.number as receivable_number, coalesce(p.number, cn.number) as source_number
    from write_offs w
      join lateral (select * from allocations x where x.write_off_id = w.id offset 0) a on true
      join (select id, number, currency from receivables where customer_id = ${customerId} offset 0) r on r.id = a.receivable_id
      left join (select id, number from payments where customer_id = ${customerId} offset 0) p on p.id = a.payment_id
      left join (select id, number from receivables where customer_id = ${customerId} and kind = 'credit_note' offset 0) cn on cn.id = a.credit_note_id
    where w.customer_id = ${customerId} and w.applied_on <= ${to}::date and ${from === null ? sql`true` : sql`w.applied_on >= ${from}::date`}
      and r.currency = ${currency}`;
}

/**
 * The balance parts counted up to and including `through`: invoices booked, credit notes (negative), confirmed
 * payments, rebate offsets and bad debt written off (net of their reversals).
 */
export async function balanceParts(tx: Tx, customerId: string, currency: string, through: string) {
  const r = await sql<{ invoices: string; credit_notes: string; payments: string; rebates: string; bad_debt: string }>`
    select
      coalesce((select sum(amount) from receivables where customer_id = ${customerId} and currency = ${currency} and kind = 'invoice' and business_date <= ${through}::date), 0) as invoices,
      coalesce((select sum(amount) from receivables where customer_id = ${customerId} and currency = ${currency} and kind = 'credit_note' and business_date <= ${through}::date), 0) as credit_notes,
      coalesce((select sum(amount) from payments where customer_id = ${customerId} and currency = ${currency} and status = 'confirmed' and received_on <= ${through}::date), 0) as payments,
      coalesce(o.rebates, 0) as rebates, coalesce(o.bad_debt, 0) as bad_debt
    from (select sum(amount) filter (where source_type = 'rebate') as rebates, sum(amount) filter (where source_type = 'bad_debt') as bad_debt
          from (${allocationsBetween(customerId, currency, null, through)}) a where a.source_type in ('rebate', 'bad_debt')) o`.execute(tx);
  return r.rows[0]!;
}

export interface LineRow { date: string; kind: 'receivable' | 'credit_note' | 'payment'; number: string; ref: string | null; memo: string | null; amount: string; at: string }

/**
 * Receivables booked and payments confirmed in [from, to], in statement order (by day: receivables, credit notes,
 * payments; then by time of entry). amount > 0
 * raises what the customer owes. Rebate offsets and bad debt come from the write-off rows (writeOffsBetween).
 */
export async function statementLines(tx: Tx, customerId: string, currency: string, from: string, to: string): Promise<LineRow[]> {
  const r = await sql<{ rows: LineRow[] }>`
    select coalesce(json_agg(x order by x.date, case x.kind when 'receivable' then 0 when 'credit_note' then 1 else 2 end, x.at, x.number), '[]'::json) as rows from (
      select r.business_date as date, case when r.kind = 'invoice' then 'receivable' else 'credit_note' end as kind, r.number,
        case when r.original_id is not null then (select o.number from receivables o where o.id = r.original_id)
             when r.contract_id is not null then (select k.number from contracts k where k.id = r.contract_id) end as ref,
        r.reason as memo, r.amount::text as amount, r.created_at as at
      from receivables r
      where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date between ${from}::date and ${to}::date
      union all
      select p.received_on, 'payment', p.number, p.bank_reference, p.payer_name, (-p.amount)::text, p.created_at
      from payments p
      where p.customer_id = ${customerId} and p.currency = ${currency} and p.status = 'confirmed' and p.received_on between ${from}::date and ${to}::date
    ) x`.execute(tx);
  return r.rows[0]!.rows;
}

export interface WriteOffLineRow {
  write_off_id: string; date: string; number: string; kind: 'apply' | 'reverse' | 'bad_debt'; memo: string | null; reverses_number: string | null;
  at: string; receivable_number: string; source: string; source_number: string | null; amount: string;
}

/** Write-offs 核销 of the period, one row per allocation, in date order. */
export async function writeOffsBetween(tx: Tx, customerId: string, currency: string, from: string, to: string): Promise<WriteOffLineRow[]> {
  const r = await sql<{ rows: WriteOffLineRow[] }>`
    select coalesce(json_agg(x order by x.date, x.at, x.number, x.receivable_number, x.id), '[]'::json) as rows from (
      select o.id, o.write_off_id, o.applied_on as date, o.write_off_number as number, o.kind, o.memo, o.created_at as at,
        case when o.reverses_id is not null then (select v.number from write_offs v where v.id = o.reverses_id) end as reverses_number,
        o.receivable_number, o.source_type as source, o.source_number, o.amount::text as amount
      from (${allocationsBetween(customerId, currency, from, to)}) o
    ) x`.execute(tx);
  return r.rows[0]!.rows;
}

/**
 * What the balance is made of at the end of `through`: open invoices, unapplied payments and unused credit notes.
 * Each is today's projection plus what was applied after `through` (as in the aging report), so a statement up to
 * today reads projections only.
 */
export async function closingParts(tx: Tx, customerId: string, currency: string, through: string) {
  const r = await sql<{ open: string; unapplied: string; cn_unapplied: string }>`
    with later as (
      select a.receivable_id, a.payment_id, a.credit_note_id, a.amount from allocations a where a.applied_on > ${through}::date)
    select
      coalesce((select sum(r.amount_open) from receivables r where r.customer_id = ${customerId} and r.currency = ${currency} and r.kind = 'invoice' and r.business_date <= ${through}::date), 0)
      + coalesce((select sum(l.amount) from later l join receivables r on r.id = l.receivable_id
          where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date <= ${through}::date), 0) as open,
      coalesce((select sum(p.amount_unapplied) from payments p where p.customer_id = ${customerId} and p.currency = ${currency} and p.status = 'confirmed' and p.received_on <= ${through}::date), 0)
      + coalesce((select sum(l.amount) from later l join payments p on p.id = l.payment_id
          where p.customer_id = ${customerId} and p.currency = ${currency} and p.status = 'confirmed' and p.received_on <= ${through}::date), 0) as unapplied,
      coalesce((select sum(r.amount_open) from receivables r where r.customer_id = ${customerId} and r.currency = ${currency} and r.kind = 'credit_note' and r.business_date <= ${through}::date), 0)
      + coalesce((select sum(l.amount) from later l join receivables r on r.id = l.credit_note_id
          where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date <= ${through}::date), 0) as cn_unapplied`.execute(tx);
  return r.rows[0]!;
}
