// Learning the conversion model from the tenant's own history, and the nightly job that retrains it, rescores the
// open leads (overrides untouched) and recomputes the customers' RFM.
import type { ScoreModel } from '@l2c/shared';
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { recordAudit } from '../../platform/audit.js';
import { businessDate } from '../../platform/clock.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { configTx } from './config.js';
import { predict, trainWithHoldout, type NaiveBayesModel } from './model.js';
import { featuresOf, MODEL_FEATURES } from './scoring.service.js';
import { rescoreOpenLeadsTx } from './rescore.js';
import { computeRfmTx } from './rfm.service.js';
import { scoringError } from './scoring.errors.js';
import * as q from './scoring.sql.js';

export const MIN_CLOSED = 20;
const TRAIN_LIMIT = 50_000;

/** Every value's log-odds contribution in the model, strongest first (the admin screen's "what the model learned"). */
export function modelView(m: { id: string; trained_at: string; samples: number; positives: number; auc: string | null; model: unknown } | undefined): ScoreModel {
  if (!m) return null;
  const model = m.model as NaiveBayesModel;
  const factors = model.features.flatMap((feature) => Object.entries(model.counts[feature] ?? {}).map(([value, [positives, negatives]]) => {
    const single = predict({ ...model, features: [feature] }, { [feature]: value });
    return { feature, value, logOdds: single.factors[0]!.logOdds, positives, negatives };
  })).filter((f) => f.value !== '').sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds)).slice(0, 60);
  return { id: m.id, trainedAt: m.trained_at, samples: m.samples, positives: m.positives, auc: m.auc === null ? null : Number(m.auc), factors };
}

/** Train on the closed leads, store the model, rescore every open lead with it. Refused below MIN_CLOSED samples. */
export async function trainTx(tx: Tx, actor: Actor, opts: { now?: Date } = {}): Promise<{ modelId: string; rescored: number }> {
  const rows = await q.trainingSet(tx, TRAIN_LIMIT);
  const positives = rows.filter((r) => r.status === 'converted').length;
  if (rows.length < MIN_CLOSED || positives === 0 || positives === rows.length) throw scoringError('too_few_closed');
  const { model, auc } = trainWithHoldout(rows.map((r) => ({ key: r.id, features: featuresOf(r), label: r.status === 'converted' ? 1 : 0 })), MODEL_FEATURES);
  const modelId = await q.insertModel(tx, { samples: rows.length, positives, auc, model });
  await recordAudit(tx, actor, { action: 'train', entityType: 'score_model', entityId: modelId, after: { samples: rows.length, positives, auc } });
  const rescored = await rescoreOpenLeadsTx(tx, await configTx(tx), { model: { id: modelId, model }, now: opts.now });
  return { modelId, rescored };
}

export async function trainModel(db: Db, auth: AuthContext): Promise<{ model: ScoreModel; rescored: number }> {
  return inTenant(db, auth, async (tx) => {
    const { rescored } = await trainTx(tx, auth);
    return { model: modelView(await q.latestModel(tx)), rescored };
  });
}

export async function currentModel(db: Db, auth: AuthContext): Promise<ScoreModel> {
  return inTenant(db, auth, async (tx) => modelView(await q.latestModel(tx)));
}

/** The nightly job: in every tenant, retrain (when there is enough history), rescore, recompute RFM. */
export async function runScoringJob(db: Db, now: Date, opts: { tenantIds?: string[] } = {}): Promise<{ tenants: number; trained: number; rfm: number }> {
  const all = await asSystem(db, (tx) => listTenants(tx));
  const tenants = opts.tenantIds ? all.filter((t) => opts.tenantIds!.includes(t.id)) : all;
  let trained = 0;
  let rfm = 0;
  for (const t of tenants) {
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:scoring.retrain', timeZone: t.timezone };
    await inTenant(db, actor, async (tx) => {
      try {
        await trainTx(tx, actor, { now });
        trained++;
      } catch (e) {
        if (!(e instanceof Error && 'code' in e && e.code === 'scoring.too_few_closed')) throw e;
      }
    });
    rfm += await inTenant(db, actor, (tx) => computeRfmTx(tx, null, businessDate(now, t.timezone)));
  }
  return { tenants: tenants.length, trained, rfm };
}

export const scoringJob: JobDefinition = { name: 'scoring.retrain', run: (db, now) => runScoringJob(db, now) };
