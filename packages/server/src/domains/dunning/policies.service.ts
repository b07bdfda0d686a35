// Dunning policies 催收策略: per customer grade and/or risk level, steps relative to the due date. A tenant starts with
// the defaults (defaults.ts), created on first use; changes are audited. A step that has run stays (its runs point at
// it): it can be edited, not removed.
import type { z } from 'zod';
import type { DunningPolicyInput, DunningPolicySchema } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { DEFAULT_POLICIES } from './defaults.js';
import { dunningError } from './dunning.errors.js';
import * as q from './policies.sql.js';

type Policy = z.infer<typeof DunningPolicySchema>;
type Input = z.infer<typeof DunningPolicyInput>;

/** The default policies when the tenant has none yet (under the tenant's dunning lock: two callers create them once). */
export async function ensureDefaultPolicies(tx: Tx, tenantId: string): Promise<void> {
  if ((await q.policyCount(tx)) > 0) return;
  await q.lockTenantDunning(tx, tenantId);
  if ((await q.policyCount(tx)) > 0) return;
  for (const d of DEFAULT_POLICIES) {
    const id = await q.insertPolicy(tx, tenantId, d.policy);
    for (const s of d.steps) await q.insertStep(tx, tenantId, id, s);
  }
}

async function load(tx: Tx): Promise<Policy[]> {
  const policies = await q.listPolicies(tx);
  const steps = await q.listSteps(tx, policies.map((p) => p.id));
  return policies.map((p) => ({
    id: p.id, name: p.name, grade: p.grade, riskLevel: p.risk_level, priority: p.priority, active: p.active, version: p.version,
    steps: steps.filter((s) => s.policy_id === p.id).map((s) => ({ id: s.id, seq: s.seq, offsetDays: s.offset_days, action: s.action, recipient: s.recipient, name: s.name })),
  }));
}

export async function listPolicies(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => {
    await ensureDefaultPolicies(tx, auth.tenantId);
    return { items: await load(tx) };
  });
}

const fields = (i: Input): q.PolicyFields => ({ name: i.name, grade: i.grade, riskLevel: i.riskLevel, priority: i.priority, active: i.active });
const stepsOf = (i: Input): q.StepFields[] => [...i.steps].sort((a, b) => a.offsetDays - b.offsetDays).map((s, n) => ({ ...s, seq: n + 1 }));

export async function createPolicy(db: Db, auth: AuthContext, input: Input): Promise<Policy> {
  return inTenant(db, auth, async (tx) => {
    await ensureDefaultPolicies(tx, auth.tenantId);
    const id = await q.insertPolicy(tx, auth.tenantId, fields(input));
    for (const s of stepsOf(input)) await q.insertStep(tx, auth.tenantId, id, s);
    await recordAudit(tx, auth, { action: 'create', entityType: 'dunning_policy', entityId: id, before: null, after: { ...fields(input), steps: stepsOf(input) } });
    return (await load(tx)).find((p) => p.id === id)!;
  });
}

export async function updatePolicy(db: Db, auth: AuthContext, id: string, input: Input): Promise<Policy> {
  return inTenant(db, auth, async (tx) => {
    const row = await q.policyForUpdate(tx, id);
    if (!row) throw dunningError('policy_not_found');
    if (input.version !== undefined && input.version !== row.version) throw dunningError('version_conflict');
    const before = (await load(tx)).find((p) => p.id === id)!;
    const steps = stepsOf(input);
    if ((await q.deleteStepsFrom(tx, id, steps.length)) > 0) throw dunningError('step_in_use');
    await q.updatePolicy(tx, id, fields(input));
    for (const s of steps) {
      const old = before.steps.find((o) => o.seq === s.seq);
      if (old) await q.updateStep(tx, old.id, s);
      else await q.insertStep(tx, auth.tenantId, id, s);
    }
    const after = (await load(tx)).find((p) => p.id === id)!;
    const strip = (p: Policy) => ({ name: p.name, grade: p.grade, riskLevel: p.riskLevel, priority: p.priority, active: p.active,
      steps: p.steps.map((s) => `${s.offsetDays}:${s.action}:${s.recipient}:${s.name}`) });
    await recordAudit(tx, auth, { action: 'update', entityType: 'dunning_policy', entityId: id, before: strip(before), after: strip(after) });
    return after;
  });
}
