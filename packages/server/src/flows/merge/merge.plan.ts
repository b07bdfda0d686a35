// What a merge does with each table that points at the duplicate: moved to the master by its owner's function, kept
// on the duplicate (its own history), or — money facts — never touched, so the merge is refused. A referencing table
// in none of these lists also refuses the merge (a table added later is safe by default: it blocks until its owner
// writes a mover and it is listed here).
import type { Actor, Tx } from '../../platform/db.js';
import { mergeCustomerIntoTx, unmergeCustomerTx } from '../../domains/customers/index.js';
import { moveOpportunityRefsTx } from '../../domains/opportunities/index.js';
import { moveCustomerLocationTx, moveVisitRefsTx } from '../../domains/visits/index.js';
import { moveDecisionMapRefsTx } from '../../domains/key-accounts/index.js';
import { moveCampaignMemberRefsTx } from '../../domains/campaigns/index.js';
import { moveLeadRefsTx } from '../../domains/leads/index.js';
import { moveScoreEventsTx } from '../../domains/scoring/index.js';
import type { Target } from './references.sql.js';

export type MergeObject = 'customer' | 'contact' | 'lead';
export const TARGET: Record<MergeObject, Target> = { customer: 'customers', contact: 'contacts', lead: 'leads' };

/** Moves the references of one table (or a few, keyed `table.column`) and returns the ids it moved per key. */
export interface Mover {
  keys: string[];
  owner: string;
  move(tx: Tx, actor: Actor, from: string, to: string, ids?: Record<string, string[]>): Promise<Record<string, string[]>>;
}

const one = (key: string, owner: string, fn: (tx: Tx, actor: Actor, from: string, to: string, ids?: string[]) => Promise<string[]>): Mover => ({
  keys: [key], owner, move: async (tx, actor, from, to, ids) => ({ [key]: await fn(tx, actor, from, to, ids?.[key]) }),
});

/** The decision map (key-accounts): roles and relations follow a merged customer, or a merged contact's own ones. */
const decisionMap = (kind: 'customer' | 'contact'): Mover => {
  const keys = kind === 'customer'
    ? { roles: 'decision_roles.customer_id', relationsFrom: 'contact_relations.customer_id' }
    : { roles: 'decision_roles.contact_id', relationsFrom: 'contact_relations.from_contact_id', relationsTo: 'contact_relations.to_contact_id' };
  return {
    keys: Object.values(keys), owner: 'key-accounts',
    move: async (tx, actor, from, to, ids) => {
      const given = ids ? Object.fromEntries(Object.entries(keys).map(([k, key]) => [k, ids[key] ?? []])) : undefined;
      const moved = await moveDecisionMapRefsTx(tx, actor, { kind, from, to, ids: given });
      return Object.fromEntries(Object.entries(keys).map(([k, key]) => [key, moved[k as keyof typeof moved]]));
    },
  };
};

const leadRefs = (kind: MergeObject): Mover => ({
  keys: [kind === 'customer' ? 'leads.converted_customer_id' : kind === 'contact' ? 'leads.converted_contact_id' : 'leads.duplicate_id'],
  owner: 'leads',
  move: async (tx, actor, from, to, ids) => {
    const key = kind === 'customer' ? 'leads.converted_customer_id' : kind === 'contact' ? 'leads.converted_contact_id' : 'leads.duplicate_id';
    const moved = await moveLeadRefsTx(tx, actor, { kind, from, to, ids: ids ? { conversions: ids[key] ?? [], flags: ids['leads.duplicate_id'] ?? [] } : undefined });
    return kind === 'lead' ? { [key]: moved.flags } : { [key]: moved.conversions, 'leads.duplicate_id': moved.flags };
  },
});

export const MOVERS: Record<MergeObject, Mover[]> = {
  customer: [
    // contacts, follow-ups and subsidiaries move with the customer row itself (mergeCustomerIntoTx); listed for the preview
    { keys: ['contacts.customer_id', 'followups.customer_id', 'customers.parent_id'], owner: 'customers', move: async () => ({}) },
    one('opportunities.customer_id', 'opportunities', (tx, a, from, to, ids) => moveOpportunityRefsTx(tx, a, { kind: 'customer', from, to, ids })),
    one('visits.customer_id', 'visits', (tx, a, from, to, ids) => moveVisitRefsTx(tx, a, { kind: 'customer', from, to, ids })),
    one('customer_locations.customer_id', 'visits', (tx, a, from, to, ids) => moveCustomerLocationTx(tx, a, { from, to, ids })),
    decisionMap('customer'),
    leadRefs('customer'),
  ],
  contact: [
    one('campaign_members.contact_id', 'campaigns', (tx, a, from, to, ids) => moveCampaignMemberRefsTx(tx, a, { kind: 'contact', from, to, ids })),
    one('opportunities.contact_id', 'opportunities', (tx, a, from, to, ids) => moveOpportunityRefsTx(tx, a, { kind: 'contact', from, to, ids })),
    one('visits.contact_id', 'visits', (tx, a, from, to, ids) => moveVisitRefsTx(tx, a, { kind: 'contact', from, to, ids })),
    one('score_events.contact_id', 'scoring', (tx, _a, from, to, ids) => moveScoreEventsTx(tx, 'contact', { from, to, ids })),
    decisionMap('contact'),
    leadRefs('contact'),
    // follow-ups of the contact move with the contact row (mergeContactIntoTx)
    { keys: ['followups.contact_id'], owner: 'customers', move: async () => ({}) },
  ],
  lead: [
    one('campaign_members.lead_id', 'campaigns', (tx, a, from, to, ids) => moveCampaignMemberRefsTx(tx, a, { kind: 'lead', from, to, ids })),
    one('opportunities.lead_id', 'opportunities', (tx, a, from, to, ids) => moveOpportunityRefsTx(tx, a, { kind: 'lead', from, to, ids })),
    one('score_events.lead_id', 'scoring', (tx, _a, from, to, ids) => moveScoreEventsTx(tx, 'lead', { from, to, ids })),
    leadRefs('lead'),
  ],
};

/** References that stay with the duplicate: its own history, its own settings, the merge link itself. */
export const KEPT: Record<MergeObject, string[]> = {
  customer: ['customers.merged_into_id', 'pool_events.customer_id', 'credit_profiles.customer_id', 'credit_assessments.customer_id', 'customer_rfm.customer_id'],
  contact: ['contacts.merged_into_id'],
  lead: ['leads.merged_into_id', 'lead_status_history.lead_id', 'lead_pool_events.lead_id', 'lead_scores.lead_id'],
};

/** Money facts and what hangs on them: never rewritten by a merge, so a duplicate that has any is not merged. */
export const MONEY_TABLES = new Set([
  'contracts', 'receivables', 'payments', 'account_entries', 'write_offs', 'allocations', 'bad_debt_requests', 'invoice_requests', 'invoices',
  'red_confirmations', 'bank_statement_lines', 'bank_payer_aliases', 'aging_customer', 'aging_deltas', 'promises_to_pay', 'dunning_step_runs',
  'dunning_mail', 'dunning_tasks', 'contact_notes', 'quotes',
]);

export { mergeCustomerIntoTx, unmergeCustomerTx };
