// Campaign members and the event flow plan → invite → register → check-in. A member only moves forward (a walk-in
// may be registered and checked in at once). Checking in a person who is neither a lead nor a contact makes a lead —
// through leads' capture function, which app.ts hands over (campaigns does not import leads: leads checks campaigns) —
// and records the check-in as a behaviour for scoring when that is wired. Every move is audited.
import type { z } from 'zod';
import { MEMBER_STATUSES, type CampaignMember, type CampaignMemberCreate, type CampaignMemberQuery, type MemberStatus } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit, recordAudits } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { campaignError } from './campaigns.errors.js';
import * as c from './campaigns.sql.js';
import * as q from './members.sql.js';

/** What a check-in hands to leads to make the attendee a lead (source 'campaign', attributed to the campaign). */
export interface CampaignLeadInput {
  campaignId: string; contactName: string | null; companyName: string | null; phone: string | null; email: string | null;
}
/** `created`: a new lead (leads then tells scoring itself); false: an existing lead the duplicate rules linked. */
export type CaptureLead = (tx: Tx, actor: Actor, input: CampaignLeadInput) => Promise<{ leadId: string; created: boolean }>;
/** Scoring's behaviour event (recordBehaviourTx); `event` is scoring's 'checked_in'. */
export type RecordBehaviour = (tx: Tx, actor: Actor, input: { leadId?: string; contactId?: string; event: string; at: string; campaignId: string }) => Promise<unknown>;

export interface MemberDeps { captureLead?: CaptureLead | undefined; recordBehaviour?: RecordBehaviour | undefined }

const rank = (s: MemberStatus) => MEMBER_STATUSES.indexOf(s);

function view(r: q.MemberRow): CampaignMember {
  return {
    id: r.id, campaignId: r.campaign_id, status: r.status,
    lead: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? r.lead_company ?? null, status: r.lead_status ?? null } : null,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '', customerId: r.contact_customer_id ?? '', customerName: r.contact_customer_name ?? '' } : null,
    name: r.name, company: r.company, phone: r.phone, email: r.email, invitedAt: r.invited_at, registeredAt: r.registered_at,
    checkedInAt: r.checked_in_at, leadCreated: r.lead_created, version: r.version, createdAt: r.created_at,
  };
}

const scopeOf = (auth: AuthContext) => c.campaignScope(auth.userId, auth.scope);

/** One of: a lead, a contact, or a person named with a phone or an email. */
function checkMember(leadId: string | null, contactId: string | null, p: { name: string | null; phone: string | null; email: string | null }) {
  const bad = (path: string, message: string) => campaignError('bad_member', undefined, { errors: [{ path, message }] });
  if (leadId && contactId) throw bad('contactId', 'a member is a lead or a contact, not both');
  if (leadId || contactId) return;
  if (!p.name) throw bad('name', 'name the lead, the contact, or the person');
  if (!p.phone && !p.email) throw bad('phone', 'a person without a lead or contact needs a phone or an email');
}

export async function listMembers(db: Db, auth: AuthContext, campaignId: string, query: z.infer<typeof CampaignMemberQuery>) {
  return inTenant(db, auth, async (tx) => {
    if (!(await c.getCampaign(tx, campaignId, scopeOf(auth)))) throw campaignError('not_found');
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await q.listMembers(tx, campaignId, query.status, query.q, after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(view), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  });
}

/** Lock the campaign in scope (members of one campaign change one at a time) and refuse a cancelled one. */
async function openCampaign(tx: Tx, auth: AuthContext, campaignId: string) {
  const campaign = await c.lockCampaign(tx, campaignId, scopeOf(auth));
  if (!campaign) throw campaignError('not_found');
  if (campaign.status === 'cancelled') throw campaignError('cancelled');
  return campaign;
}

export async function addMember(db: Db, auth: AuthContext, deps: MemberDeps, campaignId: string, input: z.infer<typeof CampaignMemberCreate>): Promise<CampaignMember> {
  return inTenant(db, auth, async (tx) => {
    await openCampaign(tx, auth, campaignId);
    const leadId = input.leadId ?? null;
    const contactId = input.contactId ?? null;
    checkMember(leadId, contactId, input);
    if (leadId && !(await q.leadExists(tx, leadId))) throw campaignError('lead_not_found', undefined, { errors: [{ path: 'leadId', message: 'no such lead' }] });
    if (contactId && !(await q.contactExists(tx, contactId))) throw campaignError('contact_not_found', undefined, { errors: [{ path: 'contactId', message: 'no such contact' }] });
    if (await q.memberByRef(tx, campaignId, { leadId, contactId })) throw campaignError('member_exists');
    const id = await q.insertMember(tx, auth.tenantId, campaignId, auth.userId, {
      leadId, contactId, name: input.name, company: input.company, phone: input.phone, email: input.email, status: 'planned',
    });
    await recordAudit(tx, auth, { action: 'create', entityType: 'campaign_member', entityId: id, before: null, after: { campaignId, leadId, contactId, name: input.name, status: 'planned' } });
    if (input.status !== 'planned') await advanceTx(tx, auth, deps, id, input.status);
    return view((await q.getMember(tx, id))!);
  });
}

/** Move a member to `status` (invite, register, check in) under the campaign's lock. */
export async function advanceMember(db: Db, auth: AuthContext, deps: MemberDeps, memberId: string, status: MemberStatus, version?: number): Promise<CampaignMember> {
  return inTenant(db, auth, async (tx) => {
    const peek = await q.getMember(tx, memberId);
    if (!peek) throw campaignError('member_not_found');
    const campaign = await c.lockCampaign(tx, peek.campaign_id, scopeOf(auth));
    if (!campaign) throw campaignError('member_not_found'); // out of scope reads like an unknown id
    if (campaign.status === 'cancelled') throw campaignError('cancelled');
    const member = (await q.lockMember(tx, memberId))!;
    if (version !== undefined && version !== member.version) throw campaignError('version_conflict', 'Someone else moved this member meanwhile; reload and try again');
    await advanceTx(tx, auth, deps, memberId, status);
    return view((await q.getMember(tx, memberId))!);
  });
}

/**
 * The move itself, the member locked by the caller: the same status again changes nothing; an earlier one is refused.
 * A check-in of a person who is neither lead nor contact captures the lead first (when leads is wired).
 */
async function advanceTx(tx: Tx, actor: Actor, deps: MemberDeps, memberId: string, status: MemberStatus): Promise<void> {
  const m = (await q.lockMember(tx, memberId))!;
  if (m.status === status) return;
  if (rank(status) < rank(m.status)) throw campaignError('backwards');
  let leadId = m.lead_id;
  let captured = false; // the check-in made (or found) the lead
  let scored = false; // a new lead's capture already counted the check-in for scoring
  if (status === 'checked_in' && !leadId && !m.contact_id && deps.captureLead) {
    const lead = await deps.captureLead(tx, actor, { campaignId: m.campaign_id, contactName: m.name, companyName: m.company, phone: m.phone, email: m.email });
    leadId = lead.leadId;
    captured = true;
    scored = lead.created;
  }
  await q.advanceMember(tx, memberId, status, leadId, captured);
  await recordAudit(tx, actor, {
    action: 'update', entityType: 'campaign_member', entityId: memberId,
    before: { status: m.status, leadId: m.lead_id }, after: { status, leadId },
  });
  if (status === 'checked_in' && !scored && deps.recordBehaviour && (leadId || m.contact_id)) {
    await deps.recordBehaviour(tx, actor, {
      ...(leadId ? { leadId } : { contactId: m.contact_id! }), event: 'checked_in', at: new Date().toISOString(), campaignId: m.campaign_id,
    });
  }
}

/**
 * For other domains (leads: a web form of a campaign, an import with a campaign column): make the lead or contact a
 * member, or move an existing member forward to `status` (never back). No data scope: the caller decided.
 */
export async function recordCampaignMemberTx(
  tx: Tx, actor: Actor, input: { campaignId: string; leadId?: string; contactId?: string; status: MemberStatus },
  deps: MemberDeps = {},
): Promise<{ memberId: string }> {
  const existing = await q.memberByRef(tx, input.campaignId, { leadId: input.leadId ?? null, contactId: input.contactId ?? null });
  if (existing) {
    const m = (await q.lockMember(tx, existing.id))!;
    if (rank(input.status) > rank(m.status)) await advanceTx(tx, actor, deps, existing.id, input.status);
    return { memberId: existing.id };
  }
  const id = await q.insertMember(tx, actor.tenantId, input.campaignId, actor.userId, {
    leadId: input.leadId ?? null, contactId: input.contactId ?? null, name: null, company: null, phone: null, email: null, status: input.status,
  });
  await recordAudit(tx, actor, { action: 'create', entityType: 'campaign_member', entityId: id, before: null, after: { campaignId: input.campaignId, leadId: input.leadId ?? null, contactId: input.contactId ?? null, status: input.status } });
  return { memberId: id };
}

/**
 * For leads' import with a campaign (a list from a trade show, bought for a campaign): every imported lead becomes a
 * member of the campaign ('planned'), one statement and one audit entry per member, in the import batch's transaction.
 */
export async function recordImportedMembersTx(tx: Tx, actor: Actor, campaignId: string, leadIds: string[]): Promise<number> {
  const added = await q.insertLeadMembers(tx, actor.tenantId, campaignId, actor.userId, leadIds);
  await recordAudits(tx, actor, added.map((m) => ({ action: 'create', entityType: 'campaign_member', entityId: m.id, before: null, after: { campaignId, leadId: m.lead_id, contactId: null, status: 'planned' } })));
  return added.length;
}

/**
 * For merges (flows/merge): move the campaign memberships of a lead or contact to the master, audited; customers have
 * none. Returns the member ids moved, which an undo passes back as `ids` with from/to swapped.
 */
export async function moveCampaignMemberRefsTx(
  tx: Tx, actor: Actor, input: { kind: 'customer' | 'contact' | 'lead'; from: string; to: string; ids?: string[] },
): Promise<string[]> {
  if (input.kind === 'customer') return [];
  const column = input.kind === 'lead' ? 'lead_id' : 'contact_id';
  const moved = await q.moveMemberRefs(tx, column, input.from, input.to, input.ids);
  for (const id of moved) {
    await recordAudit(tx, actor, { action: 'merge', entityType: 'campaign_member', entityId: id, before: { [column]: input.from }, after: { [column]: input.to } });
  }
  return moved;
}
