// Statement-of-account queries only: one customer, one currency, a period. Read-only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function customerHead(tx: Tx, customerId: string) {
  const r = await sql<{ id: string; number: string; name: string; address: string | null; owner_name: string | null; tenant_name: string | null }>`
    select c.id, c.number, c.name, c.address, u.name as owner_name, (select t.name from tenants t where t.id = c.tenant_id) as tenant_name
    from customers c left join users u on u.id = c.owner_id
    where c.id = ${customerId}`.execute(tx);
  return r.rows[0];
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
      coalesce((select sum(a.amount) from allocations a join receivables r on r.id = a.receivable_id
        where r.customer_id = ${customerId} and r.currency = ${currency} and a.source_type = 'rebate' and a.applied_on <= ${through}::date), 0) as rebates,
      coalesce((select sum(a.amount) from allocations a join receivables r on r.id = a.receivable_id
        where r.customer_id = ${customerId} and r.currency = ${currency} and a.source_type = 'bad_debt' and a.applied_on <= ${through}::date), 0) as bad_debt`.execute(tx);
  return r.rows[0]!;
}

export interface LineRow { date: string; kind: 'receivable' | 'credit_note' | 'payment' | 'rebate' | 'bad_debt'; number: string; ref: string | null; memo: string | null; amount: string }

/**
 * Everything that moved the balance in [from, to], in date order. amount > 0 raises what the customer owes.
 * Rebate offsets and bad debt are one line per write-off (a reversal is a line of its own, the other way).
 */
export async function statementLines(tx: Tx, customerId: string, currency: string, from: string, to: string): Promise<LineRow[]> {
  const r = await sql<LineRow>`
    select * from (
      select r.business_date as date, case when r.kind = 'invoice' then 'receivable' else 'credit_note' end as kind, r.number,
        case when r.kind = 'invoice' then k.number else o.number end as ref, r.reason as memo, r.amount, r.created_at as at
      from receivables r left join contracts k on k.id = r.contract_id left join receivables o on o.id = r.original_id
      where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date between ${from}::date and ${to}::date
      union all
      select p.received_on, 'payment', p.number, p.bank_reference, p.payer_name, -p.amount, p.created_at
      from payments p
      where p.customer_id = ${customerId} and p.currency = ${currency} and p.status = 'confirmed' and p.received_on between ${from}::date and ${to}::date
      union all
      select w.applied_on, a.source_type, w.number, rv.number, w.memo, -sum(a.amount), w.created_at
      from write_offs w join allocations a on a.write_off_id = w.id join receivables r on r.id = a.receivable_id
        left join write_offs rv on rv.id = w.reverses_id
      where w.customer_id = ${customerId} and r.currency = ${currency} and a.source_type in ('rebate', 'bad_debt')
        and w.applied_on between ${from}::date and ${to}::date
      group by w.id, w.applied_on, w.number, rv.number, w.memo, w.created_at, a.source_type
    ) x
    order by date, case kind when 'receivable' then 0 when 'credit_note' then 1 when 'payment' then 2 when 'rebate' then 3 else 4 end, at, number`.execute(tx);
  return r.rows;
}

export interface WriteOffLineRow {
  id: string; date: string; number: string; kind: 'apply' | 'reverse' | 'bad_debt'; memo: string | null;
  receivable_number: string; source: string; source_number: string | null; amount: string;
}

/** Write-offs 核销 of the period with their allocation lines. */
export async function writeOffsBetween(tx: Tx, customerId: string, currency: string, from: string, to: string): Promise<WriteOffLineRow[]> {
  const r = await sql<WriteOffLineRow>`
    select w.id, w.applied_on as date, w.number, w.kind, w.memo, r.number as receivable_number, a.source_type as source,
      coalesce(p.number, cn.number) as source_number, a.amount
    from write_offs w join allocations a on a.write_off_id = w.id join receivables r on r.id = a.receivable_id
      left join payments p on p.id = a.payment_id left join receivables cn on cn.id = a.credit_note_id
    where w.customer_id = ${customerId} and r.currency = ${currency} and w.applied_on between ${from}::date and ${to}::date
    order by w.applied_on, w.created_at, w.number, r.number, a.id`.execute(tx);
  return r.rows;
}

/** What the balance is made of at the end of `through`: open invoices, unapplied payments and credit notes. */
export async function closingParts(tx: Tx, customerId: string, currency: string, through: string) {
  const r = await sql<{ open: string; unapplied: string; cn_unapplied: string }>`
    select
      coalesce((select sum(abs(r.amount)) from receivables r where r.customer_id = ${customerId} and r.currency = ${currency} and r.kind = 'invoice' and r.business_date <= ${through}::date), 0)
      - coalesce((select sum(a.amount) from allocations a join receivables r on r.id = a.receivable_id
          where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date <= ${through}::date and a.applied_on <= ${through}::date), 0) as open,
      coalesce((select sum(p.amount) from payments p where p.customer_id = ${customerId} and p.currency = ${currency} and p.status = 'confirmed' and p.received_on <= ${through}::date), 0)
      - coalesce((select sum(a.amount) from allocations a join payments p on p.id = a.payment_id
          where p.customer_id = ${customerId} and p.currency = ${currency} and p.received_on <= ${through}::date and a.applied_on <= ${through}::date), 0) as unapplied,
      coalesce((select sum(abs(r.amount)) from receivables r where r.customer_id = ${customerId} and r.currency = ${currency} and r.kind = 'credit_note' and r.business_date <= ${through}::date), 0)
      - coalesce((select sum(a.amount) from allocations a join receivables r on r.id = a.credit_note_id
          where r.customer_id = ${customerId} and r.currency = ${currency} and r.business_date <= ${through}::date and a.applied_on <= ${through}::date), 0) as cn_unapplied`.execute(tx);
  return r.rows[0]!;
}
