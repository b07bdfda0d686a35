// Customer accounts as append-only ledgers: prepaid (confirmed money not yet written off), rebate (earned rebates
// to offset against receivables), credit (limit changes). Balances are sums of entries, never stored.
import { sql } from 'kysely';
import { dec, roundMoney } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { businessDate } from '../../platform/clock.js';
import { paymentError } from './payments.errors.js';
import * as q from './payments.sql.js';

/**
 * The customer, if the caller may see its accounts: its owner is in the caller's scope. Accounts are money, so the rule
 * is the receivables', not the pool's — a customer in the public pool is open to every rep for claiming, its money is not.
 */
async function visibleCustomer(tx: Parameters<Parameters<typeof inTenant>[2]>[0], auth: AuthContext, customerId: string) {
  const scope = auth.scope === 'all' ? sql`true` : sql`c.owner_id = any(array(select visible_owner_ids(${auth.userId}::uuid, ${auth.scope})))`;
  const r = await sql<{ id: string }>`select c.id from customers c where c.id = ${customerId} and ${scope}`.execute(tx);
  if (!r.rows[0]) throw paymentError('customer_not_found');
}

export async function customerAccounts(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const r = await sql<{ prepaid: string; rebate: string; open: string; credit_limit: string | null; payment_term_days: number | null; risk_level: string | null; committed: string }>`
      select coalesce((select sum(amount) from account_entries where customer_id = ${customerId} and account = 'prepaid'), 0)::text as prepaid,
             coalesce((select sum(amount) from account_entries where customer_id = ${customerId} and account = 'rebate'), 0)::text as rebate,
             coalesce((select sum(amount_open) from receivables where customer_id = ${customerId} and kind = 'invoice'), 0)::text as open,
             coalesce((select sum(greatest(k.amount_incl_tax - coalesce((select sum(r.amount) from receivables r where r.contract_id = k.id and r.kind = 'invoice'), 0), 0))
                       from contracts k where k.customer_id = ${customerId} and k.status in ('approved','signed','in_performance')), 0)::text as committed,
             cp.credit_limit::text, cp.payment_term_days, cp.risk_level
      from (select 1) one left join credit_profiles cp on cp.customer_id = ${customerId}`.execute(tx);
    const x = r.rows[0]!;
    const limit = x.credit_limit ?? '0';
    return {
      customerId, currency: 'CNY', prepaid: roundMoney(x.prepaid), rebate: roundMoney(x.rebate), creditLimit: roundMoney(limit),
      receivablesOpen: roundMoney(x.open), creditAvailable: roundMoney(dec(limit).minus(x.open).minus(x.committed)),
      paymentTermDays: x.payment_term_days ?? 30, riskLevel: x.risk_level ?? 'normal',
    };
  });
}

export async function accountStatement(db: Db, auth: AuthContext, customerId: string, account: 'prepaid' | 'rebate' | 'credit', from: string | null, to: string | null) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const rows = await q.accountEntries(tx, customerId, account, from, to);
    return {
      items: rows.map((e) => ({ id: e.id, account: e.account as 'prepaid', amount: roundMoney(e.amount), balanceAfter: roundMoney(e.balance_after),
        businessDate: e.business_date, kind: e.kind, refType: e.ref_type, refId: e.ref_id, memo: e.memo, createdAt: e.created_at })),
    };
  });
}

/** Rebates earned (+) or corrected (−) by finance; the rebate account can never go negative. */
export async function postRebate(db: Db, auth: AuthContext, customerId: string, input: { amount: string; memo: string; businessDate?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    await q.lockCustomer(tx, customerId);
    const balance = await q.accountBalance(tx, customerId, 'rebate');
    if (dec(balance).plus(input.amount).isNegative()) throw paymentError('rebate_negative', undefined, { errors: [{ path: 'amount', message: `balance is ${roundMoney(balance)}` }] });
    await q.insertAccountEntry(tx, { tenantId: auth.tenantId, customerId, account: 'rebate', amount: roundMoney(input.amount), businessDate: input.businessDate ?? businessDate(new Date()),
      kind: dec(input.amount).isNegative() ? 'rebate_correction' : 'rebate_accrual', refType: null, refId: null, memo: input.memo, createdBy: auth.userId });
    await recordAudit(tx, auth, { action: 'rebate', entityType: 'customer_account', entityId: customerId, changes: [{ field: 'rebate', before: roundMoney(balance), after: roundMoney(dec(balance).plus(input.amount)) }] });
    return { balance: roundMoney(dec(balance).plus(input.amount)) };
  });
}

export async function setCreditProfile(db: Db, auth: AuthContext, customerId: string, input: { creditLimit: string; paymentTermDays: number; riskLevel: 'low' | 'normal' | 'high' }) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const before = (await sql<{ credit_limit: string; payment_term_days: number; risk_level: string }>`select credit_limit, payment_term_days, risk_level from credit_profiles where customer_id = ${customerId} for update`.execute(tx)).rows[0];
    await sql`insert into credit_profiles (tenant_id, customer_id, credit_limit, payment_term_days, risk_level)
      values (${auth.tenantId}, ${customerId}, ${input.creditLimit}::numeric, ${input.paymentTermDays}, ${input.riskLevel})
      on conflict (tenant_id, customer_id) do update set credit_limit = excluded.credit_limit, payment_term_days = excluded.payment_term_days,
        risk_level = excluded.risk_level, version = credit_profiles.version + 1, updated_at = now()`.execute(tx);
    const delta = dec(input.creditLimit).minus(before?.credit_limit ?? '0');
    if (!delta.isZero()) {
      await q.insertAccountEntry(tx, { tenantId: auth.tenantId, customerId, account: 'credit', amount: roundMoney(delta), businessDate: businessDate(new Date()),
        kind: 'credit_limit_change', refType: null, refId: null, memo: null, createdBy: auth.userId });
    }
    await recordAudit(tx, auth, { action: 'update', entityType: 'credit_profile', entityId: customerId,
      before: before ? { creditLimit: roundMoney(before.credit_limit), paymentTermDays: before.payment_term_days, riskLevel: before.risk_level } : null,
      after: { creditLimit: roundMoney(input.creditLimit), paymentTermDays: input.paymentTermDays, riskLevel: input.riskLevel } });
  });
}
