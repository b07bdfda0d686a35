// The tenant's scoring settings and rules (or the defaults), read once per transaction that scores.
import type { Tx } from '../../platform/db.js';
import { DEFAULT_EVENT_POINTS, DEFAULT_SETTINGS, type FitRule, type ScoringSettings } from './rules.js';
import * as q from './scoring.sql.js';

export interface Config { settings: ScoringSettings; events: Record<string, number>; fit: FitRule[]; custom: boolean }

export async function configTx(tx: Tx): Promise<Config> {
  const [row, rules] = await Promise.all([q.findSettings(tx), q.listRules(tx)]);
  const settings: ScoringSettings = row ? {
    halfLifeDays: row.half_life_days, weightBehaviour: row.weight_behaviour, weightFit: row.weight_fit, weightModel: row.weight_model,
    gradeA: row.grade_a, gradeB: row.grade_b, gradeC: row.grade_c, rfmWindowDays: row.rfm_window_days, rfmGradeA: row.rfm_grade_a,
    rfmGradeB: row.rfm_grade_b, rfmGradeC: row.rfm_grade_c, version: row.version,
  } : DEFAULT_SETTINGS;
  const eventRules = rules.filter((r) => r.kind === 'event');
  const events = row || eventRules.length ? Object.fromEntries(eventRules.map((r) => [r.value, r.points])) : { ...DEFAULT_EVENT_POINTS };
  const fit = rules.filter((r) => r.kind === 'fit').map((r) => ({ field: r.field as FitRule['field'], value: r.value, points: r.points }));
  return { settings, events, fit, custom: Boolean(row) };
}

