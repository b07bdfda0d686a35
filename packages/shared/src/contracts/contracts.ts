// API contracts of contracts 合同: framework agreements 框架协议 and order contracts 订单合同, their lines, payment plans
// 回款计划, signing, amendments 补充协议 and compliance results.
import { z } from 'zod';
import { normalizeTaxRate, PAYMENT_PLAN_TEMPLATES, TAX_RATES } from '../tax.js';
import { BOOK_CURRENCY, REQUEST_CURRENCIES } from '../money.js';
import { BusinessDateSchema, decimalOrNull, decimalString, IdSchema, ListQueryBase, MAX_MONEY, MoneySchema, optionalText, pageOf, Text, UserRefSchema } from './common.js';

export const CONTRACT_KINDS = ['framework', 'order'] as const;
export const CONTRACT_STATUSES = ['draft', 'in_approval', 'approved', 'signed', 'in_performance', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const INSTALMENT_TRIGGERS = ['date', 'on_signing', 'on_delivery', 'on_acceptance'] as const;
export const INSTALMENT_METHODS = ['bank_transfer', 'cash', 'online', 'acceptance_bill', 'check', 'other'] as const;
export const CONTRACT_CURRENCIES = REQUEST_CURRENCIES;
export const CONTRACT_SORTS = ['createdAt', '-createdAt', 'number', '-number', 'amountInclTax', '-amountInclTax', 'signedOn', '-signedOn'] as const;
export const PLAN_TEMPLATES = Object.keys(PAYMENT_PLAN_TEMPLATES) as Array<keyof typeof PAYMENT_PLAN_TEMPLATES>;

const text = optionalText;
const Quantity = decimalString({ digits: 12, scale: 4, sign: 'positive', message: 'expected a quantity like "3" or "2.5" (at most 4 decimals)' });
const UnitPrice = decimalString({ digits: 12, scale: 6, sign: 'nonNegative', message: 'expected a unit price like "1130.00" (at most 6 decimals)' });
const Rate = decimalString({ digits: 1, scale: 6, sign: 'nonNegative', max: '0.999999', message: 'expected a rate below 1 like "0.05"' });
const Money = MoneySchema;
// Six decimals (the column is numeric(9,6)): enough for N equal instalments of equalPercent(N), e.g. 3 × 33.333333.
const Percent = decimalString({ digits: 3, scale: 6, sign: 'positive', max: '100', message: 'expected a percent like "30" or "33.333333" (above 0, at most 100, at most 6 decimals)' });

export const ContractLineInput = z.object({
  /** The catalog SKU (issue 11 §4); absent or null: a one-off free line, described by hand. */
  skuId: IdSchema.nullish(),
  productCode: text(60),
  description: Text.trim().min(1, 'describe the line').max(500),
  quantity: Quantity,
  unit: text(20),
  unitPrice: UnitPrice,
  discountRate: Rate.default('0'),
  taxRate: Text.trim().transform((v, ctx) => {
    const r = normalizeTaxRate(v);
    if (r === null) ctx.addIssue({ code: 'custom', message: `tax rate must be one of ${TAX_RATES.join(', ')}` });
    return r ?? '0';
  }),
});
export type ContractLineInput = z.infer<typeof ContractLineInput>;

/**
 * Lines whose amounts fit the books: each quantity × unit price, with the highest tax rate on top, and their sum stay
 * within MAX_MONEY — twelve-digit quantities times twelve-digit prices would not fit the amount columns.
 */
const HIGHEST_TAX = '1.13';
const Lines = z.array(ContractLineInput).max(500).superRefine((lines, ctx) => {
  let total = decimalOrNull('0')!;
  let lineTooBig = false;
  lines.forEach((line, i) => {
    const quantity = decimalOrNull(line?.quantity);
    const price = decimalOrNull(line?.unitPrice);
    if (!quantity || !price) return;
    const gross = quantity.times(price).times(HIGHEST_TAX);
    if (gross.gt(MAX_MONEY)) {
      lineTooBig = true;
      ctx.addIssue({ code: 'custom', path: [i, 'unitPrice'], message: `quantity × unit price is beyond what can be booked (${MAX_MONEY})` });
    }
    total = total.plus(gross);
  });
  if (!lineTooBig && total.gt(MAX_MONEY)) ctx.addIssue({ code: 'custom', message: `the lines add up to more than can be booked (${MAX_MONEY})` });
});

export const InstalmentInput = z.object({
  trigger: z.enum(INSTALMENT_TRIGGERS),
  /** For 'date': the due date; for an event trigger: the date the event is expected (for late alerts). */
  dueDate: BusinessDateSchema.nullish().transform((v) => v ?? null),
  dueDaysAfterTrigger: z.number().int().min(0).max(3650).default(0),
  amount: Money.nullish().transform((v) => v ?? null),
  /**
   * Percent (0–100, at most 6 decimals) of the amount to plan; the plan is cut with exact splits so it adds back to
   * the cent (resolvePlan). N equal instalments: N × equalPercent(N), e.g. three × "33.333333" — the first get the extra cents.
   */
  percent: Percent.nullish().transform((v) => v ?? null),
  method: z.enum(INSTALMENT_METHODS).nullish().transform((v) => v ?? null),
  ownerId: IdSchema.nullish().transform((v) => v ?? null),
  milestone: text(120),
}).superRefine((v, ctx) => {
  if ((v.amount === null) === (v.percent === null)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give either amount or percent' });
  if (v.trigger === 'date' && !v.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'a date instalment needs its due date' });
});
export type InstalmentInput = z.infer<typeof InstalmentInput>;

const ContractFields = {
  customerId: IdSchema,
  frameworkId: IdSchema.nullish().transform((v) => v ?? null),
  title: Text.trim().min(2, 'title must have at least 2 characters').max(200),
  currency: z.enum(CONTRACT_CURRENCIES),
  pricesIncludeTax: z.boolean(),
  paymentTermDays: z.number().int().min(0).max(3650),
  deliveryTerms: text(2000),
  paymentTerms: text(2000),
  periodStart: BusinessDateSchema.nullish().transform((v) => v ?? null),
  periodEnd: BusinessDateSchema.nullish().transform((v) => v ?? null),
  productScope: text(2000),
  rebateTerms: text(2000),
  ownerId: IdSchema.nullish(),
  lines: Lines,
  instalments: z.array(InstalmentInput).max(60),
  /** Fill the payment plan from a template when no instalments are given. */
  planTemplate: z.enum(PLAN_TEMPLATES as [string, ...string[]]).nullish(),
};

export const ContractInput = z.object({
  ...ContractFields,
  kind: z.enum(CONTRACT_KINDS).default('order'),
  currency: ContractFields.currency.default(BOOK_CURRENCY),
  pricesIncludeTax: ContractFields.pricesIncludeTax.default(true),
  paymentTermDays: ContractFields.paymentTermDays.default(30),
  lines: ContractFields.lines.default([]),
  instalments: ContractFields.instalments.default([]),
});
export type ContractInput = z.infer<typeof ContractInput>;
// No defaults here: a field left out of an update keeps its value.
export const ContractUpdate = z.object(ContractFields).partial().extend({ version: z.number().int().min(1) });
export type ContractUpdate = z.infer<typeof ContractUpdate>;

export const ContractLineSchema = z.object({
  id: z.string(), lineNo: z.number().int(), skuId: z.string().nullable(), productCode: z.string().nullable(), description: z.string(),
  quantity: z.string(), unit: z.string().nullable(), unitPrice: z.string(), discountRate: z.string(), taxRate: z.string(),
  amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
});
export const InstalmentSchema = z.object({
  id: z.string(), seq: z.number().int(), trigger: z.enum(INSTALMENT_TRIGGERS), dueDate: z.string().nullable(),
  dueDaysAfterTrigger: z.number().int(), percent: z.string().nullable(), amount: z.string(), taxAmount: z.string(),
  method: z.string().nullable(), owner: UserRefSchema, milestone: z.string().nullable(), triggeredOn: z.string().nullable(),
  receivableId: z.string().nullable(),
});
export const SignatorySchema = z.object({
  name: Text.trim().min(1).max(60),
  party: z.enum(['customer', 'company']),
  title: Text.trim().max(60).nullish().transform((v) => v ?? null),
});
const SignatoryOut = z.object({ name: z.string(), party: z.enum(['customer', 'company']), title: z.string().nullable() });
export const SignedFileSchema = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() });

export const ContractSummarySchema = z.object({
  id: z.string(), number: z.string(), kind: z.enum(CONTRACT_KINDS), title: z.string(), status: z.enum(CONTRACT_STATUSES),
  customer: z.object({ id: z.string(), name: z.string() }), framework: z.object({ id: z.string(), number: z.string() }).nullable(),
  currency: z.string(), pricesIncludeTax: z.boolean(), amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
  maxDiscountRate: z.string(), paymentTermDays: z.number().int(), signedOn: z.string().nullable(), owner: UserRefSchema,
  termsLocked: z.boolean(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  amountCollected: z.string().describe('payments written off against the contract\'s receivables'),
  amountUncollected: z.string().describe('amount with tax − collected: billed or not, still to be paid'),
  collectedPercent: z.string().nullable().describe('collected ÷ amount with tax, percent with 1 decimal; null for a zero amount'),
});
export const ContractSchema = ContractSummarySchema.extend({
  deliveryTerms: z.string().nullable(), paymentTerms: z.string().nullable(), periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(), productScope: z.string().nullable(), rebateTerms: z.string().nullable(),
  signatories: z.array(SignatoryOut), signedFile: SignedFileSchema.nullable(), creditOverride: z.boolean(),
  lines: z.array(ContractLineSchema), instalments: z.array(InstalmentSchema),
  pendingAmendmentId: z.string().nullable(),
});
export type Contract = z.infer<typeof ContractSchema>;
export const ContractPage = pageOf(ContractSummarySchema);

export const ContractListQuery = ListQueryBase.extend({
  status: z.enum(CONTRACT_STATUSES).optional(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  customerId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  sort: z.enum(CONTRACT_SORTS).default('-createdAt'),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ComplianceIssueSchema = z.object({
  code: z.enum(['payment_term_exceeded', 'plan_missing', 'plan_mismatch', 'lines_missing', 'credit_exceeded', 'credit_hold', 'framework_invalid']),
  path: z.string(), message: z.string(), severity: z.enum(['block', 'approval']),
});
export const ComplianceSchema = z.object({
  passed: z.boolean(), issues: z.array(ComplianceIssueSchema), allowedTermDays: z.number().int(),
  creditLimit: z.string(), creditAvailable: z.string(), riskLevel: z.string(),
});
export type Compliance = z.infer<typeof ComplianceSchema>;

export const ContractAction = z.object({ version: z.number().int().min(1).optional() });
export const ContractTransition = z.object({
  status: z.enum(['in_performance', 'completed', 'terminated']),
  reason: Text.trim().max(500).nullish().transform((v) => v ?? null),
  version: z.number().int().min(1).optional(),
});
/** Signing: JSON with the file as base64, or multipart with the same fields and the file as a part named "file". */
export const ContractSign = z.object({
  signedOn: BusinessDateSchema,
  signatories: z.array(SignatorySchema).min(1, 'name at least one signatory').max(10),
  file: z.object({
    name: Text.trim().min(1).max(200),
    contentType: Text.trim().max(100).default('application/pdf'),
    base64: Text.min(1).max(14_000_000),
  }),
  version: z.number().int().min(1).optional(),
});
export const DeliveryInput = z.object({
  instalmentId: IdSchema.nullish().transform((v) => v ?? null),
  milestone: Text.trim().max(120).nullish().transform((v) => v ?? null),
  deliveredOn: BusinessDateSchema.optional(),
}).refine((v) => v.instalmentId || v.milestone, { message: 'give the instalment or the milestone', path: ['instalmentId'] });

export const AmendmentInput = z.object({
  reason: Text.trim().min(2, 'say why the contract changes').max(1000),
  lines: Lines.optional(),
  /** The new plan for what is not yet triggered; instalments already triggered or invoiced are kept as they are. */
  instalments: z.array(InstalmentInput).max(60).optional(),
  paymentTermDays: z.number().int().min(0).max(3650).optional(),
  pricesIncludeTax: z.boolean().optional(),
  deliveryTerms: text(2000).optional(),
  paymentTerms: text(2000).optional(),
  periodEnd: BusinessDateSchema.nullish(),
  version: z.number().int().min(1),
});
export type AmendmentInput = z.infer<typeof AmendmentInput>;
export const AmendmentSchema = z.object({
  id: z.string(), number: z.string(), contractId: z.string(), seq: z.number().int(),
  status: z.enum(['in_approval', 'approved', 'rejected', 'returned', 'cancelled']), reason: z.string(),
  amountBefore: z.string(), amountAfter: z.string(), before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()),
  createdBy: UserRefSchema, createdAt: z.string(), decidedAt: z.string().nullable(),
});
export const AmendmentList = z.object({ items: z.array(AmendmentSchema) });

export const ContractAlertSchema = z.object({
  kind: z.enum(['not_invoiced', 'delivery_late', 'unpaid']),
  contract: z.object({ id: z.string(), number: z.string(), title: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  instalmentId: z.string(), seq: z.number().int(), trigger: z.string(), milestone: z.string().nullable(),
  dueDate: z.string(), daysLate: z.number().int(), amount: z.string(), amountOpen: z.string().nullable(),
  receivableId: z.string().nullable(), owner: UserRefSchema,
});
export const ContractAlertList = z.object({ items: z.array(ContractAlertSchema), asOf: z.string() });

export const ContractSubmitResult = z.object({
  contract: ContractSchema,
  compliance: ComplianceSchema,
  approval: z.object({
    id: z.string(), status: z.enum(['pending', 'approved']),
    steps: z.array(z.object({ seq: z.number().int(), name: z.string(), approverIds: z.array(z.string()) })),
  }),
});
