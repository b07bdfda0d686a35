// API contracts of the approval engine: rules-driven definitions per document type, requests with steps, the inbox
// and the approve / reject / return actions. Contracts, their amendments and bad-debt write-offs use it.
import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { IdSchema, Text, UserRefSchema } from './common.js';

export const APPROVAL_ACTIONS = ['approve', 'reject', 'return'] as const;
export type ApprovalActionName = (typeof APPROVAL_ACTIONS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'cancelled', 'withdrawn'] as const;
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'returned', 'cancelled'] as const;
export const CONDITION_OPS = ['>', '>=', '<', '<=', '=', '!=', 'in'] as const;

/** A fact about the document that rules look at: amount, maxDiscount, paymentTermDays, riskLevel, overCredit … */
export const FactValue = z.union([Text, z.number(), z.boolean(), z.null()]);
export type FactValue = z.infer<typeof FactValue>;
export type ApprovalFacts = Record<string, FactValue>;

export type Condition =
  | { fact: string; op: (typeof CONDITION_OPS)[number]; value: FactValue | FactValue[] }
  | { all: Condition[] }
  | { any: Condition[] };
// Recursive, so a named component (the OpenAPI document points at it; inline it would point at nothing).
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([
  z.object({ fact: Text.min(1).max(60), op: z.enum(CONDITION_OPS), value: z.union([FactValue, z.array(FactValue).max(50)]) }),
  z.object({ all: z.array(ConditionSchema).min(1).max(20) }),
  z.object({ any: z.array(ConditionSchema).min(1).max(20) }),
])).meta({ id: 'ApprovalCondition', description: 'When a rule applies: a fact compared with a value, or all / any of nested conditions.' });

/**
 * Who approves a step: everyone active in a role, or in any of several roles (a second person with a right several
 * roles hold — bad debt: an executive or an admin), the submitter's manager (up the team tree), or one user.
 */
export const ApproverSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), role: z.enum(ROLES) }),
  z.object({ type: z.literal('roles'), roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length) }),
  z.object({ type: z.literal('manager') }),
  z.object({ type: z.literal('user'), userId: IdSchema }),
]);
export type Approver = z.infer<typeof ApproverSchema>;
export const StepDefinitionSchema = z.object({ name: Text.trim().min(1).max(60), approver: ApproverSchema });
export type StepDefinition = z.infer<typeof StepDefinitionSchema>;

/**
 * Rules in order; the steps of every matching rule are chained (a step with the same approver appears once, at its
 * first place). When no rule matches, `otherwise` applies; an empty chain approves at once.
 */
export const ApprovalRulesSchema = z.object({
  rules: z.array(z.object({
    name: Text.trim().min(1).max(80),
    when: ConditionSchema,
    steps: z.array(StepDefinitionSchema).min(1).max(10),
  })).max(30),
  otherwise: z.array(StepDefinitionSchema).max(10).default([]),
});
export type ApprovalRules = z.infer<typeof ApprovalRulesSchema>;

export const ApprovalDefinitionSchema = z.object({
  docType: z.string(), name: z.string(), rules: ApprovalRulesSchema, builtIn: z.boolean(), version: z.number().int(), updatedAt: z.string().nullable(),
});
export const ApprovalDefinitionInput = z.object({ name: Text.trim().min(2).max(80), rules: ApprovalRulesSchema, version: z.number().int().min(0).optional() });

export const ApprovalStepSchema = z.object({
  id: z.string(), seq: z.number().int(), name: z.string(), rule: z.string().nullable(), status: z.enum(STEP_STATUSES),
  approvers: z.array(z.object({ id: z.string(), name: z.string() })), actedBy: UserRefSchema, actedAt: z.string().nullable(), comment: z.string().nullable(),
});
export const ApprovalActionSchema = z.object({
  id: z.string(), action: z.string(), stepSeq: z.number().int().nullable(), actor: UserRefSchema, comment: z.string().nullable(), at: z.string(),
});
export const ApprovalRequestSchema = z.object({
  id: z.string(), docType: z.string(), docId: z.string(), docNumber: z.string(), title: z.string(),
  status: z.enum(APPROVAL_STATUSES), currentStep: z.number().int().nullable(), facts: z.record(z.string(), FactValue),
  submittedBy: UserRefSchema, createdAt: z.string(), decidedAt: z.string().nullable(),
  steps: z.array(ApprovalStepSchema), actions: z.array(ApprovalActionSchema),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

export const ApprovalInboxItem = z.object({
  id: z.string(), docType: z.string(), docId: z.string(), docNumber: z.string(), title: z.string(),
  /** The record whose page shows this request: the contract itself, the contract an amendment changes, or the
   * receivable a bad-debt write-off is for. */
  subjectType: z.string(), subjectId: z.string(),
  stepSeq: z.number().int(), stepName: z.string(), facts: z.record(z.string(), FactValue),
  submittedBy: UserRefSchema, createdAt: z.string(), waitingSince: z.string(),
});
export const ApprovalInbox = z.object({ items: z.array(ApprovalInboxItem) });
export const ApprovalInboxQuery = z.object({ docType: Text.max(40).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const ApproveBody = z.object({ comment: Text.trim().max(1000).nullish().transform((v) => v || null) });
/** Rejecting or returning needs a reason the submitter can act on. */
/** The submitter takes back a request nobody has decided yet (the document returns to draft). */
export const WithdrawBody = z.object({ reason: Text.trim().max(1000).nullish().transform((v) => v || null) });

/** "Which steps would this document need?": a stored document's own facts, or facts typed in; optionally against
 * rules being edited (not yet saved). */
export const ApprovalPreviewInput = z.object({
  docId: IdSchema.optional(),
  /** A customer instead of a stored document: its grade, risk level, and whether `facts.amount` is over its credit. */
  customerId: IdSchema.optional(),
  facts: z.record(Text.max(40), FactValue).optional(),
  rules: ApprovalRulesSchema.optional(),
});
export const ApprovalPreviewSchema = z.object({
  facts: z.record(z.string(), FactValue),
  matchedRules: z.array(z.string()),
  steps: z.array(z.object({ seq: z.number().int(), name: z.string(), rule: z.string().nullable(), approver: ApproverSchema, approvers: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type ApprovalPreview = z.infer<typeof ApprovalPreviewSchema>;

export const RejectBody = z.object({ comment: Text.trim().min(2, 'say why').max(1000) });
