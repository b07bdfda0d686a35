// Customer accounts as append-only ledgers: prepaid (confirmed money not yet written off), rebate (earned rebates
// to offset against receivables), credit (limit changes). Balances are sums of entries, never stored. The credit
// profile itself and available credit belong to the credit domain.
import { BOOK_CURRENCY, dec, roundMoney } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { todayFor } from '../../platform/clock.js';
import { paymentError } from './payments.errors.js';
import { creditPosition, lockCustomer, setCreditProfile as saveCreditProfile } from '../credit/index.js';
import * as q from './payments.sql.js';

/**
 * The customer, if the caller may see its accounts: its owner is in the caller's scope. Accounts are money, so the rule
 * is the receivables', not the pool's — a customer in the public pool is open to every rep for claiming, its money is not.
 */
async function visibleCustomer(tx: Parameters<Parameters<typeof inTenant>[2]>[0], auth: AuthContext, customerId: string) {
  if (!(await q.customerVisibleForAccounts(tx, customerId, auth.userId, auth.scope))) throw paymentError('customer_not_found');
}

export async function customerAccounts(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const currency = BOOK_CURRENCY; // customer accounts are kept in the tenant's book currency
    const balances = await q.accountBalances(tx, customerId);
    const credit = await creditPosition(tx, auth.tenantId, customerId, { currency });
    return {
      customerId, currency, prepaid: roundMoney(balances.prepaid, currency), rebate: roundMoney(balances.rebate, currency), creditLimit: credit.limit,
      receivablesOpen: credit.open, creditAvailable: credit.available, paymentTermDays: credit.paymentTermDays, riskLevel: credit.riskLevel,
    };
  });
}

export async function accountStatement(db: Db, auth: AuthContext, customerId: string, account: 'prepaid' | 'rebate' | 'credit', from: string | null, to: string | null) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const rows = await q.accountEntries(tx, customerId, account, from, to);
    return {
      items: rows.map((e) => ({ id: e.id, account: e.account as 'prepaid', amount: roundMoney(e.amount, BOOK_CURRENCY), balanceAfter: roundMoney(e.balance_after, BOOK_CURRENCY),
        businessDate: e.business_date, kind: e.kind, refType: e.ref_type, refId: e.ref_id, memo: e.memo, createdAt: e.created_at })),
    };
  });
}

/** Rebates earned (+) or corrected (−) by finance; the rebate account can never go negative. */
export async function postRebate(db: Db, auth: AuthContext, customerId: string, input: { amount: string; memo: string; businessDate?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    await lockCustomer(tx, customerId);
    const balance = await q.accountBalance(tx, customerId, 'rebate');
    if (dec(balance).plus(input.amount).isNegative()) throw paymentError('rebate_negative', undefined, { errors: [{ path: 'amount', message: `balance is ${roundMoney(balance, BOOK_CURRENCY)}` }] });
    await q.insertAccountEntry(tx, { tenantId: auth.tenantId, customerId, account: 'rebate', amount: roundMoney(input.amount, BOOK_CURRENCY), businessDate: input.businessDate ?? todayFor(auth),
      kind: dec(input.amount).isNegative() ? 'rebate_correction' : 'rebate_accrual', refType: null, refId: null, memo: input.memo, createdBy: auth.userId });
    await recordAudit(tx, auth, { action: 'rebate', entityType: 'customer_account', entityId: customerId, changes: [{ field: 'rebate', before: roundMoney(balance, BOOK_CURRENCY), after: roundMoney(dec(balance).plus(input.amount), BOOK_CURRENCY) }] });
    return { balance: roundMoney(dec(balance).plus(input.amount), BOOK_CURRENCY) };
  });
}

export async function setCreditProfile(db: Db, auth: AuthContext, customerId: string, input: { creditLimit: string; paymentTermDays: number; riskLevel: 'low' | 'normal' | 'high' }) {
  return inTenant(db, auth, async (tx) => {
    await visibleCustomer(tx, auth, customerId);
    const { limitBefore } = await saveCreditProfile(tx, auth, customerId, input, BOOK_CURRENCY);
    const delta = dec(input.creditLimit).minus(limitBefore);
    if (!delta.isZero()) {
      await q.insertAccountEntry(tx, { tenantId: auth.tenantId, customerId, account: 'credit', amount: roundMoney(delta, BOOK_CURRENCY), businessDate: todayFor(auth),
        kind: 'credit_limit_change', refType: null, refId: null, memo: null, createdBy: auth.userId });
    }
  });
}
