// RFM statements: a batch of customers' paid history as of a day, in one statement — recency and frequency from
// confirmed payments, monetary from the write-off facts (cash applied to their invoices, net of reversals) in the book
// currency — and the upsert of their RFM rows.
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export interface PaidHistory { customer_id: string; last_paid_on: string | null; frequency: number; monetary: string }

export async function paidHistory(tx: Tx, customerIds: string[], asOf: string, windowDays: number, currency: string): Promise<PaidHistory[]> {
  if (customerIds.length === 0) return [];
  const r = await sql<PaidHistory>`
    with p as (
      select customer_id, max(received_on)::text as last_paid_on,
        count(*) filter (where received_on > ${asOf}::date - ${windowDays}::int)::int as frequency
      from payments where status = 'confirmed' and currency = ${currency} and received_on <= ${asOf}::date
        and customer_id = any(${customerIds}::uuid[]) group by customer_id
    ), m as (
      select w.customer_id, sum(a.amount) as monetary
      from write_offs w join allocations a on a.write_off_id = w.id join receivables r on r.id = a.receivable_id
      where a.source_type = 'payment' and r.currency = ${currency} and w.customer_id = any(${customerIds}::uuid[])
        and a.applied_on > ${asOf}::date - ${windowDays}::int and a.applied_on <= ${asOf}::date
      group by w.customer_id
    )
    select c.id as customer_id, p.last_paid_on, coalesce(p.frequency, 0) as frequency, coalesce(m.monetary, 0)::numeric(18,2)::text as monetary
    from unnest(${customerIds}::uuid[]) as c(id) left join p on p.customer_id = c.id left join m on m.customer_id = c.id`.execute(tx);
  return r.rows;
}

/** Customers with any confirmed payment, after a key: the RFM job's batches. */
export async function payingCustomers(tx: Tx, after: string | null, limit: number): Promise<string[]> {
  const r = await sql<{ id: string }>`select c.id from customers c where c.merged_into_id is null
    and (${after}::uuid is null or c.id > ${after}::uuid)
    and exists (select 1 from payments p where p.customer_id = c.id and p.status = 'confirmed') order by c.id limit ${limit}`.execute(tx);
  return r.rows.map((x) => x.id);
}

export interface RfmWrite {
  customer_id: string; as_of: string; last_paid_on: string | null; recency_days: number | null; frequency: number; monetary: string;
  currency: string; r: number; f: number; m: number; grade: string;
}

export async function upsertRfm(tx: Tx, rows: RfmWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into customer_rfm (tenant_id, customer_id, as_of, last_paid_on, recency_days, frequency, monetary, currency, r, f, m, grade, computed_at)
    select app_tenant_id(), x.customer_id, x.as_of, x.last_paid_on, x.recency_days, x.frequency, x.monetary, x.currency, x.r, x.f, x.m, x.grade, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(customer_id uuid, as_of date, last_paid_on date, recency_days int, frequency int,
      monetary numeric, currency text, r int, f int, m int, grade text)
    on conflict (tenant_id, customer_id) do update set as_of = excluded.as_of, last_paid_on = excluded.last_paid_on, recency_days = excluded.recency_days,
      frequency = excluded.frequency, monetary = excluded.monetary, currency = excluded.currency, r = excluded.r, f = excluded.f, m = excluded.m,
      grade = excluded.grade, computed_at = excluded.computed_at`.execute(tx);
}

export async function findRfm(tx: Tx, customerId: string) {
  return tx.selectFrom('customer_rfm').select(['customer_id', 'as_of', 'last_paid_on', 'recency_days', 'frequency', 'monetary', 'currency', 'r', 'f', 'm', 'grade', 'computed_at'])
    .where('customer_id', '=', customerId).executeTakeFirst();
}

/** Is the customer's money visible to the caller (receivables' rule: its owner is in scope, not the pool's)? */
export async function customerMoneyVisible(tx: Tx, id: string, userId: string, scope: DataScope): Promise<{ grade: string | null } | undefined> {
  const r = await sql<{ grade: string | null }>`select c.grade from customers c where c.id = ${id} and c.merged_into_id is null
    and ${scope === 'all' ? sql`true` : sql`c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`}`.execute(tx);
  return r.rows[0];
}

export async function moveRfm(tx: Tx, from: string): Promise<void> {
  // the duplicate's RFM is dropped at a merge (the master's is recomputed); an undo recomputes it again
  await tx.deleteFrom('customer_rfm').where('customer_id', '=', from).execute();
}
