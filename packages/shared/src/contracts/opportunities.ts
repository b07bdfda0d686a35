// Opportunities 商机: sales processes with stages and entry requirements, lines, health, kanban, funnel, forecast.
import { z } from 'zod';
import { dec, REQUEST_CURRENCIES } from '../money.js';
import {
  BusinessDateSchema, decimalString, IdSchema, ListQueryBase, MoneyOrZeroSchema, optionalText, pageOf, Text, UserRefSchema,
} from './common.js';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
/** The named dimensions of an opportunity's health, each rated 0 (unknown / bad) … 3 (confirmed) by its rep. */
export const HEALTH_DIMENSIONS = ['need', 'budget', 'decision_chain', 'competition', 'value', 'timeline'] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];
/** Fields a stage may require before an opportunity enters it. */
export const REQUIRABLE_FIELDS = [
  'contactId', 'closeDate', 'amount', 'lines', 'competitor',
  ...HEALTH_DIMENSIONS.map((d) => `health.${d}` as const),
] as const;
export const LOST_REASONS = ['price', 'product_fit', 'competitor', 'no_budget', 'no_decision', 'timing', 'relationship', 'other'] as const;

export const StageRequirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(REQUIRABLE_FIELDS) }),
  z.object({ kind: z.literal('task'), key: Text.trim().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _'), label: Text.trim().min(1).max(60) }),
]);
export type StageRequirement = z.infer<typeof StageRequirementSchema>;

const Probability = decimalString({ digits: 3, scale: 2, sign: 'nonNegative', max: '100', message: 'expected a percentage like "40" or "62.5"' });

export const StageInput = z.object({
  name: Text.trim().min(1).max(40),
  kind: z.enum(STAGE_KINDS).default('open'),
  probability: Probability,
  requirements: z.array(StageRequirementSchema).max(10).default([]),
});
export const SalesProcessInput = z.object({
  name: Text.trim().min(1).max(60),
  productLine: optionalText(60),
  isDefault: z.boolean().default(false),
  stages: z.array(StageInput).min(3).max(12),
});
export type SalesProcessInput = z.infer<typeof SalesProcessInput>;
export const SalesProcessUpdate = z.object({
  name: Text.trim().min(1).max(60).optional(),
  productLine: optionalText(60).optional(),
  active: z.boolean().optional(),
  stages: z.array(z.object({ id: IdSchema, name: Text.trim().min(1).max(40), probability: Probability, requirements: z.array(StageRequirementSchema).max(10) })).optional(),
});
export type SalesProcessUpdate = z.infer<typeof SalesProcessUpdate>;

export const StageSchema = z.object({
  id: z.string(), seq: z.number().int(), name: z.string(), kind: z.enum(STAGE_KINDS), probability: z.string(),
  requirements: z.array(StageRequirementSchema),
});
export const SalesProcessSchema = z.object({
  id: z.string(), name: z.string(), productLine: z.string().nullable(), isDefault: z.boolean(), active: z.boolean(),
  stages: z.array(StageSchema),
});
export type SalesProcess = z.infer<typeof SalesProcessSchema>;
export const SalesProcessList = z.object({ items: z.array(SalesProcessSchema) });

const Quantity = decimalString({ digits: 14, scale: 4, sign: 'positive', message: 'expected a positive quantity (at most 4 decimals)' });
const UnitPrice = decimalString({ digits: 18, scale: 6, sign: 'nonNegative', message: 'expected a price like "1200.50" (at most 6 decimals)' });
const DiscountRate = decimalString({ digits: 1, scale: 6, sign: 'nonNegative', max: '0.999999', message: 'expected a rate below 1 like "0.05"' });

export const OpportunityLineInput = z.object({
  productId: IdSchema.nullish().transform((v) => v ?? null),
  productCode: optionalText(40),
  productName: Text.trim().min(1).max(120),
  quantity: Quantity,
  unitPrice: UnitPrice,
  discountRate: DiscountRate.default('0'),
});

// A line's amount and the opportunity's total are numeric(18,2): at most 10^16, refused here naming the field rather
// than by the database. Checked only on values that parsed (the field checks name the others).
const MONEY_CEILING = dec('1e16');
function withinMoney(lines: Array<{ quantity: string; unitPrice: string }>, ctx: z.RefinementCtx) {
  let total = dec(0);
  for (const [i, l] of lines.entries()) {
    let amount;
    try { amount = dec(l.quantity).times(l.unitPrice); } catch { continue; }
    total = total.plus(amount);
    if (amount.gte(MONEY_CEILING)) ctx.addIssue({ code: 'custom', path: [i, 'unitPrice'], message: 'quantity × price must stay below 10^16' });
  }
  if (total.gte(MONEY_CEILING)) ctx.addIssue({ code: 'custom', message: 'the lines must add up to less than 10^16' });
}
export type OpportunityLineInput = z.infer<typeof OpportunityLineInput>;

const HealthEntry = z.object({ score: z.number().int().min(0).max(3), note: optionalText(200) });
export const HealthInput = z.partialRecord(z.enum(HEALTH_DIMENSIONS), HealthEntry);
export type HealthInput = z.infer<typeof HealthInput>;

export const OpportunityCreate = z.object({
  name: Text.trim().min(1).max(120),
  customerId: IdSchema,
  contactId: IdSchema.nullish().transform((v) => v ?? null),
  processId: IdSchema.nullish().transform((v) => v ?? null),
  ownerId: IdSchema.nullish(),
  currency: z.enum(REQUEST_CURRENCIES).default('CNY'),
  /** Ignored when lines are given: the amount is then their sum. */
  amount: MoneyOrZeroSchema.default('0'),
  closeDate: BusinessDateSchema.nullish().transform((v) => v ?? null),
  forecastCategory: z.enum(FORECAST_CATEGORIES).default('pipeline'),
  lines: z.array(OpportunityLineInput).max(100).superRefine(withinMoney).default([]),
  campaignId: IdSchema.nullish().transform((v) => v ?? null),
  leadId: IdSchema.nullish().transform((v) => v ?? null),
}).meta({ examples: [{ name: '宁波海曙精密 MES 二期', customerId: '0b6f0c57-5e9e-4a3b-9b0c-2f0a4b7e9d11', amount: '480000.00', closeDate: '2026-12-20' }] });
export type OpportunityCreate = z.infer<typeof OpportunityCreate>;

export const OpportunityUpdate = z.object({
  version: z.number().int().min(1),
  name: Text.trim().min(1).max(120).optional(),
  contactId: IdSchema.nullish(),
  ownerId: IdSchema.optional(),
  amount: MoneyOrZeroSchema.optional(),
  closeDate: BusinessDateSchema.nullish(),
  forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
  competitor: optionalText(80).optional(),
  lines: z.array(OpportunityLineInput).max(100).superRefine(withinMoney).optional(),
  health: HealthInput.optional(),
});
export type OpportunityUpdate = z.infer<typeof OpportunityUpdate>;

export const StageChange = z.object({ version: z.number().int().min(1), stageId: IdSchema });
export const OpportunityWin = z.object({ version: z.number().int().min(1), createContract: z.boolean().default(true) });
export const OpportunityLose = z.object({
  version: z.number().int().min(1),
  reason: z.enum(LOST_REASONS),
  competitor: optionalText(80),
  note: optionalText(500),
});
export const TaskInput = z.object({
  title: Text.trim().min(1).max(120),
  key: Text.trim().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _').nullish().transform((v) => v ?? null),
  dueDate: BusinessDateSchema.nullish().transform((v) => v ?? null),
});

export const OpportunityListQuery = ListQueryBase.extend({
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  processId: IdSchema.optional(),
  stageId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  customerId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  closeFrom: BusinessDateSchema.optional(),
  closeTo: BusinessDateSchema.optional(),
  q: Text.trim().max(60).optional(),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

export const HealthReportSchema = z.object({
  score: z.number().int(),
  level: z.enum(['good', 'watch', 'at_risk']),
  dimensions: z.array(z.object({
    dimension: z.enum(HEALTH_DIMENSIONS), score: z.number().int(), rated: z.number().int().nullable(), note: z.string().nullable(),
    reasons: z.array(z.string()),
  })),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

export const OpportunitySummarySchema = z.object({
  id: z.string(), number: z.string(), name: z.string(), status: z.enum(OPPORTUNITY_STATUSES),
  customer: z.object({ id: z.string(), name: z.string() }), contact: z.object({ id: z.string(), name: z.string() }).nullable(),
  owner: UserRefSchema, process: z.object({ id: z.string(), name: z.string() }),
  stage: z.object({ id: z.string(), name: z.string(), kind: z.enum(STAGE_KINDS), probability: z.string() }),
  currency: z.string(), amount: z.string(), weightedAmount: z.string(), closeDate: z.string().nullable(),
  forecastCategory: z.enum(FORECAST_CATEGORIES), stageEnteredAt: z.string(), daysInStage: z.number().int(),
  leadId: z.string().nullable(), campaignId: z.string().nullable(), contractId: z.string().nullable(),
  lostReason: z.string().nullable(), competitor: z.string().nullable(), closedOn: z.string().nullable(),
  version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummarySchema>;

export const OpportunityLineSchema = z.object({
  id: z.string(), lineNo: z.number().int(), productId: z.string().nullable(), productCode: z.string().nullable(),
  productName: z.string(), quantity: z.string(), unitPrice: z.string(), discountRate: z.string(), amount: z.string(),
});
export const OpportunityTaskSchema = z.object({
  id: z.string(), key: z.string().nullable(), title: z.string(), dueDate: z.string().nullable(), doneAt: z.string().nullable(),
  doneBy: UserRefSchema, createdAt: z.string(),
});
export const StageHistorySchema = z.object({
  id: z.string(), fromStage: z.string().nullable(), toStage: z.object({ id: z.string(), name: z.string() }), at: z.string(),
  actor: UserRefSchema, hoursInStage: z.number(),
});
export const OpportunitySchema = OpportunitySummarySchema.extend({
  lines: z.array(OpportunityLineSchema), tasks: z.array(OpportunityTaskSchema), history: z.array(StageHistorySchema),
  stages: z.array(StageSchema), health: HealthReportSchema,
  /** What entering each later open stage still needs (empty: it can move there). */
  missing: z.record(z.string(), z.array(StageRequirementSchema)),
});
export type Opportunity = z.infer<typeof OpportunitySchema>;
export const OpportunityPage = pageOf(OpportunitySummarySchema);
export const WinResult = z.object({ opportunity: OpportunitySchema, contractId: z.string().nullable(), contractNumber: z.string().nullable() });

/** `process`: a sales process's id (the tenant's default when left out) — a choice of view, not a filter of records. */
export const KanbanQuery = z.object({ process: IdSchema.optional(), ownerId: IdSchema.optional() });
export const KanbanSchema = z.object({
  process: z.object({ id: z.string(), name: z.string() }),
  columns: z.array(z.object({
    stage: StageSchema, count: z.number().int(),
    totals: z.array(z.object({ currency: z.string(), amount: z.string(), weighted: z.string() })),
    cards: z.array(OpportunitySummarySchema),
  })),
});
export type Kanban = z.infer<typeof KanbanSchema>;

export const FunnelQuery = z.object({
  process: IdSchema.optional(), ownerId: IdSchema.optional(),
  from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional(),
});
export const FunnelSchema = z.object({
  process: z.object({ id: z.string(), name: z.string() }), from: z.string(), to: z.string(),
  stages: z.array(z.object({
    stage: z.object({ id: z.string(), name: z.string(), kind: z.enum(STAGE_KINDS) }),
    /** Opportunities that reached this stage (or a later one) in the period. */
    reached: z.number().int(),
    /** Of those, the share that reached the next open stage or won, as a percentage with one decimal; null for the last. */
    conversionToNext: z.string().nullable(),
    avgDaysInStage: z.string().nullable(),
    open: z.number().int(), openAmounts: z.array(z.object({ currency: z.string(), amount: z.string() })),
  })),
  won: z.number().int(), lost: z.number().int(), winRate: z.string().nullable(),
  wonAmounts: z.array(z.object({ currency: z.string(), amount: z.string() })),
});
export type Funnel = z.infer<typeof FunnelSchema>;

export const FORECAST_ADJUSTABLE = ['commit', 'best_case', 'pipeline', 'weighted'] as const;
export const PeriodSchema = Text.trim().regex(/^[1-9][0-9]{3}-(0[1-9]|1[0-2]|Q[1-4])$/, 'expected a month like 2026-12 or a quarter like 2026-Q4');
export const ForecastQuery = z.object({ period: PeriodSchema, groupBy: z.enum(['rep', 'team']).default('rep') });
const ForecastFigure = z.object({ system: z.string(), adjusted: z.string().nullable(), adjustedBy: UserRefSchema, adjustedAt: z.string().nullable(), reason: z.string().nullable() });
export const ForecastRowSchema = z.object({
  subjectKind: z.enum(['rep', 'team']), subject: z.object({ id: z.string(), name: z.string() }), currency: z.string(),
  won: z.string(), commit: ForecastFigure, bestCase: ForecastFigure, pipeline: ForecastFigure, weighted: ForecastFigure,
  openCount: z.number().int(), wonCount: z.number().int(),
});
export const ForecastSchema = z.object({
  period: z.string(), from: z.string(), to: z.string(), groupBy: z.enum(['rep', 'team']), rows: z.array(ForecastRowSchema),
  totals: z.array(z.object({ currency: z.string(), won: z.string(), commit: z.string(), bestCase: z.string(), pipeline: z.string(), weighted: z.string() })),
});
export type Forecast = z.infer<typeof ForecastSchema>;
export const ForecastAdjustmentInput = z.object({
  period: PeriodSchema, subjectKind: z.enum(['rep', 'team']), subjectId: IdSchema, category: z.enum(FORECAST_ADJUSTABLE),
  currency: z.enum(REQUEST_CURRENCIES).default('CNY'), amount: MoneyOrZeroSchema, reason: Text.trim().min(2).max(300),
});
export const ForecastAdjustmentSchema = z.object({
  id: z.string(), period: z.string(), subjectKind: z.enum(['rep', 'team']), subjectId: z.string(), category: z.enum(FORECAST_ADJUSTABLE),
  currency: z.string(), systemAmount: z.string(), adjustedAmount: z.string(), reason: z.string(), author: UserRefSchema, at: z.string(),
});
export const ForecastAdjustmentQuery = z.object({ period: PeriodSchema, subjectKind: z.enum(['rep', 'team']).optional(), subjectId: IdSchema.optional() });
export const ForecastAdjustmentList = z.object({ items: z.array(ForecastAdjustmentSchema) });
