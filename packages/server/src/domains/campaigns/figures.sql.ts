// The figures of campaigns, own and summed over each one's subtree, in one set-based statement per page: costs and
// members (campaigns' own tables), leads by campaign (leads), opportunities and the won amount (opportunities), and the
// cash collected on the contracts those won opportunities became — payment allocations on the contracts' receivables,
// net of reversals (receivables' write-off facts). Sums are numeric in SQL and travel as exact strings.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/** An opportunity is listed to whoever sees its owner (the figures count every one). */
export function opportunityScope(userId: string, scope: DataScope): RawBuilder<boolean> {
  if (scope === 'all') return sql<boolean>`true`;
  return sql<boolean>`o.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export interface FigureRow {
  root_id: string;
  self: boolean;
  currency: string;
  budget: string; actual_cost: string;
  members: number; invited: number; registered: number; checked_in: number;
  leads: number; mql: number; converted: number;
  opportunities: number; won: number; won_amount: string; collected: string;
}

/**
 * For every campaign of `ids`: one row with its own figures (self) and one summed over it and all its descendants
 * (Salesforce's "in hierarchy" reading: a parent's budget and cost add to its children's). Opportunities and cash count
 * only in the campaign's currency; a sub-campaign is in its parent's (the domain checks it on create and move).
 */
export async function figuresOf(tx: Tx, ids: string[]): Promise<FigureRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<FigureRow>`
    with recursive sub(root_id, id) as (
      select c.id, c.id from campaigns c where c.id = any(${ids}::uuid[])
      union
      select s.root_id, c.id from campaigns c join sub s on c.parent_id = s.id
    ),
    members as (select distinct id from sub),
    cost as (
      select k.campaign_id, sum(k.amount) as amount from campaign_costs k where k.campaign_id in (select id from members) group by 1
    ),
    mem as (
      select m.campaign_id, count(*)::int as members,
        count(*) filter (where m.status in ('invited', 'registered', 'checked_in'))::int as invited,
        count(*) filter (where m.status in ('registered', 'checked_in'))::int as registered,
        count(*) filter (where m.status = 'checked_in')::int as checked_in
      from campaign_members m where m.campaign_id in (select id from members) group by 1
    ),
    lead as (${leadCounts()}),
    opp as (
      select o.campaign_id, count(*)::int as opportunities, count(*) filter (where o.status = 'won')::int as won,
        coalesce(sum(o.amount) filter (where o.status = 'won' and o.currency = c.currency), 0) as won_amount
      from opportunities o join campaigns c on c.id = o.campaign_id
      where o.campaign_id in (select id from members) group by 1
    ),
    cash as (
      select o.campaign_id, sum(a.amount) as collected
      from opportunities o
      join campaigns c on c.id = o.campaign_id
      join receivables r on r.contract_id = o.contract_id and r.currency = c.currency
      join allocations a on a.receivable_id = r.id and a.source_type = 'payment'
      where o.campaign_id in (select id from members) and o.status = 'won' and o.contract_id is not null
      group by 1
    ),
    per as (
      select c.id, c.currency, c.budget, coalesce(cost.amount, 0) as actual_cost,
        coalesce(mem.members, 0) as members, coalesce(mem.invited, 0) as invited, coalesce(mem.registered, 0) as registered,
        coalesce(mem.checked_in, 0) as checked_in, coalesce(lead.leads, 0) as leads, coalesce(lead.mql, 0) as mql,
        coalesce(lead.converted, 0) as converted, coalesce(opp.opportunities, 0) as opportunities, coalesce(opp.won, 0) as won,
        coalesce(opp.won_amount, 0) as won_amount, coalesce(cash.collected, 0) as collected
      from campaigns c
      left join cost on cost.campaign_id = c.id left join mem on mem.campaign_id = c.id left join lead on lead.campaign_id = c.id
      left join opp on opp.campaign_id = c.id left join cash on cash.campaign_id = c.id
      where c.id in (select id from members)
    )
    select s.root_id, g.self, min(p.currency) as currency,
      sum(p.budget)::text as budget, sum(p.actual_cost)::text as actual_cost,
      sum(p.members)::int as members, sum(p.invited)::int as invited, sum(p.registered)::int as registered, sum(p.checked_in)::int as checked_in,
      sum(p.leads)::int as leads, sum(p.mql)::int as mql, sum(p.converted)::int as converted,
      sum(p.opportunities)::int as opportunities, sum(p.won)::int as won, sum(p.won_amount)::text as won_amount, sum(p.collected)::text as collected
    from sub s join per p on p.id = s.id
    cross join lateral (values (true), (false)) g(self)
    where not g.self or s.id = s.root_id
    group by s.root_id, g.self`.execute(tx);
  return r.rows;
}

/** Leads per campaign: all, MQL or further, converted. */
function leadCounts(): RawBuilder<unknown> {
  return sql`select l.campaign_id, count(*)::int as leads,
      count(*) filter (where l.status in ('mql', 'sql', 'converted'))::int as mql,
      count(*) filter (where l.status = 'converted')::int as converted
    from leads l where l.campaign_id in (select id from members) group by 1`;
}

/**
 * Opportunities attributed to a campaign or its descendants, won first, with the cash collected on each one's contract;
 * only those whose owner the caller sees (the figures above count all of them).
 */
export async function attributedOpportunities(tx: Tx, rootId: string, oppScope: RawBuilder<boolean>, limit: number) {
  const r = await sql<{
    id: string; name: string; campaign_id: string; campaign_name: string; status: string; amount: string; currency: string;
    contract_id: string | null; contract_number: string | null; collected: string;
  }>`
    with recursive sub(id) as (select ${rootId}::uuid union select c.id from campaigns c join sub s on c.parent_id = s.id)
    select o.id, o.name, o.campaign_id, c.name as campaign_name, o.status, o.amount::text as amount, o.currency,
      o.contract_id, k.number as contract_number,
      coalesce((select sum(a.amount) from receivables r join allocations a on a.receivable_id = r.id and a.source_type = 'payment'
        where r.contract_id = o.contract_id and r.currency = o.currency), 0)::text as collected
    from opportunities o join campaigns c on c.id = o.campaign_id left join contracts k on k.id = o.contract_id
    where o.campaign_id in (select id from sub) and ${oppScope}
    order by (o.status = 'won') desc, o.amount desc, o.id
    limit ${limit}`.execute(tx);
  return r.rows;
}
