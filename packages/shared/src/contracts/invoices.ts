// API contracts of invoices 发票: invoice requests 开票申请 over receivables or contracts (orders later), issued fully
// digital e-invoices 数电票 (blue and red), red-letter confirmations 红字确认单, the invoicing figures of a receivable or
// contract, and the settings (seller, the tax platform's workbook columns).
import { z } from 'zod';
import { normalizeTaxRate, TAX_RATES } from '../tax.js';
import { BusinessDateSchema, decimalOrNull, decimalString, enumListParam, IdSchema, ListQueryBase, MoneySchema, optionalText, pageOf, Text, UserRefSchema } from './common.js';

export const INVOICE_TYPES = ['special', 'ordinary'] as const; // 专票 / 普票
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export const INVOICE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'issued'] as const;
export type InvoiceRequestStatus = (typeof INVOICE_REQUEST_STATUSES)[number];
export const INVOICE_SOURCE_TYPES = ['receivable', 'contract', 'order'] as const;
export const RED_REASONS = ['sales_return', 'allowance', 'error', 'cancellation'] as const; // 销货退回 / 销售折让 / 开票有误 / 应税服务中止
export const RED_CONFIRMATION_STATUSES = ['pending', 'confirmed', 'cancelled', 'issued'] as const;
export type RedConfirmationStatus = (typeof RED_CONFIRMATION_STATUSES)[number];
/** A fully digital e-invoice 数电票 number: 20 digits. */
export const InvoiceNumberSchema = Text.trim().regex(/^\d{20}$/, 'expected the 20-digit number of a fully digital e-invoice (数电票)');

const Quantity = decimalString({ digits: 12, scale: 8, sign: 'positive', message: 'expected a quantity like "3" or "2.5" (at most 8 decimals)' });
const UnitPrice = decimalString({ digits: 13, scale: 8, sign: 'positive', message: 'expected a unit price like "1130.00" (at most 8 decimals)' });
const TaxRateSchema = Text.trim().transform((v, ctx) => {
  const r = normalizeTaxRate(v);
  if (r === null) ctx.addIssue({ code: 'custom', message: `tax rate must be one of ${TAX_RATES.join(', ')}` });
  return r ?? '0';
});

/**
 * One source a request invoices: a receivable (its contract, when also named, must be the receivable's), or a contract
 * alone (before its receivables are booked).
 */
export const InvoiceRequestItemInput = z.object({
  receivableId: IdSchema.optional(),
  contractId: IdSchema.optional(),
  /** With tax; at most what is not yet requested or invoiced of the source. */
  amount: MoneySchema,
}).superRefine((it, ctx) => {
  if (!it.receivableId && !it.contractId) ctx.addIssue({ code: 'custom', path: ['receivableId'], message: 'name a receivableId or a contractId' });
});

/**
 * A line as it goes on the invoice: the amount always (with or without tax, as the request's `pricesIncludeTax` says);
 * quantity and unit price when the goods have them (a 数电票 may leave them empty) — then quantity × unit price must
 * come to the amount, to the cent.
 */
export const InvoiceLineInput = z.object({
  taxCode: optionalText(19),
  name: Text.trim().min(1, 'name the goods or service').max(100),
  specification: optionalText(40),
  unit: optionalText(20),
  quantity: Quantity.optional(),
  unitPrice: UnitPrice.optional(),
  amount: MoneySchema,
  taxRate: TaxRateSchema,
}).superRefine((l, ctx) => {
  if ((l.quantity === undefined) !== (l.unitPrice === undefined)) ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: 'quantity and unitPrice go together' });
  const q = decimalOrNull(l.quantity);
  const p = decimalOrNull(l.unitPrice);
  const a = decimalOrNull(l.amount);
  if (q && p && a && !q.times(p).toDecimalPlaces(2).eq(a)) ctx.addIssue({ code: 'custom', path: ['amount'], message: `quantity × unit price is ${q.times(p).toDecimalPlaces(2).toFixed(2)}, not the amount` });
});
export type InvoiceLineInput = z.infer<typeof InvoiceLineInput>;

export const BuyerInput = z.object({
  name: optionalText(100),
  taxpayerId: optionalText(20),
  addressPhone: optionalText(200),
  bankAccount: optionalText(200),
});

export const InvoiceRequestCreate = z.object({
  invoiceType: z.enum(INVOICE_TYPES),
  /** Explicit: do the lines' unit prices and amounts include tax (价税合计), or not. */
  pricesIncludeTax: z.boolean(),
  items: z.array(InvoiceRequestItemInput).min(1).max(100),
  lines: z.array(InvoiceLineInput).min(1).max(200),
  /** Defaults: the customer's name and unified social credit code. */
  buyer: BuyerInput.optional(),
  remarks: optionalText(200),
});
export type InvoiceRequestCreate = z.infer<typeof InvoiceRequestCreate>;

export const InvoiceLineSchema = z.object({
  seq: z.number().int(), taxCode: z.string().nullable(), name: z.string(), specification: z.string().nullable(), unit: z.string().nullable(),
  quantity: z.string().nullable(), unitPrice: z.string().nullable(), amountExclTax: z.string(), taxRate: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const InvoiceRequestItemSchema = z.object({
  id: z.string(), seq: z.number().int(), sourceType: z.enum(INVOICE_SOURCE_TYPES),
  receivable: z.object({ id: z.string(), number: z.string() }).nullable(),
  contract: z.object({ id: z.string(), number: z.string() }).nullable(),
  amount: z.string(), redAmount: z.string(),
});

const InvoiceRequestBase = z.object({
  id: z.string(), number: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  invoiceType: z.enum(INVOICE_TYPES), currency: z.string(), pricesIncludeTax: z.boolean(),
  amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
  buyer: z.object({ name: z.string(), taxpayerId: z.string().nullable(), addressPhone: z.string().nullable(), bankAccount: z.string().nullable() }),
  remarks: z.string().nullable(),
  status: z.enum(INVOICE_REQUEST_STATUSES),
  requestedBy: UserRefSchema, requestedAt: z.string(),
  decidedBy: UserRefSchema, decidedAt: z.string().nullable(), decisionComment: z.string().nullable(),
  /** The approval while one is pending (decide it in the approval inbox or with POST /approvals/{id}/approve). */
  approvalId: z.string().nullable(),
  invoice: z.object({ id: z.string(), number: z.string(), issueDate: z.string() }).nullable(),
  items: z.array(InvoiceRequestItemSchema),
  lines: z.array(InvoiceLineSchema),
  version: z.number().int(),
});
export const InvoiceRequestSchema = InvoiceRequestBase.meta({ id: 'InvoiceRequest', description: 'An invoice request 开票申请 with its sources (items) and lines.' });
export type InvoiceRequest = z.infer<typeof InvoiceRequestSchema>;

export const InvoiceRequestSummary = InvoiceRequestBase.omit({ items: true, lines: true }).meta({ id: 'InvoiceRequestSummary' });
export const InvoiceRequestPage = pageOf(InvoiceRequestSummary).meta({ id: 'InvoiceRequestPage' });
export const InvoiceRequestListQuery = ListQueryBase.extend({
  status: enumListParam(INVOICE_REQUEST_STATUSES).optional(),
  customerId: IdSchema.optional(),
  receivableId: IdSchema.optional(),
  contractId: IdSchema.optional(),
});

export const InvoiceIssue = z.object({ number: InvoiceNumberSchema, issueDate: BusinessDateSchema });
export const InvoiceRequestCancel = z.object({ reason: optionalText(200) });

const InvoiceBase = z.object({
  id: z.string(), number: z.string(), color: z.enum(['blue', 'red']), invoiceType: z.enum(INVOICE_TYPES),
  requestId: z.string().nullable(), requestNumber: z.string().nullable(),
  redConfirmationId: z.string().nullable(), blueInvoice: z.object({ id: z.string(), number: z.string() }).nullable(),
  customer: z.object({ id: z.string(), name: z.string() }),
  issueDate: z.string(),
  seller: z.object({ name: z.string(), taxpayerId: z.string() }),
  buyer: z.object({ name: z.string(), taxpayerId: z.string().nullable() }),
  currency: z.string(), amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
  /** On a blue invoice: the part reversed or being reversed by red-letter confirmations. */
  redAmount: z.string(),
  remarks: z.string().nullable(), source: z.enum(['manual', 'import']),
  lines: z.array(InvoiceLineSchema.extend({ redAmount: z.string() })),
  createdAt: z.string(),
});
export const InvoiceSchema = InvoiceBase.meta({ id: 'Invoice', description: 'An issued fully digital e-invoice 数电票, blue or red (negative amounts).' });
export type Invoice = z.infer<typeof InvoiceSchema>;
export const InvoiceSummary = InvoiceBase.omit({ lines: true }).meta({ id: 'InvoiceSummary' });
export const InvoicePage = pageOf(InvoiceSummary).meta({ id: 'InvoicePage' });
export const InvoiceListQuery = ListQueryBase.extend({
  color: z.enum(['blue', 'red']).optional(),
  customerId: IdSchema.optional(),
  receivableId: IdSchema.optional(),
  contractId: IdSchema.optional(),
});

/** Reverse all of a blue invoice (no lines) or part of it: an amount with tax per blue line. */
export const RedConfirmationCreate = z.object({
  reason: z.enum(RED_REASONS),
  lines: z.array(z.object({ seq: z.number().int().min(1).max(200), amount: MoneySchema })).min(1).max(200).optional(),
  /** The receivable whose invoicing this reverses; without it, the reversal is spread over the invoice's sources in
   * proportion to what each still holds on it. */
  receivableId: IdSchema.optional(),
  /** A credit note 红冲 booked on one of the invoice's receivables for the same reversal. */
  creditNoteId: IdSchema.optional(),
  remarks: optionalText(200),
});
export type RedConfirmationCreate = z.infer<typeof RedConfirmationCreate>;

export const RedConfirmationSchema = z.object({
  id: z.string(), number: z.string(),
  blueInvoice: z.object({ id: z.string(), number: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  reason: z.enum(RED_REASONS), currency: z.string(),
  amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string(),
  lines: z.array(z.object({ seq: z.number().int(), amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string() })),
  creditNote: z.object({ id: z.string(), number: z.string() }).nullable(),
  status: z.enum(RED_CONFIRMATION_STATUSES),
  redInvoice: z.object({ id: z.string(), number: z.string() }).nullable(),
  remarks: z.string().nullable(),
  createdBy: UserRefSchema, createdAt: z.string(), confirmedBy: UserRefSchema, confirmedAt: z.string().nullable(),
  version: z.number().int(),
}).meta({ id: 'RedConfirmation' });
export type RedConfirmation = z.infer<typeof RedConfirmationSchema>;
export const RedConfirmationPage = pageOf(RedConfirmationSchema).meta({ id: 'RedConfirmationPage' });
export const RedConfirmationListQuery = ListQueryBase.extend({
  status: enumListParam(RED_CONFIRMATION_STATUSES).optional(),
  customerId: IdSchema.optional(),
});

/** Invoiced / uninvoiced / paid of a receivable or contract. uninvoiced = amount − invoiced − requested. */
export const InvoicingFiguresSchema = z.object({
  currency: z.string(), amount: z.string(),
  /** In pending or approved requests, not yet issued. */
  requested: z.string(),
  /** Issued blue invoices less issued red ones. */
  invoiced: z.string(),
  uninvoiced: z.string(),
  /** Settled by payments (net of reversals). */
  paid: z.string(),
}).meta({ id: 'InvoicingFigures' });
export type InvoicingFigures = z.infer<typeof InvoicingFiguresSchema>;

/** Where a field of the tax platform's export workbook is: a header text; optionally a pattern whose first group (or
 * whole match) is the value — e.g. the request number inside the remarks column. */
export const ColumnRef = z.object({ header: Text.trim().min(1).max(60), pattern: optionalText(120) });
export const InvoiceImportMapping = z.object({
  /** The header row's number (1-based); the platform's exports often start with a title row. */
  headerRow: z.number().int().min(1).max(20).default(1),
  requestNumber: ColumnRef,
  invoiceNumber: ColumnRef,
  issueDate: ColumnRef,
  /** When mapped, a row whose amount with tax differs from the request's is refused. */
  amountInclTax: ColumnRef.nullish(),
});
export type InvoiceImportMapping = z.infer<typeof InvoiceImportMapping>;

/** The fields of the batch-issue workbook, one column each, in this order. */
export const BATCH_FIELDS = [
  'requestNumber', 'invoiceType', 'buyerName', 'buyerTaxpayerId', 'buyerAddressPhone', 'buyerBankAccount', 'itemName', 'taxCode',
  'specification', 'unit', 'quantity', 'unitPrice', 'amount', 'taxRate', 'taxAmount', 'priceIncludesTax', 'remarks',
] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];
/** The batch-issue workbook's header per field, as the tenant's tax platform template names it; null leaves the column out. */
export const BatchHeaders = z.partialRecord(z.enum(BATCH_FIELDS), Text.trim().min(1).max(60).nullable());

export const InvoiceSettings = z.object({
  seller: z.object({ name: Text.trim().min(1).max(100), taxpayerId: Text.trim().min(15).max(20) }).nullable(),
  importMapping: InvoiceImportMapping.nullable(),
  /** Headers of the batch-issue workbook that differ from the defaults (defaultBatchHeaders in the settings view). */
  batchHeaders: BatchHeaders.nullish(),
});
export type InvoiceSettings = z.infer<typeof InvoiceSettings>;
const ColumnRefView = z.object({ header: z.string(), pattern: z.string().nullable().optional() });
const MappingView = z.object({
  headerRow: z.number().int(), requestNumber: ColumnRefView, invoiceNumber: ColumnRefView, issueDate: ColumnRefView, amountInclTax: ColumnRefView.nullable().optional(),
});
export const InvoiceSettingsView = z.object({
  seller: z.object({ name: z.string(), taxpayerId: z.string() }).nullable(),
  importMapping: MappingView.nullable(),
  /** The seller that issued invoices get: the saved one, else the tenant's name with no taxpayer id yet. */
  effectiveSeller: z.object({ name: z.string(), taxpayerId: z.string().nullable() }),
  defaultImportMapping: MappingView,
  batchHeaders: z.record(z.string(), z.string().nullable()).nullable(),
  defaultBatchHeaders: z.record(z.string(), z.string()),
});

export const InvoiceImportReport = z.object({
  rows: z.number().int(), created: z.number().int(), alreadyIssued: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  invoices: z.array(z.object({ requestNumber: z.string(), number: z.string() })),
});
export type InvoiceImportReport = z.infer<typeof InvoiceImportReport>;
export const InvoiceBatchQuery = z.object({ status: z.enum(['approved']).default('approved'), customerId: IdSchema.optional() });
