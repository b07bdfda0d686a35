// Campaign members and costs: plain reads and writes (typed builder); the member list joins the lead's and the
// contact's names read-only (leads, contacts, customers).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

function selectMember(tx: Tx) {
  return tx.selectFrom('campaign_members as m')
    .leftJoin('leads as l', 'l.id', 'm.lead_id')
    .leftJoin('contacts as ct', 'ct.id', 'm.contact_id')
    .leftJoin('customers as cu', 'cu.id', 'ct.customer_id')
    .select(['m.id', 'm.campaign_id', 'm.status', 'm.lead_id', 'm.contact_id', 'm.name', 'm.company', 'm.phone', 'm.email',
      'm.invited_at', 'm.registered_at', 'm.checked_in_at', 'm.lead_created', 'm.version', 'm.created_at',
      'l.contact_name as lead_name', 'l.company_name as lead_company', 'l.status as lead_status',
      'ct.name as contact_name', 'ct.customer_id as contact_customer_id', 'cu.name as contact_customer_name']);
}
export type MemberRow = Awaited<ReturnType<typeof getMember>> & object;

export async function getMember(tx: Tx, id: string) {
  return selectMember(tx).where('m.id', '=', id).executeTakeFirst();
}

/** A campaign's members in the order they were added; keyset on (created_at, id). */
export async function listMembers(tx: Tx, campaignId: string, status: string[] | undefined, q: string | undefined, after: [string, string] | null, limit: number) {
  let query = selectMember(tx).where('m.campaign_id', '=', campaignId);
  if (status?.length) query = query.where('m.status', 'in', status as never);
  if (q) {
    const like = `%${q}%`;
    query = query.where(sql<boolean>`(m.name ilike ${like} or m.company ilike ${like} or m.phone ilike ${like} or m.email ilike ${like}
      or l.contact_name ilike ${like} or l.company_name ilike ${like} or ct.name ilike ${like} or cu.name ilike ${like})`);
  }
  if (after) query = query.where(sql<boolean>`(m.created_at, m.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return query.orderBy('m.created_at').orderBy('m.id').limit(limit + 1).execute();
}

export async function lockMember(tx: Tx, id: string) {
  return tx.selectFrom('campaign_members').select(['id', 'campaign_id', 'status', 'lead_id', 'contact_id', 'name', 'company', 'phone', 'email', 'version'])
    .where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function memberByRef(tx: Tx, campaignId: string, ref: { leadId?: string | null; contactId?: string | null }) {
  let q = tx.selectFrom('campaign_members').select(['id']).where('campaign_id', '=', campaignId);
  if (ref.leadId) q = q.where('lead_id', '=', ref.leadId);
  else if (ref.contactId) q = q.where('contact_id', '=', ref.contactId);
  else return undefined;
  return q.executeTakeFirst();
}

export interface MemberFields {
  leadId: string | null; contactId: string | null; name: string | null; company: string | null; phone: string | null; email: string | null;
  status: 'planned' | 'invited' | 'registered' | 'checked_in';
}

/** A new member; the timestamps of the steps it starts past are the moment it was added. */
export async function insertMember(tx: Tx, tenantId: string, campaignId: string, createdBy: string | null, f: MemberFields): Promise<string> {
  const past = (s: MemberFields['status']) => ['planned', 'invited', 'registered', 'checked_in'].indexOf(f.status) >= ['planned', 'invited', 'registered', 'checked_in'].indexOf(s);
  const r = await tx.insertInto('campaign_members').values({
    tenant_id: tenantId, campaign_id: campaignId, lead_id: f.leadId, contact_id: f.contactId, name: f.name, company: f.company, phone: f.phone,
    email: f.email, status: f.status, created_by: createdBy,
    invited_at: past('invited') ? sql`now()` : null, registered_at: past('registered') ? sql`now()` : null, checked_in_at: past('checked_in') ? sql`now()` : null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Move a member forward to `status`; steps it skips get the same moment (a walk-in registers as it checks in). */
export async function advanceMember(tx: Tx, id: string, status: MemberFields['status'], leadId: string | null, leadCreated: boolean): Promise<void> {
  const at = (s: MemberFields['status'], col: 'invited_at' | 'registered_at' | 'checked_in_at') =>
    ['planned', 'invited', 'registered', 'checked_in'].indexOf(status) >= ['planned', 'invited', 'registered', 'checked_in'].indexOf(s) ? sql<string>`coalesce(${sql.ref(col)}, now())` : sql<string | null>`${sql.ref(col)}`;
  await tx.updateTable('campaign_members').set({
    status, invited_at: at('invited', 'invited_at'), registered_at: at('registered', 'registered_at'), checked_in_at: at('checked_in', 'checked_in_at'),
    lead_id: leadId, lead_created: leadCreated ? true : sql`lead_created`, version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

/** The lead exists in the tenant (a member may name any lead the marketer invites). */
export async function leadExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('leads').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function contactExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

// ---- costs ----

function selectCost(tx: Tx) {
  return tx.selectFrom('campaign_costs as k').leftJoin('users as u', 'u.id', 'k.created_by')
    .select(['k.id', 'k.campaign_id', 'k.category', 'k.amount', 'k.currency', 'k.incurred_on', 'k.vendor', 'k.memo', 'k.reverses_id', 'k.created_by',
      'u.name as created_by_name', 'k.created_at'])
    .select(sql<string | null>`(select r.id from campaign_costs r where r.reverses_id = k.id)`.as('reversed_by'));
}
export type CostRow = Awaited<ReturnType<typeof getCost>> & object;

export async function getCost(tx: Tx, id: string) {
  return selectCost(tx).where('k.id', '=', id).executeTakeFirst();
}

export async function listCosts(tx: Tx, campaignId: string) {
  return selectCost(tx).where('k.campaign_id', '=', campaignId).orderBy('k.incurred_on').orderBy('k.created_at').orderBy('k.id').limit(1000).execute();
}

export async function costTotal(tx: Tx, campaignId: string): Promise<string> {
  const r = await tx.selectFrom('campaign_costs').select(sql<string>`coalesce(sum(amount), 0)::text`.as('total')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  return r.total;
}

export interface CostFields { category: string; amount: string; currency: string; incurredOn: string; vendor: string | null; memo: string | null; reversesId: string | null }

export async function insertCost(tx: Tx, tenantId: string, campaignId: string, createdBy: string | null, f: CostFields): Promise<string> {
  const r = await tx.insertInto('campaign_costs').values({
    tenant_id: tenantId, campaign_id: campaignId, category: f.category as never, amount: f.amount, currency: f.currency, incurred_on: f.incurredOn,
    vendor: f.vendor, memo: f.memo, reverses_id: f.reversesId, created_by: createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Merge (flows/merge): members of `from` (a lead or a contact) become members of `to` — except in a campaign where `to`
 * is a member already (one row per person and campaign): those stay. `ids` limits the move to those rows (an undo).
 * Returns the ids moved.
 */
export async function moveMemberRefs(tx: Tx, column: 'lead_id' | 'contact_id', from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('campaign_members as m').set({ [column]: to, version: sql`version + 1`, updated_at: sql`now()` })
    .where(`m.${column}`, '=', from)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('campaign_members as t').select('t.id').whereRef('t.campaign_id', '=', 'm.campaign_id').where(`t.${column}`, '=', to))));
  if (ids) q = q.where('m.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return (await q.returning('m.id').execute()).map((r) => r.id);
}

/** Leads of an import as members of its campaign ('planned': named on a list, nothing happened yet), one statement;
 * leads already members stay as they are. Returns the new members' ids. */
export async function insertLeadMembers(tx: Tx, tenantId: string, campaignId: string, createdBy: string | null, leadIds: string[]): Promise<Array<{ id: string; lead_id: string }>> {
  if (leadIds.length === 0) return [];
  const r = await sql<{ id: string; lead_id: string }>`insert into campaign_members (tenant_id, campaign_id, lead_id, status, created_by)
    select ${tenantId}, ${campaignId}, l.id, 'planned', ${createdBy} from unnest(${leadIds}::uuid[]) as l(id)
    on conflict (tenant_id, campaign_id, lead_id) do nothing returning id, lead_id`.execute(tx);
  return r.rows;
}
