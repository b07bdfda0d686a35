// The public pool 公海: customers without an owner. Reps release customers they will not work, claim from the
// pool up to a daily cap, managers assign; customers nobody followed up for N days return automatically.
import type { Customer } from '@l2c/shared';
import { inTenant, asSystem, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import type { Actor } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { commonError } from '../../platform/errors.js';
import { customerError } from './customers.errors.js';
import { loadVisible, toCustomer, auditView } from './customers.service.js';
import * as q from './customers.sql.js';

export interface PoolSettings { reclaimDays: number; claimDailyCap: number }
export const DEFAULT_POOL_SETTINGS: PoolSettings = { reclaimDays: 30, claimDailyCap: 10 };

export async function poolSettings(tx: Tx): Promise<PoolSettings> {
  return { ...DEFAULT_POOL_SETTINGS, ...((await q.tenantPoolSettings(tx)) ?? {}) };
}

async function changeOwner(tx: Tx, actor: Actor, row: q.CustomerRow, ownerId: string | null, kind: q.PoolEventKind, reason: string | null): Promise<Customer> {
  const before = toCustomer(row);
  await q.setOwner(tx, row.id, ownerId);
  await q.insertPoolEvent(tx, { tenantId: actor.tenantId, customerId: row.id, kind, userId: actor.userId, reason });
  const after = toCustomer((await q.findCustomer(tx, row.id))!);
  const changes = [
    { field: 'ownerId', before: before.owner?.id ?? null, after: after.owner?.id ?? null },
    { field: 'ownerName', before: before.owner?.name ?? null, after: after.owner?.name ?? null },
    ...(reason ? [{ field: 'reason', before: null, after: reason }] : []),
  ];
  await recordAudit(tx, actor, { action: kind, entityType: 'customer', entityId: row.id, changes });
  return after;
}

export async function releaseToPool(db: Db, auth: AuthContext, id: string, reason: string): Promise<Customer> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.owner_id === null) throw customerError('in_pool');
    return changeOwner(tx, auth, row, null, 'release', reason);
  });
}

export async function claimFromPool(db: Db, auth: AuthContext, id: string, now = new Date()): Promise<Customer> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true); // the row lock makes two claimers queue; the second sees an owner
    if (row.owner_id !== null) throw customerError('not_in_pool');
    const { claimDailyCap } = await poolSettings(tx);
    // Lock the claimer's user row so one rep's parallel claims count each other.
    await q.lockClaimer(tx, auth.userId);
    const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
    if ((await q.countClaimsSince(tx, auth.userId, since)) >= claimDailyCap) throw customerError('claim_cap_reached');
    return changeOwner(tx, auth, row, auth.userId, 'claim', null);
  });
}

export async function assignOwner(db: Db, auth: AuthContext, id: string, ownerId: string, version: number): Promise<Customer> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== version) throw commonError('version_conflict');
    if (!(await q.userInScope(tx, ownerId, auth.userId, auth.scope))) {
      throw customerError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
    }
    return changeOwner(tx, auth, row, ownerId, 'assign', null);
  });
}

/**
 * The daily reclaim job: in every tenant, customers whose owner has not followed up for reclaimDays return to the
 * pool. Idempotent: a customer already in the pool is not touched again, so a second run the same day moves nothing.
 */
export async function reclaimStaleCustomers(db: Db): Promise<{ reclaimed: number }> {
  const tenants = await asSystem(db, (tx) => listTenants(tx));
  let reclaimed = 0;
  for (const t of tenants) {
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:pool-reclaim' };
    for (;;) {
      const moved = await inTenant(db, actor, async (tx) => {
        const { reclaimDays } = await poolSettings(tx);
        const stale = await q.staleOwnedCustomers(tx, reclaimDays, 500);
        for (const s of stale) {
          const row = (await q.findCustomer(tx, s.id))!;
          await changeOwner(tx, actor, row, null, 'reclaim', `no follow-up for ${reclaimDays} days`);
        }
        return stale.length;
      });
      reclaimed += moved;
      if (moved < 500) break;
    }
  }
  return { reclaimed };
}

export { auditView };
