// Assignment rules 分配规则: evaluated in position order, the first active rule whose conditions all hold picks an owner
// among its members. Round-robin is weighted with every weight 1; weighted balances assigned_count ÷ weight, so a
// member of weight 3 gets three leads for each one of weight 1. A member at his daily quota (leads this rule gave him
// since the tenant's midnight) is skipped; a rule whose members are all full passes the lead to the next rule.
import { DEFAULT_TIME_ZONE } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { todayFor } from '../../platform/clock.js';
import * as q from './assignment.sql.js';

export interface AssignInput { source: string; region: string | null; industry: string | null }
export interface Assignment { ownerId: string; ruleId: string }

interface Member extends q.MemberRow { today: number; added: number }
interface Rule extends q.RuleRow { members: Member[] }

function matches(rule: q.RuleRow, lead: AssignInput): boolean {
  if (rule.sources.length > 0 && !rule.sources.includes(lead.source)) return false;
  if (rule.industries.length > 0 && (!lead.industry || !rule.industries.includes(lead.industry))) return false;
  // a region rule "浙江" takes "浙江省杭州市": regions are typed at several levels
  if (rule.regions.length > 0 && (!lead.region || !rule.regions.some((r) => lead.region!.includes(r)))) return false;
  return true;
}

/** The rules with their members and today's counts, locked for this transaction; choose() many times, then flush(). */
export class Assigner {
  private constructor(private readonly rules: Rule[]) {}

  static async load(tx: Tx, actor: Actor, now = new Date()): Promise<Assigner> {
    const rules = await q.listRules(tx, { activeOnly: true, lock: true });
    const ids = rules.map((r) => r.id);
    const since = await q.startOfDay(tx, todayFor(actor, now), actor.timeZone ?? DEFAULT_TIME_ZONE);
    const [members, counts] = await Promise.all([q.listMembers(tx, ids), q.assignedSince(tx, ids, since)]);
    const today = new Map(counts.map((c) => [`${c.rule_id}:${c.owner_id}`, c.n]));
    return new Assigner(rules.map((r) => ({
      ...r,
      members: members.filter((m) => m.rule_id === r.id && m.active).map((m) => ({ ...m, today: today.get(`${r.id}:${m.user_id}`) ?? 0, added: 0 })),
    })));
  }

  get empty(): boolean { return this.rules.length === 0; }

  choose(lead: AssignInput): Assignment | null {
    for (const rule of this.rules) {
      if (!matches(rule, lead)) continue;
      let best: Member | null = null;
      let bestLoad = Infinity;
      for (const m of rule.members) {
        if (m.daily_quota !== null && m.today >= m.daily_quota) continue;
        const weight = rule.strategy === 'weighted' ? m.weight : 1;
        const load = (m.assigned_count + 1) / weight; // the share he would have after this lead
        if (load < bestLoad) { best = m; bestLoad = load; }
      }
      if (!best) continue;
      best.assigned_count++;
      best.today++;
      best.added++;
      return { ownerId: best.user_id, ruleId: rule.id };
    }
    return null;
  }

  /** Write the members' new tallies (one statement). */
  async flush(tx: Tx): Promise<void> {
    const increments = this.rules.flatMap((r) => r.members.filter((m) => m.added > 0).map((m) => ({ memberId: m.id, by: m.added })));
    await q.addToCounts(tx, increments);
    for (const r of this.rules) for (const m of r.members) m.added = 0;
  }
}
