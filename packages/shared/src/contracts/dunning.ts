// Dunning 催收, the collector's worklist (promises to pay 承诺付款, contact notes) and the credit assessment 资信评估.
import { z } from 'zod';
import { BusinessDateSchema, IdSchema, MoneySchema, MoneyOrZeroSchema, optionalText, Text, UserRefSchema } from './common.js';

export const DUNNING_ACTIONS = ['notice', 'email', 'task', 'letter', 'hold'] as const;
export const DUNNING_RECIPIENTS = ['customer', 'owner', 'manager', 'finance'] as const;
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const RISK_LEVELS = ['low', 'normal', 'high'] as const;

export const DunningStepInput = z.object({
  offsetDays: z.number().int().min(-365).max(3650),
  action: z.enum(DUNNING_ACTIONS),
  recipient: z.enum(DUNNING_RECIPIENTS),
  name: Text.trim().min(1).max(100),
});
export const DunningPolicyInput = z.object({
  name: Text.trim().min(1).max(100),
  grade: z.enum(GRADES).nullish().transform((v) => v ?? null),
  riskLevel: z.enum(RISK_LEVELS).nullish().transform((v) => v ?? null),
  priority: z.number().int().min(0).max(1000).default(100),
  active: z.boolean().default(true),
  steps: z.array(DunningStepInput).min(1).max(50),
  version: z.number().int().min(1).optional(),
});
export const DunningStepSchema = z.object({ id: z.string(), seq: z.number().int(), offsetDays: z.number().int(), action: z.enum(DUNNING_ACTIONS), recipient: z.enum(DUNNING_RECIPIENTS), name: z.string() });
export const DunningPolicySchema = z.object({
  id: z.string(), name: z.string(), grade: z.enum(GRADES).nullable(), riskLevel: z.enum(RISK_LEVELS).nullable(), priority: z.number().int(),
  active: z.boolean(), version: z.number().int(), steps: z.array(DunningStepSchema),
}).meta({ id: 'DunningPolicy' });
export const DunningPolicyList = z.object({ items: z.array(DunningPolicySchema) });

export const DunningRunQuery = z.object({ customerId: IdSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const DunningStepRunSchema = z.object({
  id: z.string(), stepName: z.string(), offsetDays: z.number().int(), action: z.enum(DUNNING_ACTIONS), recipient: z.enum(DUNNING_RECIPIENTS),
  receivableId: z.string(), receivableNumber: z.string(), customerId: z.string(), customerName: z.string(), runOn: z.string(),
  amountOpen: z.string(), currency: z.string(), daysPastDue: z.number().int(), mailStatus: z.string().nullable(),
}).meta({ id: 'DunningStepRun' });
export const DunningStepRunList = z.object({ items: z.array(DunningStepRunSchema) });
export const DunningRunRequest = z.object({ asOf: BusinessDateSchema.optional() });
export const DunningRunResult = z.object({ asOf: z.string(), steps: z.number().int(), covered: z.number().int(), promisesKept: z.number().int(), promisesBroken: z.number().int(), mailSent: z.number().int() });

export const MAIL_STATUSES = ['outbox', 'queued', 'sending', 'sent', 'failed'] as const;
export const DunningMailQuery = z.object({ status: z.enum(MAIL_STATUSES).optional(), customerId: IdSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const DunningMailSchema = z.object({
  id: z.string(), customerId: z.string(), customerName: z.string(), toAddress: z.string().nullable(), subject: z.string(), body: z.string(),
  status: z.enum(MAIL_STATUSES), attempts: z.number().int(), sentAt: z.string().nullable(), error: z.string().nullable(), createdAt: z.string(),
}).meta({ id: 'DunningMail' });
export const DunningMailList = z.object({ items: z.array(DunningMailSchema), smtpConfigured: z.boolean() });

export const WorklistQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), asOf: BusinessDateSchema.optional() });
export const WorklistItemSchema = z.object({
  customerId: z.string(), customerName: z.string(), owner: UserRefSchema, currency: z.string(), overdue: z.string(), unapplied: z.string(),
  netOverdue: z.string(), oldestDaysPastDue: z.number().int(), weightedDaysPastDue: z.string(), riskLevel: z.string(), riskWeight: z.string(),
  brokenPromises: z.number().int(), openPromise: z.object({ id: z.string(), amount: z.string(), promisedOn: z.string() }).nullable(),
  lastContactAt: z.string().nullable(), onHold: z.boolean(), priority: z.string(),
}).meta({ id: 'WorklistItem' });
export const Worklist = z.object({ asOf: z.string(), formula: z.string(), items: z.array(WorklistItemSchema) });
export const CoveredCustomerSchema = z.object({ customerId: z.string(), customerName: z.string(), currency: z.string(), overdue: z.string(), unapplied: z.string(), owner: UserRefSchema });
export const CoveredList = z.object({ asOf: z.string(), items: z.array(CoveredCustomerSchema) });

export const PromiseInput = z.object({
  customerId: IdSchema, receivableId: IdSchema.nullish().transform((v) => v ?? null), amount: MoneySchema, promisedOn: BusinessDateSchema,
  note: optionalText(1000),
});
export const PROMISE_STATUSES = ['open', 'kept', 'broken'] as const;
export const PromiseQuery = z.object({ customerId: IdSchema.optional(), status: z.enum(PROMISE_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const PromiseSchema = z.object({
  id: z.string(), customerId: z.string(), customerName: z.string(), receivableId: z.string().nullable(), collector: UserRefSchema,
  amount: z.string(), currency: z.string(), promisedOn: z.string(), madeOn: z.string(), status: z.enum(PROMISE_STATUSES),
  resolvedOn: z.string().nullable(), paidAmount: z.string().nullable(), note: z.string().nullable(),
}).meta({ id: 'PromiseToPay' });
export const PromiseList = z.object({ items: z.array(PromiseSchema) });

export const CONTACT_CHANNELS = ['phone', 'email', 'visit', 'message', 'other'] as const;
export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'promised', 'disputed', 'refused', 'paid'] as const;
export const ContactNoteInput = z.object({
  customerId: IdSchema, channel: z.enum(CONTACT_CHANNELS), outcome: z.enum(CONTACT_OUTCOMES), note: optionalText(2000),
  promiseId: IdSchema.nullish().transform((v) => v ?? null),
});
export const ContactNoteQuery = z.object({ customerId: IdSchema, limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ContactNoteSchema = z.object({
  id: z.string(), customerId: z.string(), collector: UserRefSchema, channel: z.enum(CONTACT_CHANNELS), outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string().nullable(), promiseId: z.string().nullable(), contactedAt: z.string(),
}).meta({ id: 'ContactNote' });
export const ContactNoteList = z.object({ items: z.array(ContactNoteSchema) });

export const DunningTaskQuery = z.object({ status: z.enum(['open', 'done']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const DunningTaskSchema = z.object({
  id: z.string(), title: z.string(), customerId: z.string(), customerName: z.string(), receivableId: z.string().nullable(), promiseId: z.string().nullable(),
  dueOn: z.string(), status: z.enum(['open', 'done']), createdAt: z.string(),
}).meta({ id: 'DunningTask' });
export const DunningTaskList = z.object({ items: z.array(DunningTaskSchema) });

export const EffectivenessQuery = z.object({ from: BusinessDateSchema, to: BusinessDateSchema });
export const EffectivenessRowSchema = z.object({
  collector: UserRefSchema, currency: z.string(), assignedOverdue: z.string(), collected: z.string(), stillOverdue: z.string(),
  promised: z.string(), promisedKept: z.string(), promisesKept: z.number().int(), promisesBroken: z.number().int(), contacts: z.number().int(),
  /** collected ÷ assigned overdue, 4 decimals; null when nothing was assigned. */
  effectiveness: z.string().nullable(),
  /** kept promise amount ÷ promised amount of promises due in the period, 4 decimals; null when none. */
  promiseKeptRate: z.string().nullable(),
}).meta({ id: 'CollectionEffectiveness' });
export const EffectivenessReport = z.object({ from: z.string(), to: z.string(), definition: z.string(), items: z.array(EffectivenessRowSchema) });

// Credit assessment 资信评估
export const CREDIT_FACTORS = ['onTimeRate', 'avgDaysLate', 'overdueShare', 'badDebts', 'tenure', 'contractVolume'] as const;
export const CreditFactorSchema = z.object({ key: z.enum(CREDIT_FACTORS), value: z.string(), points: z.number(), max: z.number() });
export const CreditAssessmentSchema = z.object({
  id: z.string(), customerId: z.string(), assessedOn: z.string(), score: z.number().int(), grade: z.enum(GRADES), factors: z.array(CreditFactorSchema),
  currency: z.string(), currentLimit: z.string(), currentTermDays: z.number().int(), suggestedLimit: z.string(), suggestedTermDays: z.number().int(),
  status: z.enum(['proposed', 'pending_approval', 'applied', 'rejected']), appliedAt: z.string().nullable(), createdAt: z.string(),
}).meta({ id: 'CreditAssessment' });
export const CreditAssessmentView = z.object({
  customerId: z.string(), currency: z.string(), creditLimit: z.string(), paymentTermDays: z.number().int(), riskLevel: z.string(),
  onHold: z.boolean(), holdReason: z.string().nullable(),
  /** A raise of the limit above this goes to approval. */
  approvalAbove: z.string(),
  items: z.array(CreditAssessmentSchema),
});
export const ApplyAssessmentInput = z.object({
  creditLimit: MoneyOrZeroSchema.optional(), paymentTermDays: z.number().int().min(0).max(3650).optional(),
});
export const ApplyAssessmentResult = z.object({ status: z.enum(['applied', 'pending_approval']), approvalRequestId: z.string().nullable(), assessment: CreditAssessmentSchema });
export const ReleaseHoldInput = z.object({ reason: Text.trim().min(1).max(500) });
