// The lead pool 线索池: leads without an owner. The same claim rules as the customer pool 公海 — the tenant's daily
// claim cap from customers' pool settings, counted per rep over 24 hours, the claimer's row locked so parallel claims
// count each other — and owned open leads nobody touched for N days (lead settings, default 14) go back to it.
import type { Lead } from '@l2c/shared';
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { commonError } from '../../platform/errors.js';
import { poolSettings } from '../customers/index.js';
import { leadError } from './leads.errors.js';
import { leadScope, loadVisible, toLead } from './leads.service.js';
import * as q from './leads.sql.js';

export const DEFAULT_RECYCLE_DAYS = 14;

export async function recycleDays(tx: Tx): Promise<number> {
  return (await q.recycleDays(tx)) ?? DEFAULT_RECYCLE_DAYS;
}

/** Move a lead to a new owner (null: the pool) with its pool event and the audit of the ownership change. */
export async function changeLeadOwnerTx(tx: Tx, actor: Actor, row: q.LeadRow, ownerId: string | null, kind: 'release' | 'claim' | 'assign' | 'recycle', reason: string | null): Promise<Lead> {
  await q.setOwner(tx, row.id, ownerId);
  await q.insertPoolEvent(tx, { tenantId: actor.tenantId, leadId: row.id, kind, userId: actor.userId, reason });
  const after = toLead((await q.findLead(tx, row.id))!);
  await recordAudit(tx, actor, { action: kind, entityType: 'lead', entityId: row.id, changes: [
    { field: 'ownerId', before: row.owner_id, after: after.owner?.id ?? null },
    { field: 'ownerName', before: row.owner_name, after: after.owner?.name ?? null },
    ...(reason ? [{ field: 'reason', before: null, after: reason }] : []),
  ] });
  return after;
}

export async function releaseLead(db: Db, auth: AuthContext, id: string, reason: string): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.in_pool) throw leadError('in_pool');
    if (row.status === 'converted') throw leadError('converted');
    return changeLeadOwnerTx(tx, auth, row, null, 'release', reason);
  });
}

export async function claimLead(db: Db, auth: AuthContext, id: string, now = new Date()): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true); // the row lock queues two claimers; the second sees an owner
    if (!row.in_pool) throw leadError('not_in_pool');
    const { claimDailyCap } = await poolSettings(tx);
    await q.lockUser(tx, auth.userId);
    const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
    if ((await q.countClaimsSince(tx, auth.userId, since)) >= claimDailyCap) throw leadError('claim_cap_reached');
    return changeLeadOwnerTx(tx, auth, row, auth.userId, 'claim', null);
  });
}

export async function assignLead(db: Db, auth: AuthContext, id: string, ownerId: string, version: number): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== version) throw commonError('version_conflict');
    if (row.status === 'converted') throw leadError('converted');
    if (!(await q.userInScope(tx, ownerId, auth.userId, leadScope(auth)))) {
      throw leadError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
    }
    return changeLeadOwnerTx(tx, auth, row, ownerId, 'assign', null);
  });
}

export async function getLeadSettings(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ recycleDays: await recycleDays(tx) }));
}

export async function saveLeadSettings(db: Db, auth: AuthContext, input: { recycleDays: number }) {
  return inTenant(db, auth, async (tx) => {
    const before = await recycleDays(tx);
    await q.saveRecycleDays(tx, auth.tenantId, input.recycleDays);
    await recordAudit(tx, auth, { action: 'update', entityType: 'lead_settings', entityId: auth.tenantId, changes: [{ field: 'recycleDays', before, after: input.recycleDays }] });
    return { recycleDays: input.recycleDays };
  });
}

/**
 * The daily job: in every tenant, owned open leads untouched for the tenant's recycle days go back to the pool.
 * Idempotent: a recycled lead has no owner, so a second run the same day moves nothing.
 */
export async function recycleStaleLeads(db: Db): Promise<{ recycled: number }> {
  const tenants = await asSystem(db, (tx) => listTenants(tx));
  let recycled = 0;
  for (const t of tenants) {
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:lead-recycle' };
    for (;;) {
      const moved = await inTenant(db, actor, async (tx) => {
        const days = await recycleDays(tx);
        const stale = await q.staleLeads(tx, days, 500);
        for (const s of stale) await changeLeadOwnerTx(tx, actor, (await q.findLead(tx, s.id))!, null, 'recycle', `untouched for ${days} days`);
        return stale.length;
      });
      recycled += moved;
      if (moved < 500) break;
    }
  }
  return { recycled };
}
