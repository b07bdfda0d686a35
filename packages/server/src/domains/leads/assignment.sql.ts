// Assignment rules and their members: statements only (assignment.service.ts holds the choice).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface RuleRow {
  id: string; name: string; position: number; active: boolean; strategy: 'round_robin' | 'weighted';
  sources: string[]; regions: string[]; industries: string[]; version: number;
}
export interface MemberRow { id: string; rule_id: string; user_id: string; user_name: string; weight: number; daily_quota: number | null; assigned_count: number; active: boolean }

/** The rules in evaluation order; `lock` takes their rows, so two captures do not both give the same turn away. */
export async function listRules(tx: Tx, opts: { activeOnly?: boolean; lock?: boolean } = {}): Promise<RuleRow[]> {
  const r = await sql<RuleRow>`select id, name, position, active, strategy, sources, regions, industries, version
    from lead_assignment_rules ${opts.activeOnly ? sql`where active` : sql``} order by position, created_at, id
    ${opts.lock ? sql`for update` : sql``}`.execute(tx);
  return r.rows;
}

export async function listMembers(tx: Tx, ruleIds: string[]): Promise<MemberRow[]> {
  if (ruleIds.length === 0) return [];
  const r = await sql<MemberRow>`select m.id, m.rule_id, m.user_id, u.name as user_name, m.weight, m.daily_quota, m.assigned_count, u.active
    from lead_assignment_members m join users u on u.id = m.user_id where m.rule_id = any(${ruleIds}::uuid[]) order by m.rule_id, u.name, m.id`.execute(tx);
  return r.rows;
}

/** Leads each member got from each rule since `since` (the start of today in the tenant's time zone). */
export async function assignedSince(tx: Tx, ruleIds: string[], since: string): Promise<Array<{ rule_id: string; owner_id: string; n: number }>> {
  if (ruleIds.length === 0) return [];
  const r = await sql<{ rule_id: string; owner_id: string; n: number }>`select assigned_rule_id as rule_id, owner_id, count(*)::int as n
    from leads where assigned_rule_id = any(${ruleIds}::uuid[]) and assigned_at >= ${since}::timestamptz and owner_id is not null
    group by assigned_rule_id, owner_id`.execute(tx);
  return r.rows;
}

/** The instant today began in `timeZone`, as the database computes it. */
export async function startOfDay(tx: Tx, today: string, timeZone: string): Promise<string> {
  const r = await sql<{ at: string }>`select ((${today}::date)::timestamp at time zone ${timeZone})::text as at`.execute(tx);
  return r.rows[0]!.at;
}

export async function addToCounts(tx: Tx, increments: Array<{ memberId: string; by: number }>) {
  if (increments.length === 0) return;
  await sql`update lead_assignment_members m set assigned_count = m.assigned_count + x.by
    from unnest(${increments.map((i) => i.memberId)}::uuid[], ${increments.map((i) => i.by)}::int[]) as x(id, by) where m.id = x.id`.execute(tx);
}

export async function insertRule(tx: Tx, tenantId: string, r: Omit<RuleRow, 'id' | 'version'>): Promise<string> {
  const row = await tx.insertInto('lead_assignment_rules').values({
    tenant_id: tenantId, name: r.name, position: r.position, active: r.active, strategy: r.strategy, sources: r.sources, regions: r.regions, industries: r.industries,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(tx: Tx, id: string, r: Omit<RuleRow, 'id' | 'version'>) {
  await tx.updateTable('lead_assignment_rules').set((eb) => ({
    name: r.name, position: r.position, active: r.active, strategy: r.strategy, sources: r.sources, regions: r.regions, industries: r.industries,
    version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
}

export async function findRule(tx: Tx, id: string, forUpdate = false): Promise<RuleRow | undefined> {
  const r = await sql<RuleRow>`select id, name, position, active, strategy, sources, regions, industries, version
    from lead_assignment_rules where id = ${id} ${forUpdate ? sql`for update` : sql``}`.execute(tx);
  return r.rows[0];
}

/** Replace a rule's members, keeping the running tally of those who stay. */
export async function replaceMembers(tx: Tx, tenantId: string, ruleId: string, members: Array<{ userId: string; weight: number; dailyQuota: number | null }>) {
  await tx.deleteFrom('lead_assignment_members').where('rule_id', '=', ruleId).where('user_id', 'not in', members.map((m) => m.userId)).execute();
  for (const m of members) {
    await tx.insertInto('lead_assignment_members').values({ tenant_id: tenantId, rule_id: ruleId, user_id: m.userId, weight: m.weight, daily_quota: m.dailyQuota })
      .onConflict((oc) => oc.columns(['tenant_id', 'rule_id', 'user_id']).doUpdateSet({ weight: m.weight, daily_quota: m.dailyQuota })).execute();
  }
}

export async function deleteRule(tx: Tx, id: string) {
  await tx.deleteFrom('lead_assignment_rules').where('id', '=', id).execute();
}

/** Users of the tenant among these ids who are active (a rule's members must be). */
export async function activeUsers(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await tx.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  return r.map((x) => x.id);
}
