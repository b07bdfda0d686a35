// The collector's worklist and the collection-effectiveness report: set-based, read-only over receivables, payments,
// allocations, customers, users and credit_profiles (declared by their owners), plus dunning's own promises and notes.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface WorklistRow {
  customer_id: string; customer_name: string; owner_id: string | null; owner_name: string | null; currency: string; overdue: string; unapplied: string;
  net_overdue: string; oldest_days: number; weighted_days: string; risk_level: string; risk_weight: string; broken: number;
  promise_id: string | null; promise_amount: string | null; promise_on: string | null; last_contact_at: string | null; on_hold: boolean; priority: string;
}

/**
 * Overdue customers ranked by priority = net overdue × (money-weighted days past due ÷ 30) × risk weight
 * × (1 + 0.5 × broken promises, at most 2): the money at stake, how long it has been late, how likely it is lost.
 * Net overdue = past-due open invoices − the customer's unapplied confirmed cash (never below 0); customers it covers
 * are not on the list (they are finance's to apply). Risk weight: low 0.8, normal 1, high 1.5.
 */
export async function worklist(tx: Tx, today: string, scope: RawBuilder<unknown>, limit: number): Promise<WorklistRow[]> {
  const r = await sql<WorklistRow>`
    with od as (
      select r.customer_id, r.currency, sum(r.amount_open) as overdue, max(${today}::date - r.due_date) as oldest,
        sum(r.amount_open * (${today}::date - r.due_date)) as money_days
      from receivables r where r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date group by r.customer_id, r.currency),
    cash as (select p.customer_id, p.currency, sum(p.amount_unapplied) as unapplied from payments p
      where p.status = 'confirmed' and p.amount_unapplied > 0 group by p.customer_id, p.currency),
    base as (
      select c.id as customer_id, c.name as customer_name, c.owner_id, u.name as owner_name, od.currency, od.overdue, coalesce(cash.unapplied, 0) as unapplied,
        greatest(od.overdue - coalesce(cash.unapplied, 0), 0) as net, od.oldest, round(od.money_days / od.overdue, 1) as weighted_days,
        coalesce(cp.risk_level, 'normal') as risk_level, case coalesce(cp.risk_level, 'normal') when 'low' then 0.8 when 'high' then 1.5 else 1.0 end as rw,
        coalesce(cp.on_hold, false) as on_hold,
        (select count(*)::int from promises_to_pay b where b.customer_id = c.id and b.status = 'broken') as broken
      from od join customers c on c.id = od.customer_id
      left join cash on cash.customer_id = od.customer_id and cash.currency = od.currency
      left join credit_profiles cp on cp.customer_id = c.id left join users u on u.id = c.owner_id
      where ${scope})
    select b.customer_id, b.customer_name, b.owner_id, b.owner_name, b.currency, b.overdue::text as overdue, b.unapplied::text as unapplied,
      b.net::text as net_overdue, b.oldest as oldest_days, b.weighted_days::text as weighted_days, b.risk_level, b.rw::text as risk_weight, b.broken,
      pr.id as promise_id, pr.amount::text as promise_amount, pr.promised_on::text as promise_on,
      (select max(n.contacted_at) from contact_notes n where n.customer_id = b.customer_id) as last_contact_at, b.on_hold,
      round(b.net * b.weighted_days / 30 * b.rw * (1 + 0.5 * least(b.broken, 2)), 2)::text as priority
    from base b
    left join lateral (select p.id, p.amount, p.promised_on from promises_to_pay p where p.customer_id = b.customer_id and p.status = 'open'
      order by p.promised_on, p.id limit 1) pr on true
    where b.net > 0
    order by round(b.net * b.weighted_days / 30 * b.rw * (1 + 0.5 * least(b.broken, 2)), 2) desc, b.customer_name, b.customer_id
    limit ${limit}`.execute(tx);
  return r.rows;
}

export interface EffectivenessRow {
  collector_id: string | null; collector_name: string | null; currency: string; collected: string; still_overdue: string; promised: string;
  promised_kept: string; promises_kept: number; promises_broken: number; contacts: number;
}

/**
 * Per collector (the customer's owner) over [from, to]: collected = money applied in the period to invoices already
 * past due when applied (payments, credit notes, rebates; bad debt and reversed allocations excluded); still overdue =
 * today's open amount of invoices that fell due before the period's end; promises and contacts by who recorded them.
 */
export async function effectiveness(tx: Tx, from: string, to: string, scope: RawBuilder<unknown>): Promise<EffectivenessRow[]> {
  const r = await sql<EffectivenessRow>`
    with col as (
      select c.owner_id as collector_id, r.currency, sum(a.amount) as collected
      from allocations a join receivables r on r.id = a.receivable_id join customers c on c.id = r.customer_id
      where a.amount > 0 and a.source_type <> 'bad_debt' and a.applied_on between ${from}::date and ${to}::date and r.due_date < a.applied_on
        and r.kind = 'invoice' and not exists (select 1 from allocations x where x.reverses_id = a.id) and ${scope}
      group by c.owner_id, r.currency),
    still as (
      select c.owner_id as collector_id, r.currency, sum(r.amount_open) as still from receivables r join customers c on c.id = r.customer_id
      where r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${to}::date and ${scope} group by c.owner_id, r.currency),
    prom as (
      select p.collector_id, p.currency, sum(p.amount) as promised, coalesce(sum(p.amount) filter (where p.status = 'kept'), 0) as kept_amount,
        count(*) filter (where p.status = 'kept')::int as kept, count(*) filter (where p.status = 'broken')::int as broken
      from promises_to_pay p join customers c on c.id = p.customer_id
      where p.promised_on between ${from}::date and ${to}::date and ${scope} group by p.collector_id, p.currency),
    notes as (
      select n.collector_id, count(*)::int as contacts from contact_notes n join customers c on c.id = n.customer_id
      where n.contacted_at >= ${from}::date and n.contacted_at < ${to}::date + 1 and ${scope} group by n.collector_id),
    keys as (select collector_id, currency from col union select collector_id, currency from still union select collector_id, currency from prom)
    select k.collector_id, u.name as collector_name, k.currency, coalesce(col.collected, 0)::text as collected, coalesce(still.still, 0)::text as still_overdue,
      coalesce(prom.promised, 0)::text as promised, coalesce(prom.kept_amount, 0)::text as promised_kept, coalesce(prom.kept, 0) as promises_kept,
      coalesce(prom.broken, 0) as promises_broken, coalesce(notes.contacts, 0) as contacts
    from keys k left join col on col.collector_id is not distinct from k.collector_id and col.currency = k.currency
    left join still on still.collector_id is not distinct from k.collector_id and still.currency = k.currency
    left join prom on prom.collector_id is not distinct from k.collector_id and prom.currency = k.currency
    left join notes on notes.collector_id is not distinct from k.collector_id
    left join users u on u.id = k.collector_id
    order by u.name nulls last, k.collector_id, k.currency`.execute(tx);
  return r.rows;
}
