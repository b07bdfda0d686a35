// Dunning policies and their steps: plain reads and writes through the typed builder.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function lockTenantDunning(tx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`dunning:${tenantId}`}))`.execute(tx);
}

export async function policyCount(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('dunning_policies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listPolicies(tx: Tx) {
  return tx.selectFrom('dunning_policies').select(['id', 'name', 'grade', 'risk_level', 'priority', 'active', 'version'])
    .orderBy('priority').orderBy('created_at').orderBy('id').execute();
}

export async function listSteps(tx: Tx, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return tx.selectFrom('dunning_steps').select(['id', 'policy_id', 'seq', 'offset_days', 'action', 'recipient', 'name'])
    .where('policy_id', 'in', policyIds).orderBy('policy_id').orderBy('seq').execute();
}

export async function policyForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('dunning_policies').select(['id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface PolicyFields { name: string; grade: 'A' | 'B' | 'C' | 'D' | null; riskLevel: 'low' | 'normal' | 'high' | null; priority: number; active: boolean }
export interface StepFields { seq: number; offsetDays: number; action: 'notice' | 'email' | 'task' | 'letter' | 'hold'; recipient: 'customer' | 'owner' | 'manager' | 'finance'; name: string }

export async function insertPolicy(tx: Tx, tenantId: string, p: PolicyFields): Promise<string> {
  const r = await tx.insertInto('dunning_policies').values({ tenant_id: tenantId, name: p.name, grade: p.grade, risk_level: p.riskLevel, priority: p.priority, active: p.active })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePolicy(tx: Tx, id: string, p: PolicyFields): Promise<void> {
  await tx.updateTable('dunning_policies').set({ name: p.name, grade: p.grade, risk_level: p.riskLevel, priority: p.priority, active: p.active,
    version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertStep(tx: Tx, tenantId: string, policyId: string, s: StepFields): Promise<void> {
  await tx.insertInto('dunning_steps').values({ tenant_id: tenantId, policy_id: policyId, seq: s.seq, offset_days: s.offsetDays, action: s.action, recipient: s.recipient, name: s.name }).execute();
}

export async function updateStep(tx: Tx, id: string, s: StepFields): Promise<void> {
  await tx.updateTable('dunning_steps').set({ offset_days: s.offsetDays, action: s.action, recipient: s.recipient, name: s.name }).where('id', '=', id).execute();
}

/** Steps of a policy beyond `keep` that never ran are deleted; returns how many that did run stay in the way. */
export async function deleteStepsFrom(tx: Tx, policyId: string, keep: number): Promise<number> {
  const used = await tx.selectFrom('dunning_steps as s').select('s.id').where('s.policy_id', '=', policyId).where('s.seq', '>', keep)
    .where((eb) => eb.exists(eb.selectFrom('dunning_step_runs as r').select('r.id').whereRef('r.step_id', '=', 's.id'))).execute();
  if (used.length > 0) return used.length;
  await tx.deleteFrom('dunning_steps').where('policy_id', '=', policyId).where('seq', '>', keep).execute();
  return 0;
}
