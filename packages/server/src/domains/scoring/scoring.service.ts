// Lead scores: behaviour (decayed event points), fit (attribute rules) and the model's probability, weighted into a
// 0–100 score and a grade A–D. A person's override of the grade is stored apart and survives every rescore and
// retraining. scoreLeadsTx is set-based (a batch of leads: a few statements, whatever the batch size).
import type { LeadScore } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { configTx, type Config } from './config.js';
import { predict, type Features, type NaiveBayesModel } from './model.js';
import { combine, decayedPoints, fitPoints, gradeOf, type Grade } from './rules.js';
import { scoringError } from './scoring.errors.js';
import { leadScope } from '../leads/index.js';
import * as q from './scoring.sql.js';

/** The model's view of a lead: its field values, bucketed where a raw number would not repeat. */
export function featuresOf(f: q.LeadFacts): Features {
  const engagement = f.engagement === 0 ? '0' : f.engagement <= 2 ? '1-2' : '3+';
  return { source: f.source, industry: f.industry, region: f.region, size: f.size, campaign: f.campaign, email: f.email, phone: f.phone, engagement };
}
export const MODEL_FEATURES = ['source', 'industry', 'region', 'size', 'campaign', 'email', 'phone', 'engagement'];

type Model = { id: string; model: NaiveBayesModel } | null;

async function modelTx(tx: Tx): Promise<Model> {
  const m = await q.latestModel(tx);
  return m ? { id: m.id, model: m.model as unknown as NaiveBayesModel } : null;
}

/** Score a batch of leads now and store the scores; returns them by lead id. */
export async function scoreLeadsTx(tx: Tx, leadIds: string[], opts: { now?: Date; config?: Config; model?: Model } = {}): Promise<Map<string, q.ScoreWrite>> {
  const now = opts.now ?? new Date();
  const config = opts.config ?? await configTx(tx);
  const model = opts.model !== undefined ? opts.model : await modelTx(tx);
  const [facts, events] = await Promise.all([q.leadFacts(tx, leadIds), q.eventsOfLeads(tx, leadIds)]);
  const byLead = new Map<string, Array<{ points: number; at: string }>>();
  for (const e of events) if (e.lead_id) (byLead.get(e.lead_id) ?? byLead.set(e.lead_id, []).get(e.lead_id)!).push(e);
  const rows: q.ScoreWrite[] = facts.map((f) => {
    const behaviour = decayedPoints(byLead.get(f.id) ?? [], now, config.settings.halfLifeDays);
    const fit = fitPoints(config.fit, { industry: f.industry, region: f.region, source: f.source, size: f.size });
    const p = model ? predict(model.model, featuresOf(f)) : null;
    const score = combine(config.settings, behaviour, fit.points, p ? p.probability : null);
    return {
      lead_id: f.id, behaviour, fit: fit.points, probability: p ? Math.round(p.probability * 100000) / 100000 : null, score,
      grade: gradeOf(config.settings, score), factors: p ? { prior: p.prior, factors: p.factors, fitRules: fit.matched } : { prior: null, factors: [], fitRules: fit.matched },
      model_id: model?.id ?? null,
    };
  });
  await q.upsertScores(tx, rows);
  return new Map(rows.map((r) => [r.lead_id, r]));
}

/** Score one lead (leads' capture hook, a behaviour, a merge). */
export async function scoreLeadTx(tx: Tx, leadId: string, opts: { now?: Date } = {}): Promise<{ score: number; grade: Grade; probability: number | null } | null> {
  const r = (await scoreLeadsTx(tx, [leadId], opts)).get(leadId);
  return r ? { score: r.score, grade: r.grade as Grade, probability: r.probability } : null;
}

/**
 * Record what a lead or contact did (form_submitted, email_clicked, checked_in …) with the points the tenant's rules
 * give that event now (0 for an event without a rule: kept, worth nothing until a rule says otherwise), and rescore
 * the lead.
 */
export async function recordBehaviourTx(tx: Tx, e: { leadId?: string | null; contactId?: string | null; event: string; at?: string | Date; recordedBy?: string | null }): Promise<{ points: number }> {
  const config = await configTx(tx);
  const points = config.events[e.event] ?? 0;
  const at = e.at instanceof Date ? e.at.toISOString() : e.at ?? new Date().toISOString();
  await q.insertEvent(tx, { leadId: e.leadId ?? null, contactId: e.contactId ?? null, event: e.event, points, at, recordedBy: e.recordedBy ?? null });
  if (e.leadId) await scoreLeadsTx(tx, [e.leadId], { config });
  return { points };
}

/** What a capture counts as (leads' afterCapture hook): a web form or a campaign check-in is an event. */
export async function afterLeadCaptureTx(tx: Tx, lead: { id: string; source: string; campaignId: string | null }): Promise<void> {
  const event = lead.source === 'web_form' ? 'form_submitted' : lead.source === 'campaign' ? 'checked_in' : null;
  if (event) await recordBehaviourTx(tx, { leadId: lead.id, event });
  else await scoreLeadTx(tx, lead.id);
}

async function visibleOrThrow(tx: Tx, auth: AuthContext, leadId: string) {
  if (!(await q.visibleLead(tx, leadId, auth.userId, leadScope(auth)))) throw scoringError('lead_not_found'); // leads' own rule
}

async function view(tx: Tx, leadId: string): Promise<LeadScore> {
  const [s, model, events] = await Promise.all([q.findScore(tx, leadId), q.latestModel(tx), q.eventsOfLeads(tx, [leadId])]);
  if (!s) throw scoringError('not_scored');
  const factors = s.factors as unknown as { prior: number | null; factors: LeadScore['factors']; fitRules: LeadScore['fitRules'] };
  const usedModel = model && model.id === s.model_id ? model : null;
  return {
    leadId, score: s.score, grade: (s.override_grade ?? s.grade) as Grade, computedGrade: s.grade as Grade, behaviour: Number(s.behaviour), fit: s.fit,
    probability: s.probability === null ? null : Number(s.probability), prior: factors.prior ?? null, factors: factors.factors ?? [], fitRules: factors.fitRules ?? [],
    events: events.slice(0, 50).map((e) => ({ event: e.event, points: e.points, at: e.at })),
    model: usedModel ? { id: usedModel.id, trainedAt: usedModel.trained_at, samples: usedModel.samples, auc: usedModel.auc === null ? null : Number(usedModel.auc) } : null,
    override: s.override_grade && s.override_at ? { grade: s.override_grade as Grade, reason: s.override_reason ?? '', by: s.override_by ? { id: s.override_by, name: s.override_by_name ?? '' } : null, at: s.override_at } : null,
    computedAt: s.computed_at, version: s.version,
  };
}

/** A lead's score panel; scored on first sight if it has no score yet. */
export async function getLeadScore(db: Db, auth: AuthContext, leadId: string): Promise<LeadScore> {
  return inTenant(db, auth, async (tx) => {
    await visibleOrThrow(tx, auth, leadId);
    if (!(await q.findScore(tx, leadId))) await scoreLeadTx(tx, leadId);
    return view(tx, leadId);
  });
}

export async function rescoreLead(db: Db, auth: AuthContext, leadId: string): Promise<LeadScore> {
  return inTenant(db, auth, async (tx) => {
    await visibleOrThrow(tx, auth, leadId);
    await scoreLeadTx(tx, leadId);
    return view(tx, leadId);
  });
}

export async function recordBehaviour(db: Db, auth: AuthContext, leadId: string, input: { event: string; at?: string | undefined }): Promise<LeadScore> {
  return inTenant(db, auth, async (tx) => {
    await visibleOrThrow(tx, auth, leadId);
    await recordBehaviourTx(tx, { leadId, event: input.event, at: input.at, recordedBy: auth.userId });
    return view(tx, leadId);
  });
}

/** Override the grade (or clear the override), audited; rescoring and retraining keep it. */
export async function overrideGrade(db: Db, auth: Actor & AuthContext, leadId: string, o: { grade: Grade; reason: string; version: number } | { clear: true; version: number; reason: string | null }): Promise<LeadScore> {
  return inTenant(db, auth, async (tx) => {
    await visibleOrThrow(tx, auth, leadId);
    if (!(await q.findScore(tx, leadId))) await scoreLeadTx(tx, leadId);
    const before = (await q.findScore(tx, leadId, true))!;
    if (before.version !== o.version) throw commonError('version_conflict');
    if ('clear' in o) {
      if (!before.override_grade) throw scoringError('no_override');
      await q.setOverride(tx, leadId, null);
    } else {
      await q.setOverride(tx, leadId, { grade: o.grade, reason: o.reason, by: auth.userId });
    }
    const after = await view(tx, leadId);
    await recordAudit(tx, auth, {
      action: 'clear' in o ? 'score_override_cleared' : 'score_override', entityType: 'lead', entityId: leadId,
      changes: [{ field: 'grade', before: before.override_grade ?? before.grade, after: after.grade }, { field: 'overrideReason', before: before.override_reason, after: 'clear' in o ? o.reason : o.reason }],
    });
    return after;
  });
}
