// Available credit, computed here and nowhere else: limit − open receivables − committed contracts. Contracts check
// it before committing an amount, payments show it on the customer's accounts, collections' overdue run raises the
// risk level. All in the caller's transaction: credit opens none of its own.
import { dec, roundMoney } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import * as q from './credit.sql.js';

export { lockCustomer } from './credit.sql.js';

export type RiskLevel = 'low' | 'normal' | 'high';

export interface CreditPosition {
  limit: string; open: string; committed: string;
  /** limit − open − committed; negative when over. */
  available: string;
  paymentTermDays: number; riskLevel: string;
  /** false: the customer has no profile yet (the defaults apply: no limit, 30 days, normal risk). */
  hasProfile: boolean;
  /** profile: a limit set for this customer; grade_default: the tenant's default for the customer's grade (0 when none). */
  limitSource: 'profile' | 'grade_default';
  /** A credit hold (dunning's +60 step, or finance) stops new contracts whatever the available credit. */
  onHold: boolean; holdReason: string | null;
}

export interface PositionOptions {
  /** Amounts are rounded in this currency. */
  currency: string;
  /** Leave this contract out of committed (it is the one being checked). */
  excludeContract?: string | null;
  /**
   * Lock the customer's credit profile FOR UPDATE first (created with the defaults when missing), so two transactions
   * that commit credit for the same customer queue here and the second sees the first. Lock order: docs/adr/0004.
   */
  lock?: boolean;
}

/** The customer's credit position, in one statement (two more with `lock`). */
export async function creditPosition(tx: Tx, tenantId: string, customerId: string, opts: PositionOptions): Promise<CreditPosition> {
  if (opts.lock) await q.lockProfile(tx, tenantId, customerId);
  const p = await q.exposure(tx, customerId, opts.excludeContract ?? null);
  const m = (v: string | ReturnType<typeof dec>) => roundMoney(v, opts.currency);
  return {
    limit: m(p.credit_limit), open: m(p.open), committed: m(p.committed), available: m(dec(p.credit_limit).minus(p.open).minus(p.committed)),
    paymentTermDays: p.payment_term_days, riskLevel: p.risk_level, hasProfile: p.profile !== null, limitSource: p.limit_source,
    onHold: p.on_hold, holdReason: p.hold_reason,
  };
}

export interface CreditProfileInput { creditLimit: string; paymentTermDays: number; riskLevel: RiskLevel }

/**
 * Set the customer's credit profile and audit it; returns the limit before (0 when there was no profile), for the
 * credit ledger payments keeps.
 */
export async function setCreditProfile(tx: Tx, actor: Actor, customerId: string, input: CreditProfileInput, currency: string): Promise<{ limitBefore: string }> {
  const before = await q.profileForUpdate(tx, customerId);
  await q.upsertProfile(tx, actor.tenantId, customerId, input);
  await recordAudit(tx, actor, { action: 'update', entityType: 'credit_profile', entityId: customerId,
    before: before ? { creditLimit: roundMoney(before.credit_limit, currency), paymentTermDays: before.payment_term_days, riskLevel: before.risk_level } : null,
    after: { creditLimit: roundMoney(input.creditLimit, currency), paymentTermDays: input.paymentTermDays, riskLevel: input.riskLevel } });
  return { limitBefore: before?.credit_limit ?? '0' };
}

/**
 * Customers with invoices more than `days` days past due on `today` become high risk (once: a second run changes
 * nothing); each change is audited. Returns how many changed.
 */
export async function flagOverdueCustomers(tx: Tx, actor: Actor, today: string, days: number): Promise<number> {
  const flagged = await q.flagHighRisk(tx, actor.tenantId, today, days);
  for (const f of flagged) {
    await recordAudit(tx, actor, {
      action: 'flag_high_risk', entityType: 'credit_profile', entityId: f.customer_id,
      changes: [{ field: 'riskLevel', before: f.before ?? 'normal', after: 'high' }, { field: 'reason', before: null, after: { code: 'overdue_over_days', days, on: today } }],
    });
  }
  return flagged.length;
}

/** Put the customer on credit hold (idempotent: true when this call put it on hold), audited. */
export async function holdCredit(tx: Tx, actor: Actor, customerId: string, reason: string, on: string): Promise<boolean> {
  const changed = await q.putOnHold(tx, actor.tenantId, customerId, reason, on);
  if (changed) {
    await recordAudit(tx, actor, { action: 'credit_hold', entityType: 'credit_profile', entityId: customerId,
      changes: [{ field: 'onHold', before: false, after: true }, { field: 'holdReason', before: null, after: reason }] });
  }
  return changed;
}

/** Release the customer's credit hold, audited; false when it was not on hold. */
export async function releaseCreditHold(tx: Tx, actor: Actor, customerId: string, why: string): Promise<boolean> {
  const before = await q.releaseHold(tx, customerId);
  if (!before) return false;
  await recordAudit(tx, actor, { action: 'credit_release', entityType: 'credit_profile', entityId: customerId,
    changes: [{ field: 'onHold', before: true, after: false }, { field: 'holdReason', before: before.hold_reason, after: null }, { field: 'releaseReason', before: null, after: why }] });
  return true;
}
