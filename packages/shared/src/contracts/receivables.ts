// API contracts of revenue management: receivables 应收, payments 回款, write-offs 核销, customer accounts.
import { z } from 'zod';
import { BusinessDateSchema, enumListParam, IdSchema, ListQueryBase, MoneyOrZeroSchema, MoneySchema, pageOf, SignedMoneySchema, Text, UserRefSchema } from './common.js';
import { PaymentFileSchema } from './payment-files.js';
import { BOOK_CURRENCY, REQUEST_CURRENCIES } from '../money.js';

/** A positive money amount as an exact decimal string with at most 2 decimals (zero is meaningless for one). */
export const AmountSchema = MoneySchema;
export const AmountOrZeroSchema = MoneyOrZeroSchema;
/** A currency a request names; omitted, the book currency. */
export const CurrencySchema = z.enum(REQUEST_CURRENCIES).default(BOOK_CURRENCY);

export const RECEIVABLE_STATUSES = ['open', 'partially_paid', 'paid', 'bad_debt'] as const;
export const RECEIVABLE_SOURCES = ['contract_signed', 'plan_date', 'delivery', 'milestone', 'order', 'service_period', 'usage', 'manual', 'credit_note'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'online', 'acceptance_bill', 'check', 'other'] as const;
export const PAYMENT_STATUSES = ['claimed', 'confirmed', 'rejected'] as const;
export const WRITE_OFF_STRATEGIES = ['oldest_due', 'contract', 'instalment'] as const;

export const ReceivableCreate = z.object({
  customerId: IdSchema,
  contractId: IdSchema.nullish().transform((v) => v ?? null),
  amount: AmountSchema,
  taxAmount: AmountOrZeroSchema.default('0.00'),
  currency: CurrencySchema,
  businessDate: BusinessDateSchema.optional(),
  dueDate: BusinessDateSchema,
  ownerId: IdSchema.nullish(),
  reason: Text.trim().min(2, 'a receivable made by hand needs a reason').max(500),
});
export const CreditNoteCreate = z.object({
  amount: AmountSchema,
  taxAmount: AmountOrZeroSchema.default('0.00'),
  reason: Text.trim().min(2).max(500),
  businessDate: BusinessDateSchema.optional(),
});

export const ReceivableSchema = z.object({
  id: z.string(), number: z.string(), kind: z.enum(['invoice', 'credit_note']),
  customer: z.object({ id: z.string(), name: z.string() }),
  contract: z.object({ id: z.string(), number: z.string() }).nullable(),
  instalmentId: z.string().nullable(), originalId: z.string().nullable(),
  source: z.string(), currency: z.string(), amount: z.string(), taxAmount: z.string(), amountOpen: z.string(),
  amountApplied: z.string(), badDebtAmount: z.string(),
  status: z.enum([...RECEIVABLE_STATUSES, 'applied']),
  businessDate: z.string(), dueDate: z.string(), daysOverdue: z.number().int(),
  owner: UserRefSchema, reason: z.string().nullable(), createdAt: z.string(),
}).meta({ id: 'Receivable', description: 'A receivable 应收 (an invoice) or a credit note 红冲. Amounts are decimal strings in `currency`: `amountOpen` = `amount` − `amountApplied` − `badDebtAmount`.' });
export type Receivable = z.infer<typeof ReceivableSchema>;
export const ReceivablePage = pageOf(ReceivableSchema).meta({ id: 'ReceivablePage' });
export const ReceivableListQuery = ListQueryBase.extend({
  customerId: IdSchema.optional(),
  contractId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  /** One status or several, comma-separated: `open,partially_paid`. */
  status: enumListParam(RECEIVABLE_STATUSES).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueFrom: BusinessDateSchema.optional(),
  dueTo: BusinessDateSchema.optional(),
  sort: z.enum(['dueDate', '-dueDate', 'amountOpen', '-amountOpen', 'number', '-number']).default('dueDate'),
});

/** The list's filter without paging or order: what GET /receivables/totals sums. */
export const ReceivableTotalsQuery = ReceivableListQuery.omit({ limit: true, cursor: true, sort: true });
export const ReceivableTotals = z.object({
  today: z.string(),
  totals: z.array(z.object({ currency: z.string(), count: z.number().int(), amount: z.string(), open: z.string(), overdue: z.string() })),
}).meta({ id: 'ReceivableTotals', description: 'Totals of every receivable the filter matches, per currency.' });

export const PaymentCreate = z.object({
  customerId: IdSchema,
  amount: AmountSchema,
  currency: CurrencySchema,
  receivedOn: BusinessDateSchema,
  method: z.enum(PAYMENT_METHODS).default('bank_transfer'),
  payerName: Text.trim().max(120).nullish().transform((v) => v ?? null),
  payerAccount: Text.trim().max(60).nullish().transform((v) => v ?? null),
  bankReference: Text.trim().max(80).nullish().transform((v) => v || null),
  remark: Text.trim().max(500).nullish().transform((v) => v ?? null),
  attachments: z.array(z.object({ name: Text.max(200), sha256: Text.regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) })).max(20).default([]),
  /** Finance may register and confirm in one step. */
  confirm: z.boolean().default(false),
  /** After confirming, write the payment off automatically with this strategy. */
  autoApply: z.enum(WRITE_OFF_STRATEGIES).nullish(),
}).meta({ examples: [{ customerId: '0b7e3c1a-5d2f-4e8b-9a61-2c4f8d7e1b30', amount: '150000.00', currency: 'CNY', receivedOn: '2026-11-23', method: 'bank_transfer', bankReference: 'CMB20261123-000481', confirm: true, autoApply: 'oldest_due' }] });
export const PaymentSchema = z.object({
  id: z.string(), number: z.string(), customer: z.object({ id: z.string(), name: z.string() }),
  currency: z.string(), amount: z.string(), amountUnapplied: z.string(), amountApplied: z.string(),
  receivedOn: z.string(), method: z.string(), payerName: z.string().nullable(), payerAccount: z.string().nullable(),
  bankReference: z.string().nullable(), remark: z.string().nullable(),
  /** Metadata of the payment's documents: declared at registration and every uploaded file (see `files`). */
  attachments: z.array(z.object({ name: z.string(), sha256: z.string(), size: z.number() })),
  /** Uploaded receipt files 回款凭证, downloadable at /payments/{id}/files/{fileId}. */
  files: z.array(PaymentFileSchema),
  status: z.enum(PAYMENT_STATUSES), registeredBy: UserRefSchema, confirmedBy: UserRefSchema, confirmedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(), version: z.number().int(), createdAt: z.string(),
  writeOffId: z.string().nullable().optional(),
}).meta({ id: 'Payment', description: 'A payment 回款: claimed, then confirmed by finance (or rejected); `amountUnapplied` is what write-offs have not used yet.' });
export const PaymentPage = pageOf(PaymentSchema).meta({ id: 'PaymentPage' });
export const PaymentListQuery = ListQueryBase.extend({
  customerId: IdSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  unapplied: z.enum(['true', 'false']).optional(),
  sort: z.enum(['receivedOn', '-receivedOn']).default('-receivedOn'),
});
export const PaymentReject = z.object({ reason: Text.trim().min(2).max(500), version: z.number().int().min(1) });
export const PaymentConfirm = z.object({ version: z.number().int().min(1) });

export const AllocationSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('payment'), paymentId: IdSchema }),
  z.object({ type: z.literal('credit_note'), creditNoteId: IdSchema }),
  z.object({ type: z.literal('rebate') }),
]);
export const WriteOffLineInput = z.object({ receivableId: IdSchema, source: AllocationSource, amount: AmountSchema });
export const WriteOffApply = z.object({
  customerId: IdSchema,
  appliedOn: BusinessDateSchema.optional(),
  lines: z.array(WriteOffLineInput).min(1).max(500),
  memo: Text.trim().max(500).nullish().transform((v) => v ?? null),
});
export const WriteOffProposalQuery = z.object({
  paymentId: IdSchema,
  strategy: z.enum(WRITE_OFF_STRATEGIES).default('oldest_due'),
  contractId: IdSchema.optional(),
});
export const AllocationSchema = z.object({
  id: z.string(), receivableId: z.string(), receivableNumber: z.string(), sourceType: z.string(),
  paymentId: z.string().nullable(), paymentNumber: z.string().nullable(), creditNoteId: z.string().nullable(), creditNoteNumber: z.string().nullable(),
  amount: z.string(), appliedOn: z.string(), reversesId: z.string().nullable(),
});
export const WriteOffSchema = z.object({
  id: z.string(), number: z.string(), customerId: z.string(), kind: z.enum(['apply', 'reverse', 'bad_debt']),
  reversesId: z.string().nullable(), reversedById: z.string().nullable(), appliedOn: z.string(), total: z.string(),
  memo: z.string().nullable(), createdBy: UserRefSchema, createdAt: z.string(), allocations: z.array(AllocationSchema),
});
export const WriteOffProposal = z.object({
  paymentId: z.string(), strategy: z.string(), amountAvailable: z.string(), amountProposed: z.string(),
  lines: z.array(z.object({ receivableId: z.string(), receivableNumber: z.string(), dueDate: z.string(), amountOpen: z.string(), amount: z.string(), contractNumber: z.string().nullable() })),
});
export const WriteOffReverse = z.object({ reason: Text.trim().min(2).max(500), reversedOn: BusinessDateSchema.optional() });

export const BadDebtRequestCreate = z.object({ amount: AmountSchema.optional(), reason: Text.trim().min(2).max(500) });

export const AccountEntrySchema = z.object({
  id: z.string(), account: z.enum(['prepaid', 'rebate', 'credit']), amount: z.string(), balanceAfter: z.string(),
  businessDate: z.string(), kind: z.string(), refType: z.string().nullable(), refId: z.string().nullable(), memo: z.string().nullable(), createdAt: z.string(),
});
export const CustomerAccounts = z.object({
  customerId: z.string(), currency: z.string(),
  prepaid: z.string(), rebate: z.string(), creditLimit: z.string(), receivablesOpen: z.string(), creditAvailable: z.string(),
  paymentTermDays: z.number().int(), riskLevel: z.string(),
});
/** A rebate earned (+) or corrected (−): zero is meaningless and a 400. */
export const RebateEntryCreate = z.object({ amount: SignedMoneySchema, memo: Text.trim().min(2).max(500), businessDate: BusinessDateSchema.optional() });
