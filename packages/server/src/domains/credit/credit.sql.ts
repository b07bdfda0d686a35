// Credit queries only: the customer money lock, the credit profile, and the one statement that sums a customer's
// credit exposure (open receivables and committed contracts, read-only: their owners declare credit as a reader).
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/**
 * Lock a customer for a money write; undefined when there is none. With `visibleTo`, also undefined when the customer is
 * outside that caller's data scope — owned by someone they may not see (a customer in the pool is visible to all, as
 * for reads) — so out of scope and not found are one answer, from one statement.
 */
export async function lockCustomer(tx: Tx, customerId: string, visibleTo: { userId: string; scope: DataScope } | null = null) {
  const visible = !visibleTo || visibleTo.scope === 'all' ? sql`true`
    : sql`(owner_id is null or owner_id = any(array(select visible_owner_ids(${visibleTo.userId}::uuid, ${visibleTo.scope}))))`;
  // NO KEY UPDATE: serialises money writers of one customer without blocking inserts that reference the customer.
  const r = await sql<{ id: string; owner_id: string | null; name: string }>`select id, owner_id, name from customers
    where id = ${customerId} and ${visible} for no key update`.execute(tx);
  return r.rows[0];
}

/** Lock the customer's credit profile FOR UPDATE, creating it with the defaults first when missing. */
export async function lockProfile(tx: Tx, tenantId: string, customerId: string): Promise<void> {
  await tx.insertInto('credit_profiles').values({ tenant_id: tenantId, customer_id: customerId, limit_set: false }) // the grade's default limit still applies
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id']).doNothing()).execute();
  await tx.selectFrom('credit_profiles').select(sql`1`.as('one')).where('customer_id', '=', customerId).forUpdate().execute();
}

export interface ExposureRow { limit_source: 'profile' | 'grade_default'; credit_limit: string; payment_term_days: number; risk_level: string; open: string; committed: string; profile: string | null; on_hold: boolean; hold_reason: string | null }

/**
 * Limit, open and committed of one customer in one statement. Open = invoices not yet paid; committed = approved,
 * signed or performing contracts less the invoices already booked on them, excluding `excludeContract`.
 */
export async function exposure(tx: Tx, customerId: string, excludeContract: string | null): Promise<ExposureRow> {
  const r = await sql<ExposureRow>`
    select cp.customer_id as profile,
      -- a limit set for this customer, else the tenant's default for its grade (settings.credit.defaultLimits), else 0
      (case when cp.limit_set then cp.credit_limit else coalesce((select (tn.settings #>> array['credit', 'defaultLimits', c.grade])::numeric
        from customers c join tenants tn on tn.id = c.tenant_id where c.id = ${customerId}), 0) end)::text as credit_limit,
      case when cp.limit_set then 'profile' else 'grade_default' end as limit_source,
      coalesce(cp.payment_term_days, 30) as payment_term_days,
      coalesce(cp.risk_level, 'normal') as risk_level, coalesce(cp.on_hold, false) as on_hold, cp.hold_reason,
      coalesce((select sum(amount_open) from receivables where customer_id = ${customerId} and kind = 'invoice'), 0)::text as open,
      coalesce((select sum(greatest(k.amount_incl_tax - coalesce((select sum(r.amount) from receivables r where r.contract_id = k.id and r.kind = 'invoice'), 0), 0))
        from contracts k where k.customer_id = ${customerId} and k.status in ('approved','signed','in_performance')
          and (${excludeContract}::uuid is null or k.id <> ${excludeContract}::uuid)), 0)::text as committed
    from (select 1) one left join credit_profiles cp on cp.customer_id = ${customerId}`.execute(tx);
  return r.rows[0]!;
}

export async function profileForUpdate(tx: Tx, customerId: string) {
  return tx.selectFrom('credit_profiles').select(['credit_limit', 'payment_term_days', 'risk_level'])
    .where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
}

export async function upsertProfile(tx: Tx, tenantId: string, customerId: string, p: { creditLimit: string; paymentTermDays: number; riskLevel: 'low' | 'normal' | 'high' }): Promise<void> {
  await tx.insertInto('credit_profiles').values({
    tenant_id: tenantId, customer_id: customerId, credit_limit: p.creditLimit, payment_term_days: p.paymentTermDays, risk_level: p.riskLevel, limit_set: true,
  }).onConflict((oc) => oc.columns(['tenant_id', 'customer_id']).doUpdateSet((eb) => ({
    credit_limit: eb.ref('excluded.credit_limit'), limit_set: true, payment_term_days: eb.ref('excluded.payment_term_days'),
    risk_level: eb.ref('excluded.risk_level'), version: eb('credit_profiles.version', '+', 1), updated_at: sql`now()`,
  }))).execute();
}

/**
 * Customers with money more than `days` days past due become high risk. Upsert the credit profile (a customer may not
 * have one yet); returns those whose level changed, with the level before, for the audit trail.
 */
export async function flagHighRisk(tx: Tx, tenantId: string, today: string, days: number) {
  const r = await sql<{ customer_id: string; before: string | null }>`
    with target as (
      select distinct r.customer_id from receivables r
      where r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date - ${days}::int),
    old as (select cp.customer_id, cp.risk_level from credit_profiles cp where cp.customer_id in (select customer_id from target)),
    up as (
      insert into credit_profiles (tenant_id, customer_id, risk_level, limit_set) select ${tenantId}::uuid, customer_id, 'high', false from target
      on conflict (tenant_id, customer_id) do update set risk_level = 'high', version = credit_profiles.version + 1, updated_at = now()
        where credit_profiles.risk_level <> 'high'
      returning customer_id)
    select up.customer_id, old.risk_level as before from up left join old on old.customer_id = up.customer_id
    order by up.customer_id`.execute(tx);
  return r.rows;
}

/**
 * Put the customer's credit on hold (the profile is created with the defaults when missing); returns true when it was
 * not on hold before, so a second hold — another receivable's +60 step — changes and audits nothing.
 */
export async function putOnHold(tx: Tx, tenantId: string, customerId: string, reason: string, on: string): Promise<boolean> {
  const r = await tx.insertInto('credit_profiles').values({ tenant_id: tenantId, customer_id: customerId, on_hold: true, hold_reason: reason, held_since: on, limit_set: false })
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id']).doUpdateSet({ on_hold: true, hold_reason: reason, held_since: on, version: sql`credit_profiles.version + 1`, updated_at: sql`now()` })
      .where('credit_profiles.on_hold', '=', false))
    .returning('customer_id').executeTakeFirst();
  return r !== undefined;
}

/** Release the hold; the reason it had, or undefined when it was not on hold. */
export async function releaseHold(tx: Tx, customerId: string) {
  const before = await tx.selectFrom('credit_profiles').select(['hold_reason', 'held_since']).where('customer_id', '=', customerId).where('on_hold', '=', true).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await tx.updateTable('credit_profiles').set({ on_hold: false, hold_reason: null, held_since: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('customer_id', '=', customerId).execute();
  return before;
}
