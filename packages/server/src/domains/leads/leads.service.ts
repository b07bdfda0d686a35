// Lead rules: capture on every path (normalised keys, dedup, assignment, history, audit), the list in the caller's
// scope, edits, the lifecycle raw → mql → sql → converted / invalid (with a reason).
import {
  LEAD_TRANSITIONS, normaliseCompanyName, normaliseEmail, normalisePhone, normalizeCreditCode,
  type DataScope, type Lead, type LeadListQuery, type LeadStatus,
} from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { todayFor } from '../../platform/clock.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { campaignExistsTx } from '../campaigns/index.js';
import { leadError } from './leads.errors.js';
import { Assigner } from './assignment.service.js';
import { captureHook, matchCandidates, type MatchHit } from './dedup-port.js';
import * as q from './leads.sql.js';

/** A marketer captures and distributes every lead: for leads her scope is the tenant. Everyone else keeps the role's. */
export function leadScope(auth: Pick<AuthContext, 'role' | 'scope'>): DataScope {
  return auth.role === 'marketer' ? 'all' : auth.scope;
}

export function toLead(r: q.LeadRow): Lead {
  return {
    id: r.id, number: r.number, companyName: r.company_name, contactName: r.contact_name, title: r.title, phone: r.phone,
    email: r.email, creditCode: r.credit_code, industry: r.industry, companySize: r.company_size, region: r.region,
    message: r.message, remark: r.remark, source: r.source as Lead['source'],
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
    status: r.status as LeadStatus, invalidReason: r.invalid_reason,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, inPool: r.in_pool, lastTouchedAt: r.last_touched_at,
    duplicate: r.duplicate_kind && r.duplicate_id ? { kind: r.duplicate_kind as 'lead', id: r.duplicate_id, score: r.duplicate_score === null ? null : Number(r.duplicate_score), reasons: r.duplicate_reasons } : null,
    consent: r.consent_text && r.consent_at ? { text: r.consent_text, at: r.consent_at, ip: r.consent_ip } : null,
    converted: r.converted_customer_id && r.converted_at ? { customerId: r.converted_customer_id, contactId: r.converted_contact_id, opportunityId: r.converted_opportunity_id, at: r.converted_at } : null,
    score: r.score === null ? null : { score: r.score, grade: r.grade }, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function auditView(l: Lead): Record<string, unknown> {
  const { owner, campaign, version: _v, createdAt: _c, updatedAt: _u, lastTouchedAt: _t, score: _s, consent: _k, duplicate: _d, converted, ...rest } = l;
  return { ...rest, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null, campaignId: campaign?.id ?? null, convertedCustomerId: converted?.customerId ?? null };
}

export interface LeadFields {
  companyName?: string | null; contactName?: string | null; title?: string | null; phone?: string | null; email?: string | null;
  creditCode?: string | null; industry?: string | null; companySize?: string | null; region?: string | null;
  message?: string | null; remark?: string | null;
}

/** The written form of a lead's fields with their normalised keys: every capture path goes through here. */
export function toWrite(f: LeadFields): q.LeadWrite {
  const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  const phone = clean(f.phone);
  const email = clean(f.email);
  const creditCode = clean(f.creditCode);
  return {
    companyName: clean(f.companyName), companyKey: normaliseCompanyName(f.companyName), contactName: clean(f.contactName),
    title: clean(f.title), phone, phoneKey: normalisePhone(phone), email, emailKey: normaliseEmail(email),
    creditCode: creditCode ? normalizeCreditCode(creditCode) : null, industry: f.industry ?? null, companySize: (f.companySize ?? null) as q.LeadWrite['companySize'],
    region: clean(f.region), message: clean(f.message), remark: clean(f.remark),
  };
}

export function isEmpty(w: q.LeadWrite): boolean {
  return !w.companyName && !w.contactName && !w.phone && !w.email;
}

export interface CaptureInput extends LeadFields {
  source: 'web_form' | 'api' | 'manual' | 'import' | 'campaign' | 'referral' | 'other';
  campaignId?: string | null;
  formId?: string | null;
  /** A given owner (checked by the caller); omitted, the assignment rules decide. */
  ownerId?: string | null;
  /** With no owner and no matching rule: the creator keeps the lead (a rep typing it in) instead of the pool. */
  creatorKeeps?: boolean;
  consent?: { text: string; ip: string | null } | null;
}

export interface CaptureOptions {
  /** What a duplicate the rules block does: refuse (409 leads.duplicate: manual entry, the API) or flag it (a form, a
   *  check-in: a person's submission is never lost). A blocked duplicate of a lead is linked: the existing lead is
   *  touched and answered, nothing new is stored. */
  onBlock?: 'refuse' | 'flag';
  now?: Date;
}

export interface Captured { leadId: string; created: boolean; duplicate: MatchHit | null }

/**
 * Capture one lead in the caller's transaction (the contract for campaigns' check-in and every capture path):
 * normalise, look for duplicates (dedup's matchCandidatesTx), assign (rules, else the creator or the pool), number,
 * write with its first history entry and audit, then tell scoring.
 */
export async function captureLeadTx(tx: Tx, actor: Actor, input: CaptureInput, opts: CaptureOptions = {}): Promise<Captured> {
  const write = toWrite(input);
  if (isEmpty(write)) throw leadError('empty', undefined, { errors: [{ path: 'companyName', message: 'give a company, a contact name, a phone or an email' }] });
  await checkCampaign(tx, input.campaignId);
  const [match] = await matchCandidates()(tx, [{ company: write.companyName, creditCode: write.creditCode, phone: write.phone, email: write.email, contactName: write.contactName }], { object: 'lead' });
  const best = match?.matches[0] ?? null;
  if (match?.action === 'block' && best) {
    if (best.kind === 'lead') {
      await q.touch(tx, best.id);
      return { leadId: best.id, created: false, duplicate: best };
    }
    if ((opts.onBlock ?? 'refuse') === 'refuse') throw leadError('duplicate', undefined, { matches: match.matches });
  }
  let ownerId = input.ownerId ?? null;
  let ruleId: string | null = null;
  if (!ownerId) {
    const assigner = await Assigner.load(tx, actor, opts.now);
    const chosen = assigner.choose({ source: input.source, region: write.region, industry: write.industry });
    if (chosen) {
      ({ ownerId, ruleId } = chosen);
      await assigner.flush(tx);
    } else if (input.creatorKeeps && actor.userId) {
      ownerId = actor.userId;
    }
  }
  const number = await nextDocNumber(tx, actor, 'XS', Number(todayFor(actor, opts.now).slice(0, 4)));
  const duplicate = match && match.action !== 'none' && best ? { kind: best.kind, id: best.id, score: best.score, reasons: best.reasons.join(',') } : null;
  const leadId = await q.insertLead(tx, {
    ...write, tenantId: actor.tenantId, number, source: input.source, campaignId: input.campaignId ?? null, formId: input.formId ?? null,
    importId: null, ownerId, inPool: ownerId === null, assignedRuleId: ruleId, createdBy: actor.userId, duplicate, consent: input.consent ?? null,
  });
  await q.insertHistory(tx, [{ tenantId: actor.tenantId, leadId, from: null, to: 'raw', reason: `captured (${input.source})`, actorId: actor.userId }]);
  const created = toLead((await q.findLead(tx, leadId))!);
  await recordAudit(tx, actor, { action: 'create', entityType: 'lead', entityId: leadId, before: null, after: auditView(created) });
  await captureHook()?.(tx, { id: leadId, source: input.source, campaignId: input.campaignId ?? null }, actor);
  return { leadId, created: true, duplicate: duplicate ? best : null };
}

/** A campaign a lead, form or import names must exist (in this tenant: row-level security hides the others). */
export async function checkCampaign(tx: Tx, campaignId: string | null | undefined): Promise<void> {
  if (campaignId && !(await campaignExistsTx(tx, campaignId))) {
    throw leadError('campaign_not_found', undefined, { errors: [{ path: 'campaignId', message: 'no such campaign' }] });
  }
}

/** A lead by id, in the caller's transaction, without a scope check (for other domains' flows that checked theirs). */
export async function getLeadTx(tx: Tx, id: string): Promise<Lead | null> {
  const row = await q.findLead(tx, id);
  return row ? toLead(row) : null;
}

export async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false): Promise<q.LeadRow> {
  if (!(await q.isVisible(tx, id, auth.userId, leadScope(auth)))) throw leadError('not_found');
  const row = await q.findLead(tx, id, { forUpdate });
  if (!row) throw leadError('not_found');
  return row;
}

export async function canSeeLead(db: Db, auth: AuthContext, id: string): Promise<boolean> {
  return inTenant(db, auth, (tx) => q.isVisible(tx, id, auth.userId, leadScope(auth)));
}

export async function listLeads(db: Db, auth: AuthContext, query: LeadListQuery, opts: { poolOnly?: boolean } = {}) {
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as q.LeadSortKey;
  const cursor = decodeCursor(query.cursor, ['instant', 'uuid']);
  const where = q.listWhere({
    userId: auth.userId, scope: leadScope(auth), poolOnly: opts.poolOnly ?? false, statuses: query.status, source: query.source,
    campaignId: query.campaignId, ownerId: query.ownerId, q: query.q,
  });
  const rows = await inTenant(db, auth, (tx) => q.listLeads(tx, { where, orderExpr: q.SORT_EXPR[key], desc, after: cursor as [unknown, string] | null, limit: query.limit }));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toLead), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
}

export async function getLeadDetail(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    const lead = toLead(row);
    const history = (await q.listHistory(tx, id)).map((h) => ({
      fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason, actor: h.actor_id ? { id: h.actor_id, name: h.actor_name ?? '' } : null, at: h.at,
    }));
    const [match] = lead.status === 'converted' ? [] : await matchCandidates()(tx, [{
      company: lead.companyName, creditCode: lead.creditCode, phone: lead.phone, email: lead.email, contactName: lead.contactName,
    }], { object: 'lead', excludeIds: [id] });
    return { lead, history, matches: match?.matches ?? [] };
  });
}

export async function createLead(db: Db, auth: AuthContext, input: CaptureInput): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    if (input.ownerId && input.ownerId !== auth.userId && !(await q.userInScope(tx, input.ownerId, auth.userId, leadScope(auth)))) {
      throw leadError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
    }
    // a rep or manager typing a lead in keeps it unless a rule takes it; a marketer's goes to the rules, else the pool
    const creatorKeeps = auth.role === 'sales_rep' || auth.role === 'sales_manager';
    const { leadId } = await captureLeadTx(tx, auth, { ...input, creatorKeeps }, { onBlock: 'refuse' });
    return toLead((await q.findLead(tx, leadId))!);
  });
}

export async function updateLead(db: Db, auth: AuthContext, id: string, patch: LeadFields & { version: number }): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== patch.version) throw commonError('version_conflict');
    if (row.status === 'converted') throw leadError('converted');
    const before = toLead(row);
    return applyFields(tx, auth, row, patch, before);
  });
}

async function applyFields(tx: Tx, actor: Actor, row: q.LeadRow, patch: LeadFields, before: Lead): Promise<Lead> {
  const pick = <K extends keyof LeadFields>(k: K, current: string | null) => (patch[k] !== undefined ? patch[k] : current);
  const write = toWrite({
    companyName: pick('companyName', row.company_name), contactName: pick('contactName', row.contact_name), title: pick('title', row.title),
    phone: pick('phone', row.phone), email: pick('email', row.email), creditCode: pick('creditCode', row.credit_code),
    industry: pick('industry', row.industry), companySize: pick('companySize', row.company_size), region: pick('region', row.region),
    message: pick('message', row.message), remark: pick('remark', row.remark),
  });
  if (isEmpty(write)) throw leadError('empty', undefined, { errors: [{ path: 'companyName', message: 'give a company, a contact name, a phone or an email' }] });
  await q.updateFields(tx, row.id, write);
  const after = toLead((await q.findLead(tx, row.id))!);
  await recordAudit(tx, actor, { action: 'update', entityType: 'lead', entityId: row.id, before: auditView(before), after: auditView(after) });
  return after;
}

export async function changeStatus(db: Db, auth: AuthContext, id: string, input: { status: Exclude<LeadStatus, 'converted'>; reason: string | null; version: number }): Promise<Lead> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== input.version) throw commonError('version_conflict');
    if (row.status === 'converted') throw leadError('converted');
    const from = row.status as LeadStatus;
    if (!LEAD_TRANSITIONS[from].includes(input.status)) {
      throw leadError('bad_transition', `A ${from} lead cannot become ${input.status}`, { errors: [{ path: 'status', message: `from ${from}: ${LEAD_TRANSITIONS[from].join(', ')}` }] });
    }
    if (input.status === 'invalid' && !input.reason) throw leadError('reason_required', undefined, { errors: [{ path: 'reason', message: 'required to mark a lead invalid' }] });
    await q.setStatus(tx, id, input.status, input.status === 'invalid' ? input.reason : null);
    await q.insertHistory(tx, [{ tenantId: auth.tenantId, leadId: id, from, to: input.status, reason: input.reason, actorId: auth.userId }]);
    await recordAudit(tx, auth, { action: 'status', entityType: 'lead', entityId: id, changes: [
      { field: 'status', before: from, after: input.status },
      ...(input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []),
    ] });
    return toLead((await q.findLead(tx, id))!);
  });
}

/**
 * The conversion flow's write: the lead becomes converted with the records it became, a history entry and an audit
 * entry, under the lead's row lock. Refuses a lead already converted (leads.converted): a lead converts once.
 */
export async function markLeadConvertedTx(tx: Tx, actor: Actor, leadId: string, refs: { customerId: string; contactId: string | null; opportunityId: string | null }): Promise<Lead> {
  const row = await q.findLead(tx, leadId, { forUpdate: true });
  if (!row) throw leadError('not_found');
  if (row.status === 'converted') throw leadError('converted');
  if (row.status === 'invalid') throw leadError('bad_transition', 'An invalid lead cannot be converted; reopen it first');
  await q.setConverted(tx, leadId, actor.userId, refs);
  await q.insertHistory(tx, [{ tenantId: actor.tenantId, leadId, from: row.status, to: 'converted', reason: null, actorId: actor.userId }]);
  await recordAudit(tx, actor, { action: 'convert', entityType: 'lead', entityId: leadId, changes: [
    { field: 'status', before: row.status, after: 'converted' },
    { field: 'convertedCustomerId', before: null, after: refs.customerId },
    { field: 'convertedContactId', before: null, after: refs.contactId },
    { field: 'convertedOpportunityId', before: null, after: refs.opportunityId },
  ] });
  return toLead((await q.findLead(tx, leadId))!);
}

/** The lead for the conversion flow: visible to the caller, locked, not converted yet. */
export async function loadLeadForConversionTx(tx: Tx, auth: AuthContext, id: string): Promise<Lead> {
  const row = await loadVisible(tx, auth, id, true);
  if (row.status === 'converted') throw leadError('converted');
  if (row.status === 'invalid') throw leadError('bad_transition', 'An invalid lead cannot be converted; reopen it first');
  if (row.in_pool) throw leadError('in_pool');
  return toLead(row);
}

// ---- merge (domains/dedup's flow calls these) ----------------------------------------------------------------

/** Set fields of a lead chosen in a merge (the master takes the loser's value), audited. */
export async function updateLeadFieldsTx(tx: Tx, actor: Actor, id: string, patch: LeadFields): Promise<Lead> {
  const row = await q.findLead(tx, id, { forUpdate: true });
  if (!row) throw leadError('not_found');
  return applyFields(tx, actor, row, patch, toLead(row));
}

/** Mark a lead merged into its master: it leaves the lists; the audit entry is what an undo reads. */
export async function markLeadMergedTx(tx: Tx, actor: Actor, loserId: string, masterId: string): Promise<void> {
  const row = await q.findLead(tx, loserId, { forUpdate: true });
  if (!row) throw leadError('not_found');
  await q.setMergedInto(tx, loserId, masterId);
  await recordAudit(tx, actor, { action: 'merge', entityType: 'lead', entityId: loserId, changes: [{ field: 'mergedIntoId', before: row.merged_into_id, after: masterId }] });
}

/** Undo a merge: the lead is back in the lists. */
export async function unmarkLeadMergedTx(tx: Tx, actor: Actor, loserId: string): Promise<void> {
  const row = await q.findLead(tx, loserId, { forUpdate: true });
  if (!row) throw leadError('not_found');
  await q.setMergedInto(tx, loserId, null);
  await recordAudit(tx, actor, { action: 'unmerge', entityType: 'lead', entityId: loserId, changes: [{ field: 'mergedIntoId', before: row.merged_into_id, after: null }] });
}

export { auditView };
