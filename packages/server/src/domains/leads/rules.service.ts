// Managing assignment rules: replaced whole (conditions and members), audited; members must be active users the
// caller may assign to. The choice itself is assignment.service.ts.
import { DEFAULT_TIME_ZONE, type AssignmentRuleInput } from '@l2c/shared';
import type { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { todayFor } from '../../platform/clock.js';
import { leadError } from './leads.errors.js';
import { leadScope } from './leads.service.js';
import * as q from './assignment.sql.js';
import { userInScope } from './leads.sql.js';

type RuleIn = z.infer<typeof AssignmentRuleInput>;

async function load(tx: Tx, auth: AuthContext, ids?: string[]) {
  const all = await q.listRules(tx);
  const rules = ids ? all.filter((r) => ids.includes(r.id)) : all;
  const ruleIds = rules.map((r) => r.id);
  const since = await q.startOfDay(tx, todayFor(auth), auth.timeZone ?? DEFAULT_TIME_ZONE);
  const [members, today] = await Promise.all([q.listMembers(tx, ruleIds), q.assignedSince(tx, ruleIds, since)]);
  return rules.map((r) => ({
    id: r.id, name: r.name, position: r.position, active: r.active, strategy: r.strategy, sources: r.sources, regions: r.regions, industries: r.industries,
    members: members.filter((m) => m.rule_id === r.id).map((m) => ({
      userId: m.user_id, name: m.user_name, weight: m.weight, dailyQuota: m.daily_quota, assignedCount: m.assigned_count,
      assignedToday: today.find((t) => t.rule_id === r.id && t.owner_id === m.user_id)?.n ?? 0,
    })),
  }));
}

/** A rule the caller may change: every member is in his scope (a manager keeps his teams' rules, not another's). */
async function loadChangeable(tx: Tx, auth: AuthContext, id: string): Promise<q.RuleRow> {
  const rule = await q.findRule(tx, id, true);
  if (!rule) throw leadError('rule_not_found');
  if (leadScope(auth) !== 'all') {
    for (const m of await q.listMembers(tx, [id])) {
      if (!(await userInScope(tx, m.user_id, auth.userId, leadScope(auth)))) throw leadError('rule_not_found');
    }
  }
  return rule;
}

export async function listRules(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: await load(tx, auth) }));
}

export async function saveRule(db: Db, auth: AuthContext, id: string | null, input: RuleIn) {
  return inTenant(db, auth, async (tx) => {
    const userIds = [...new Set(input.members.map((m) => m.userId))];
    for (const [i, m] of input.members.entries()) {
      if (!(await userInScope(tx, m.userId, auth.userId, leadScope(auth)))) {
        throw leadError('owner_not_found', undefined, { errors: [{ path: `members.${i}.userId`, message: 'not an active user you may assign to' }] });
      }
    }
    const members = userIds.map((u) => input.members.find((m) => m.userId === u)!);
    const fields = { name: input.name, position: input.position, active: input.active, strategy: input.strategy, sources: input.sources, regions: input.regions, industries: input.industries };
    let before: unknown = null;
    if (id) {
      await loadChangeable(tx, auth, id);
      before = (await load(tx, auth, [id]))[0];
      await q.updateRule(tx, id, fields);
    } else {
      id = await q.insertRule(tx, auth.tenantId, fields);
    }
    await q.replaceMembers(tx, auth.tenantId, id, members.map((m) => ({ userId: m.userId, weight: m.weight, dailyQuota: m.dailyQuota })));
    const after = (await load(tx, auth, [id]))[0]!;
    await recordAudit(tx, auth, { action: before ? 'update' : 'create', entityType: 'lead_assignment_rule', entityId: id,
      before: before as Record<string, unknown> | null, after: { ...fields, members: members.map((m) => ({ userId: m.userId, weight: m.weight, dailyQuota: m.dailyQuota })) } });
    return after;
  });
}

export async function deleteRule(db: Db, auth: AuthContext, id: string) {
  await inTenant(db, auth, async (tx) => {
    const existing = await loadChangeable(tx, auth, id);
    await q.deleteRule(tx, id);
    await recordAudit(tx, auth, { action: 'delete', entityType: 'lead_assignment_rule', entityId: id, before: { name: existing.name, position: existing.position }, after: null });
  });
}
