// How a lead's score is made, as pure functions: behaviour points decayed by their age (half-life), attribute fit
// points, and the model's probability, weighted into 0–100; the grade from the score's cut-offs. Defaults apply until a
// tenant stores its own settings and rules.
import { dec } from '@l2c/shared';

export interface ScoringSettings {
  halfLifeDays: number; weightBehaviour: number; weightFit: number; weightModel: number;
  gradeA: number; gradeB: number; gradeC: number;
  rfmWindowDays: number; rfmGradeA: number; rfmGradeB: number; rfmGradeC: number;
  version: number;
}

export const DEFAULT_SETTINGS: ScoringSettings = {
  halfLifeDays: 30, weightBehaviour: 35, weightFit: 25, weightModel: 40, gradeA: 75, gradeB: 50, gradeC: 25,
  rfmWindowDays: 365, rfmGradeA: 13, rfmGradeB: 10, rfmGradeC: 7, version: 0,
};

/** Events and their points until the tenant sets its own (capture sources count as the first event). */
export const DEFAULT_EVENT_POINTS: Record<string, number> = {
  form_submitted: 20, email_opened: 3, email_clicked: 8, webinar_registered: 10, checked_in: 25, visited_pricing: 12,
  demo_requested: 30, unsubscribed: -20,
};

export const FIT_FIELDS = ['industry', 'region', 'source', 'size'] as const;
export type FitField = (typeof FIT_FIELDS)[number];
export interface FitRule { field: FitField; value: string; points: number }

/** Behaviour points as of `now`: each event's points halved every half-life since it happened; capped to 0…100. */
export function decayedPoints(events: Array<{ points: number; at: string }>, now: Date, halfLifeDays: number): number {
  let sum = 0;
  for (const e of events) {
    const ageDays = Math.max(0, (now.getTime() - new Date(e.at).getTime()) / 86_400_000);
    sum += e.points * Math.pow(0.5, ageDays / halfLifeDays);
  }
  return Math.round(Math.min(100, Math.max(0, sum)) * 100) / 100;
}

/** Fit points: the sum of the rules whose field has the lead's value (case-insensitive), capped to 0…100. */
export function fitPoints(rules: FitRule[], lead: Partial<Record<FitField, string | null>>): { points: number; matched: FitRule[] } {
  const matched = rules.filter((r) => (lead[r.field] ?? '').toLowerCase() === r.value.toLowerCase());
  const points = matched.reduce((s, r) => s + r.points, 0);
  return { points: Math.min(100, Math.max(0, points)), matched };
}

/** The score 0–100: behaviour and fit (each 0–100) and the probability (0–1, as 0–100) by their weights (sum 100). */
export function combine(s: ScoringSettings, behaviour: number, fit: number, probability: number | null): number {
  // without a model yet, its weight is shared out over behaviour and fit
  if (probability === null) {
    const rest = s.weightBehaviour + s.weightFit;
    return rest === 0 ? 0 : Math.round((behaviour * s.weightBehaviour + fit * s.weightFit) / rest);
  }
  return Math.round((behaviour * s.weightBehaviour + fit * s.weightFit + probability * 100 * s.weightModel) / 100);
}

export type Grade = 'A' | 'B' | 'C' | 'D';
export function gradeOf(s: Pick<ScoringSettings, 'gradeA' | 'gradeB' | 'gradeC'>, score: number): Grade {
  return score >= s.gradeA ? 'A' : score >= s.gradeB ? 'B' : score >= s.gradeC ? 'C' : 'D';
}

/** RFM scores 1–5 per dimension and the grade from their total. */
export function rfmScores(s: Pick<ScoringSettings, 'rfmGradeA' | 'rfmGradeB' | 'rfmGradeC'>, m: { recencyDays: number | null; frequency: number; monetary: string }) {
  // monetary is exact decimal money in the book currency; compared, never computed with, as a float
  const money = dec(m.monetary);
  const r = m.recencyDays === null ? 1 : m.recencyDays <= 30 ? 5 : m.recencyDays <= 90 ? 4 : m.recencyDays <= 180 ? 3 : m.recencyDays <= 365 ? 2 : 1;
  const f = m.frequency >= 12 ? 5 : m.frequency >= 6 ? 4 : m.frequency >= 3 ? 3 : m.frequency >= 1 ? 2 : 1;
  const mm = money.gte(1_000_000) ? 5 : money.gte(300_000) ? 4 : money.gte(100_000) ? 3 : money.gt(0) ? 2 : 1;
  const total = r + f + mm;
  const grade: Grade = total >= s.rfmGradeA ? 'A' : total >= s.rfmGradeB ? 'B' : total >= s.rfmGradeC ? 'C' : 'D';
  return { r, f, m: mm, total, grade };
}
