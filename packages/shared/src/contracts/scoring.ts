// Lead scoring and customer RFM (issue 10): behaviour points with decay, attribute fit, the tenant's conversion model
// (naive Bayes, explained factor by factor), grades A–D with a manual override; customers' RFM and grade.
import { z } from 'zod';
import { InstantSchema, optionalText, Text, UserRefSchema } from './common.js';

export const SCORE_GRADES = ['A', 'B', 'C', 'D'] as const;
export const SCORE_FIT_FIELDS = ['industry', 'region', 'source', 'size'] as const;
const EventName = Text.trim().regex(/^[a-z][a-z0-9_]{0,59}$/, 'an event name in lower case with underscores, like email_clicked');

const Settings = z.object({
  halfLifeDays: z.number().int().min(1).max(3650), weightBehaviour: z.number().int().min(0).max(100), weightFit: z.number().int().min(0).max(100),
  weightModel: z.number().int().min(0).max(100), gradeA: z.number().int().min(1).max(100), gradeB: z.number().int().min(1).max(100),
  gradeC: z.number().int().min(1).max(100), rfmWindowDays: z.number().int().min(30).max(3650), rfmGradeA: z.number().int().min(3).max(15),
  rfmGradeB: z.number().int().min(3).max(15), rfmGradeC: z.number().int().min(3).max(15),
});
const EventRule = z.object({ event: EventName, points: z.number().int().min(-100).max(100) });
const FitRule = z.object({ field: z.enum(SCORE_FIT_FIELDS), value: Text.trim().min(1).max(100), points: z.number().int().min(-100).max(100) });

export const ScoringConfigInput = Settings.extend({
  events: z.array(EventRule).max(100), fit: z.array(FitRule).max(500), version: z.number().int().min(0),
}).superRefine((v, ctx) => {
  if (v.weightBehaviour + v.weightFit + v.weightModel !== 100) ctx.addIssue({ code: 'custom', path: ['weightModel'], message: 'the three weights must add up to 100' });
  if (!(v.gradeA > v.gradeB && v.gradeB > v.gradeC)) ctx.addIssue({ code: 'custom', path: ['gradeB'], message: 'cut-offs must fall: A > B > C' });
  if (!(v.rfmGradeA > v.rfmGradeB && v.rfmGradeB > v.rfmGradeC)) ctx.addIssue({ code: 'custom', path: ['rfmGradeB'], message: 'RFM cut-offs must fall: A > B > C' });
  const seen = new Set<string>();
  v.events.forEach((e, i) => { if (seen.has(e.event)) ctx.addIssue({ code: 'custom', path: ['events', i, 'event'], message: 'listed twice' }); seen.add(e.event); });
  const fits = new Set<string>();
  v.fit.forEach((f, i) => { const k = `${f.field}:${f.value.toLowerCase()}`; if (fits.has(k)) ctx.addIssue({ code: 'custom', path: ['fit', i, 'value'], message: 'listed twice' }); fits.add(k); });
});
export type ScoringConfigInput = z.infer<typeof ScoringConfigInput>;
export const ScoringConfigSchema = Settings.extend({ events: z.array(EventRule), fit: z.array(FitRule), version: z.number().int(), custom: z.boolean() });
export type ScoringConfig = z.infer<typeof ScoringConfigSchema>;

export const BehaviourInput = z.object({ event: EventName, at: InstantSchema.optional() });
export type BehaviourInput = z.infer<typeof BehaviourInput>;

export const ScoreFactorSchema = z.object({ feature: z.string(), value: z.string(), logOdds: z.number() });
export const LeadScoreSchema = z.object({
  leadId: z.string(), score: z.number().int(), grade: z.enum(SCORE_GRADES), computedGrade: z.enum(SCORE_GRADES),
  behaviour: z.number(), fit: z.number().int(), probability: z.number().nullable(), prior: z.number().nullable(),
  factors: z.array(ScoreFactorSchema), fitRules: z.array(FitRule), events: z.array(z.object({ event: z.string(), points: z.number().int(), at: z.string() })),
  model: z.object({ id: z.string(), trainedAt: z.string(), samples: z.number().int(), auc: z.number().nullable() }).nullable(),
  override: z.object({ grade: z.enum(SCORE_GRADES), reason: z.string(), by: UserRefSchema, at: z.string() }).nullable(),
  computedAt: z.string(), version: z.number().int(),
});
export type LeadScore = z.infer<typeof LeadScoreSchema>;
export const ScoreOverrideInput = z.object({ grade: z.enum(SCORE_GRADES), reason: Text.trim().min(2).max(500), version: z.number().int().min(1) });
export const ScoreOverrideClear = z.object({ version: z.number().int().min(1), reason: optionalText(500) });

export const ScoreModelSchema = z.object({
  id: z.string(), trainedAt: z.string(), samples: z.number().int(), positives: z.number().int(), auc: z.number().nullable(),
  /** Per feature value, its log-odds contribution (positive: converts more often), strongest first. */
  factors: z.array(z.object({ feature: z.string(), value: z.string(), logOdds: z.number(), positives: z.number().int(), negatives: z.number().int() })),
}).nullable();
export type ScoreModel = z.infer<typeof ScoreModelSchema>;
export const TrainResultSchema = z.object({ model: ScoreModelSchema, rescored: z.number().int() });

export const CustomerRfmSchema = z.object({
  customerId: z.string(), asOf: z.string(), lastPaidOn: z.string().nullable(), recencyDays: z.number().int().nullable(),
  frequency: z.number().int(), monetary: z.string(), currency: z.string(), r: z.number().int(), f: z.number().int(), m: z.number().int(),
  total: z.number().int(), grade: z.enum(SCORE_GRADES), customerGrade: z.enum(SCORE_GRADES).nullable(), computedAt: z.string(),
}).nullable();
export type CustomerRfm = z.infer<typeof CustomerRfmSchema>;
