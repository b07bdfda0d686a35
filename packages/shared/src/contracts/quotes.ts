// Quotes 报价单 as the API reads and writes them (issue 11): lines from the catalog or one-off free lines, groups,
// per-line and overall discounts; each change priced into a version with a content hash; approval bound to the hash.
import { z } from 'zod';
import { BusinessDateSchema, IdSchema, ListQueryBase, MoneyOrZeroSchema, optionalText, pageOf, Text, UserRefSchema } from './common.js';
import { FractionSchema, PriceSchema, PricingResultSchema, QuantitySchema } from './pricing.js';
import { normalizeTaxRate, TAX_RATES } from '../tax.js';

export const QUOTE_STATUSES = ['draft', 'pending_approval', 'approved', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

const TaxRate = Text.trim().transform((v, ctx) => {
  const r = normalizeTaxRate(v);
  if (r === null) ctx.addIssue({ code: 'custom', message: `tax rate must be one of ${TAX_RATES.join(', ')}` });
  return r ?? '0';
});

/** A line: a catalog SKU (skuId, with attributes or a bundle configuration) or a one-off free line (no skuId, its own price). */
export const QuoteLineBody = z.object({
  /** null: a free line. Always sent, so a line never becomes free by leaving the field out. */
  skuId: IdSchema.nullable(),
  description: optionalText(500),
  quantity: QuantitySchema,
  group: optionalText(60),
  attributes: z.record(Text.trim().min(1).max(60), Text.trim().min(1).max(60)).optional(),
  /** A configured bundle's choices, as the catalog's configurator took them. */
  configuration: z.record(z.string().max(100), z.unknown()).nullish().transform((v) => v ?? null),
  discountRate: FractionSchema.default('0'),
  /** Free lines only: the unit price, cost and tax rate the rep types. */
  unitPrice: PriceSchema.nullish().transform((v) => v ?? null),
  unitCost: PriceSchema.nullish().transform((v) => v ?? null),
  taxRate: TaxRate.nullish().transform((v) => v ?? null),
  unit: optionalText(20),
}).superRefine((l, ctx) => {
  if (!l.skuId && l.unitPrice === null) ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: 'a free line (no skuId) needs its unit price' });
  if (!l.skuId && !l.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'describe the free line' });
});
export type QuoteLineBody = z.infer<typeof QuoteLineBody>;

const QuoteFields = {
  title: Text.trim().min(1).max(200),
  validUntil: BusinessDateSchema,
  pricesIncludeTax: z.boolean().default(true),
  orderDiscountRate: FractionSchema.default('0'),
  rebateRequested: MoneyOrZeroSchema.nullish().transform((v) => v ?? null),
  notes: optionalText(2000),
  lines: z.array(QuoteLineBody).max(500),
};
export const QuoteCreate = z.object({ customerId: IdSchema, ...QuoteFields });
export type QuoteCreate = z.infer<typeof QuoteCreate>;
export const QuoteUpdate = z.object({ ...QuoteFields, version: z.number().int().min(1) });
export type QuoteUpdate = z.infer<typeof QuoteUpdate>;

export const QuoteLineSchema = z.object({
  id: z.string(), position: z.number().int(), group: z.string().nullable(), skuId: z.string().nullable(), productCode: z.string().nullable(),
  description: z.string(), unit: z.string().nullable(), quantity: z.string(), attributes: z.record(z.string(), z.string()), configuration: z.any(),
  discountRate: z.string(), freeLine: z.boolean(), unitPrice: z.string().nullable(), unitCost: z.string().nullable(), taxRate: z.string().nullable(),
  /** What this customer paid for the product last (a signed contract or an accepted quote), beside the line. */
  lastPaid: z.object({ unitPrice: z.string(), on: z.string(), source: z.enum(['contract', 'quote']), number: z.string() }).nullable(),
});

export const QuoteSummarySchema = z.object({
  id: z.string(), number: z.string(), title: z.string(), status: z.enum(QUOTE_STATUSES),
  customer: z.object({ id: z.string(), name: z.string() }), owner: UserRefSchema, currency: z.string(), pricesIncludeTax: z.boolean(),
  validUntil: z.string(), amountInclTax: z.string(), discountAmount: z.string(), versionSeq: z.number().int(), contentHash: z.string().nullable(),
  approvedHash: z.string().nullable(), contractId: z.string().nullable(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  /** The opportunity the quote was made for (accepting the quote wins it), or null. */
  opportunity: z.object({ id: z.string(), number: z.string(), name: z.string() }).nullable(),
});
export type QuoteSummary = z.infer<typeof QuoteSummarySchema>;
export const QuoteSchema = QuoteSummarySchema.extend({
  orderDiscountRate: z.string(), rebateRequested: z.string().nullable(), notes: z.string().nullable(),
  lines: z.array(QuoteLineSchema), pricing: PricingResultSchema.nullable(),
  approval: z.object({ id: z.string(), status: z.string(), steps: z.array(z.any()) }).nullable(),
  needsApproval: z.boolean(), contract: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type Quote = z.infer<typeof QuoteSchema>;
export const QuotePage = pageOf(QuoteSummarySchema).meta({ id: 'QuotePage' });

export const QuoteListQuery = ListQueryBase.extend({
  status: z.enum(QUOTE_STATUSES).optional(), customerId: IdSchema.optional(), ownerId: IdSchema.optional(),
});
export type QuoteListQuery = z.infer<typeof QuoteListQuery>;

export const QuoteVersionSchema = z.object({
  id: z.string(), seq: z.number().int(), contentHash: z.string(), amountInclTax: z.string(), discountAmount: z.string(),
  approvalRequired: z.boolean(), approved: z.boolean(), createdBy: UserRefSchema, createdAt: z.string(), lineCount: z.number().int(),
});
export const QuoteAction = z.object({ version: z.number().int().min(1) });
export const QuoteReject = z.object({ version: z.number().int().min(1), reason: Text.trim().min(1).max(500) });
export const QuoteAccept = z.object({
  version: z.number().int().min(1),
  /** The contract's payment plan template (30/60/10 …); default one instalment on signing. */
  planTemplate: Text.trim().max(40).nullish().transform((v) => v ?? null),
  paymentTermDays: z.number().int().min(0).max(3650).default(30),
});
export const QuoteAccepted = z.object({ quoteId: z.string(), status: z.literal('accepted'), contract: z.object({ id: z.string(), number: z.string(), amountInclTax: z.string() }) });
export const ShareLinkCreate = z.object({ days: z.number().int().min(1).max(90).default(14) });
export const ShareLinkSchema = z.object({ id: z.string(), token: z.string(), path: z.string(), expiresAt: z.string() });
/** What the customer sees through a share link: read-only, no costs or margins. */
export const PublicQuoteSchema = z.object({
  number: z.string(), title: z.string(), seller: z.string(), customer: z.string(), currency: z.string(), validUntil: z.string(), status: z.string(),
  lines: z.array(z.object({ position: z.number().int(), group: z.string().nullable(), description: z.string(), quantity: z.string(), unit: z.string().nullable(), unitPrice: z.string(), discountAmount: z.string(), amountInclTax: z.string(), gift: z.boolean() })),
  totals: z.object({ listAmount: z.string(), discountAmount: z.string(), amountExclTax: z.string(), taxAmount: z.string(), amountInclTax: z.string() }),
  expiresAt: z.string(),
});
