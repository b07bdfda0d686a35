// Web-to-lead forms 表单: a public key per form, the origins whose pages may embed it, the fields it shows and the
// consent text the visitor agrees to. The public submission: origin checked, honeypot, consent recorded with its text,
// time and address, then the same capture as every other path (normalised, dedup-flagged, assigned).
import crypto from 'node:crypto';
import type { LeadForm } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { leadError } from './leads.errors.js';
import { captureLeadTx, checkCampaign, type LeadFields } from './leads.service.js';
import * as q from './forms.sql.js';

function toForm(r: q.FormRow): LeadForm {
  return {
    id: r.id, key: r.key, name: r.name, campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
    allowedOrigins: r.allowed_origins, fields: r.fields, consentText: r.consent_text, active: r.active, submissions: r.submissions,
    version: r.version, createdAt: r.created_at,
  };
}
const view = (f: LeadForm) => ({ name: f.name, campaignId: f.campaign?.id ?? null, allowedOrigins: f.allowedOrigins, fields: f.fields, consentText: f.consentText, active: f.active });

export async function listForms(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: (await q.listForms(tx)).map(toForm) }));
}

export async function getForm(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findForm(tx, id);
    if (!row) throw leadError('form_not_found');
    return toForm(row);
  });
}

export async function createForm(db: Db, auth: AuthContext, input: q.FormWrite): Promise<LeadForm> {
  return inTenant(db, auth, async (tx) => {
    await checkCampaign(tx, input.campaignId);
    const key = `lf_${crypto.randomBytes(18).toString('base64url')}`;
    const id = await q.insertForm(tx, auth.tenantId, key, auth.userId, input);
    const created = toForm((await q.findForm(tx, id))!);
    await recordAudit(tx, auth, { action: 'create', entityType: 'lead_form', entityId: id, after: view(created) });
    return created;
  });
}

export async function updateForm(db: Db, auth: AuthContext, id: string, patch: Partial<q.FormWrite> & { version: number }): Promise<LeadForm> {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findForm(tx, id, true);
    if (!row) throw leadError('form_not_found');
    if (row.version !== patch.version) throw commonError('version_conflict');
    const before = toForm(row);
    if (patch.campaignId) await checkCampaign(tx, patch.campaignId);
    await q.updateForm(tx, id, {
      name: patch.name ?? row.name, campaignId: patch.campaignId !== undefined ? patch.campaignId : row.campaign_id,
      allowedOrigins: patch.allowedOrigins ?? row.allowed_origins, fields: patch.fields ?? row.fields,
      consentText: patch.consentText ?? row.consent_text, active: patch.active ?? row.active,
    });
    const after = toForm((await q.findForm(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'lead_form', entityId: id, before: view(before), after: view(after) });
    return after;
  });
}

/** The public form by key, for the submission and its CORS preflight; null when unknown or closed. */
export async function publicForm(db: Db, key: string) {
  const row = await asSystem(db, (tx) => q.findFormByKey(tx, key));
  return row && row.active ? row : null;
}

/** Whether a page at `origin` may post to the form: an exact match of one allowed origin. */
export function originAllowed(form: { allowed_origins: string[] }, origin: string | undefined): boolean {
  if (!origin) return form.allowed_origins.length === 0; // a server posting (no Origin): only a form open to all
  if (form.allowed_origins.length === 0) return true;
  return form.allowed_origins.some((o) => o.toLowerCase() === origin.toLowerCase());
}

export interface Submission extends LeadFields { website?: string | undefined; consent: true }

/**
 * A visitor's submission. A filled honeypot answers like a success and stores nothing (a bot learns nothing).
 * Fields the form does not show are dropped: the form decides what it collects.
 */
export async function submit(db: Db, key: string, origin: string | undefined, ip: string | null, body: Submission, requestId: string): Promise<{ accepted: true }> {
  const form = await publicForm(db, key);
  if (!form) throw leadError('form_closed');
  if (!originAllowed(form, origin)) throw leadError('origin_not_allowed');
  if (body.website && body.website.trim() !== '') return { accepted: true };
  const shown = new Set(form.fields);
  const fields: LeadFields = {};
  for (const k of ['companyName', 'contactName', 'title', 'phone', 'email', 'industry', 'companySize', 'region', 'message'] as const) {
    if (shown.has(k)) fields[k] = body[k] ?? null;
  }
  await inTenant(db, { tenantId: form.tenant_id, userId: null, requestId }, async (tx) => {
    await captureLeadTx(tx, { tenantId: form.tenant_id, userId: null, requestId }, {
      ...fields, source: 'web_form', campaignId: form.campaign_id, formId: form.id, consent: { text: form.consent_text, ip },
    }, { onBlock: 'flag' });
    await q.countSubmission(tx, form.id);
  });
  return { accepted: true };
}
