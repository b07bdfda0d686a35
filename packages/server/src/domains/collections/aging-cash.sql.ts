// Unapplied cash beside the aging report: confirmed payments of each customer less what was applied from them, as of
// a day (allocations applied up to that day, reversals included), read-only over payments and allocations.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

/** Unapplied cash per customer as of `asOf`, in `currency`, for the given customers (the report's rows). */
export async function unappliedAsOf(tx: Tx, customerIds: string[], currency: string, asOf: string): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const r = await sql<{ customer_id: string; unapplied: string }>`
    select p.customer_id, sum(p.amount - coalesce((select sum(a.amount) from allocations a where a.payment_id = p.id and a.applied_on <= ${asOf}::date), 0))::text as unapplied
    from payments p
    where p.customer_id = any(${customerIds}::uuid[]) and p.status = 'confirmed' and p.currency = ${currency} and p.received_on <= ${asOf}::date
    group by p.customer_id`.execute(tx);
  return new Map(r.rows.map((x) => [x.customer_id, x.unapplied]));
}
