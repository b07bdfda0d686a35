// The scoring settings and rules screen: read them, replace them all (every open lead rescored), audited.
import type { ScoringConfig, ScoringConfigInput } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { configTx, type Config } from './config.js';
import * as q from './scoring.sql.js';
import { rescoreOpenLeadsTx } from './rescore.js';

function view(c: Config): ScoringConfig {
  const { version, ...settings } = c.settings;
  return { ...settings, version, custom: c.custom, events: Object.entries(c.events).map(([event, points]) => ({ event, points })), fit: c.fit };
}

export async function getScoringConfig(db: Db, auth: AuthContext): Promise<ScoringConfig> {
  return inTenant(db, auth, async (tx) => view(await configTx(tx)));
}

/** Replace the settings and every rule at once (the admin screen saves the whole page), audited. */
export async function putScoringConfig(db: Db, auth: AuthContext, input: ScoringConfigInput): Promise<ScoringConfig> {
  return inTenant(db, auth, async (tx) => {
    const before = view(await configTx(tx));
    if (before.version !== input.version) throw commonError('version_conflict');
    await q.upsertSettings(tx, auth.tenantId, {
      half_life_days: input.halfLifeDays, weight_behaviour: input.weightBehaviour, weight_fit: input.weightFit, weight_model: input.weightModel,
      grade_a: input.gradeA, grade_b: input.gradeB, grade_c: input.gradeC, rfm_window_days: input.rfmWindowDays,
      rfm_grade_a: input.rfmGradeA, rfm_grade_b: input.rfmGradeB, rfm_grade_c: input.rfmGradeC,
    });
    await q.replaceRules(tx, auth.tenantId, [
      ...input.events.map((e) => ({ kind: 'event' as const, field: null, value: e.event, points: e.points })),
      ...input.fit.map((f) => ({ kind: 'fit' as const, field: f.field, value: f.value, points: f.points })),
    ]);
    const config = await configTx(tx);
    await rescoreOpenLeadsTx(tx, config); // new rules, new scores: every open lead now (the override stays)
    const after = view(config);
    await recordAudit(tx, auth, { action: 'update', entityType: 'scoring_config', entityId: auth.tenantId, before: { ...before }, after: { ...after } });
    return after;
  });
}
