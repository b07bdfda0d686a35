// Price books, promotions, budgets and the other pricing rules as the API reads and writes them (issue 11), and the
// "try a price" sandbox. The rule shapes are the pricing engine's (../pricing/types.ts), checked here.
import { z } from 'zod';
import { BusinessDateSchema, decimalString, IdSchema, MoneyOrZeroSchema, MoneySchema, optionalText, Text } from './common.js';

const Code = Text.trim().min(1).max(40);
const Name = Text.trim().min(1).max(120);
export const PriceSchema = decimalString({ digits: 12, scale: 6, sign: 'nonNegative', message: 'expected a price like "98.00" (at most 6 decimals)' });
const SignedPrice = decimalString({ digits: 12, scale: 6, sign: 'signed', message: 'expected an amount like "12.50" or "-3.00" (at most 6 decimals)' });
export const QuantitySchema = decimalString({ digits: 12, scale: 4, sign: 'positive', message: 'expected a quantity like "3" or "2.5" (at most 4 decimals)' });
const Factor = decimalString({ digits: 4, scale: 6, sign: 'positive', message: 'expected a factor like "1.3" or "0.95"' });
/** A fraction below 1 ('0.1' = 10 %). */
export const FractionSchema = decimalString({ digits: 1, scale: 6, sign: 'nonNegative', max: '0.999999', message: 'expected a rate below 1 like "0.05"' });
const Attr = Text.trim().min(1).max(60);

export const PriceScopeSchema = z.object({
  customerId: IdSchema.optional(), dealerId: IdSchema.optional(),
  channel: Attr.optional(), grade: Attr.optional(), region: Attr.optional(),
});

export const PriceRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), unitPrice: PriceSchema }),
  z.object({
    kind: z.literal('tiers'), mode: z.enum(['range', 'slab']),
    tiers: z.array(z.object({ upTo: QuantitySchema.nullable(), unitPrice: PriceSchema })).min(1).max(20),
  }),
  z.object({ kind: z.literal('cost_plus'), factor: Factor }),
  z.object({ kind: z.literal('book_relative'), bookId: IdSchema, factor: Factor }),
]).meta({ id: 'PriceRule', description: 'fixed; tiers (range: the whole quantity at its tier, slab: band by band; upTo null = no upper end); cost × factor; another book × factor.' });

export const PriceBookInput = z.object({
  code: Code, name: Name,
  customerId: IdSchema.nullish().transform((v) => v ?? null), dealerId: IdSchema.nullish().transform((v) => v ?? null),
  channel: optionalText(60), grade: optionalText(60), region: optionalText(60),
  priority: z.number().int().min(-1000).max(1000).default(0),
  validFrom: BusinessDateSchema.nullish().transform((v) => v ?? null), validTo: BusinessDateSchema.nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
});
export type PriceBookInput = z.infer<typeof PriceBookInput>;
export const PriceBookUpdate = PriceBookInput.extend({ version: z.number().int().min(1) });

export const PriceEntryInput = z.object({
  skuId: IdSchema, rule: PriceRuleSchema,
  validFrom: BusinessDateSchema.nullish().transform((v) => v ?? null), validTo: BusinessDateSchema.nullish().transform((v) => v ?? null),
});
export type PriceEntryInput = z.infer<typeof PriceEntryInput>;

export const PriceEntrySchema = z.object({
  id: z.string(), bookId: z.string(), skuId: z.string(), skuCode: z.string().nullable(), skuName: z.string().nullable(),
  rule: z.any(), validFrom: z.string().nullable(), validTo: z.string().nullable(), createdAt: z.string(),
});
export const PriceBookSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), currency: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }).nullable(), dealer: z.object({ id: z.string(), name: z.string() }).nullable(),
  channel: z.string().nullable(), grade: z.string().nullable(), region: z.string().nullable(), priority: z.number().int(),
  validFrom: z.string().nullable(), validTo: z.string().nullable(), active: z.boolean(), entryCount: z.number().int(),
  version: z.number().int(), createdAt: z.string(),
});
export type PriceBook = z.infer<typeof PriceBookSchema>;
export const PriceBookDetail = PriceBookSchema.extend({ entries: z.array(PriceEntrySchema) });

const Target = z.union([z.object({ productId: IdSchema }).strict(), z.object({ categoryId: Attr }).strict()]);
export const PromotionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), target: Target, minQuantity: QuantitySchema.optional(), percentOff: FractionSchema.optional(), amountOffPerUnit: PriceSchema.optional() }),
  z.object({ kind: z.literal('combo'), items: z.array(z.object({ productId: IdSchema, quantity: QuantitySchema })).min(2).max(10), amountOffPerSet: MoneySchema }),
  z.object({ kind: z.literal('threshold'), categoryId: Attr.optional(), minAmount: MoneySchema, amountOff: MoneySchema, repeat: z.boolean().optional() }),
  z.object({ kind: z.literal('cumulative'), target: Target, minQuantity: QuantitySchema, percentOff: FractionSchema }),
  z.object({ kind: z.literal('gift'), target: Target, buyQuantity: QuantitySchema, giftProductId: IdSchema, giftQuantity: QuantitySchema }),
]).meta({ id: 'PromotionRule', description: 'item 单品, combo 组合, threshold 满减, cumulative 累计, gift 赠品 — see docs/pricing.md.' });

export const PromotionInput = z.object({
  code: Code, name: Name,
  group: Attr.default('default'), stacking: z.enum(['exclusive', 'stackable', 'best_of']).default('stackable'),
  priority: z.number().int().min(-1000).max(1000).default(0), scope: PriceScopeSchema.default({}),
  validFrom: BusinessDateSchema.nullish().transform((v) => v ?? null), validTo: BusinessDateSchema.nullish().transform((v) => v ?? null),
  budgetId: IdSchema.nullish().transform((v) => v ?? null), rule: PromotionRuleSchema, active: z.boolean().default(true),
});
export type PromotionInput = z.infer<typeof PromotionInput>;
export const PromotionUpdate = PromotionInput.extend({ version: z.number().int().min(1) });
export const PromotionSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), group: z.string(), stacking: z.string(), priority: z.number().int(),
  scope: z.any(), validFrom: z.string().nullable(), validTo: z.string().nullable(), budgetId: z.string().nullable(),
  budgetCode: z.string().nullable(), rule: z.any(), active: z.boolean(), version: z.number().int(), createdAt: z.string(),
});

export const BudgetInput = z.object({ code: Code, name: Name, amount: MoneySchema });
export const BudgetTopUp = z.object({ amount: MoneySchema, version: z.number().int().min(1) });
export const BudgetSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), currency: z.string(), amount: z.string(), remaining: z.string(),
  reserved: z.string(), consumed: z.string(), version: z.number().int(),
});
export const BudgetFactSchema = z.object({
  id: z.string(), kind: z.enum(['reserve', 'release', 'consume']), amount: z.string(), quoteId: z.string(), quoteNumber: z.string(), versionSeq: z.number().int(), createdAt: z.string(),
});
export const BudgetDetail = BudgetSchema.extend({ facts: z.array(BudgetFactSchema) });

export const PricingSettingsSchema = z.object({
  surcharges: z.array(z.object({ skuId: IdSchema.nullish().transform((v) => v ?? null), categoryId: Attr.nullish().transform((v) => v ?? null), attribute: Attr, value: Attr, amountPerUnit: SignedPrice })).max(500),
  marginFloors: z.array(z.object({ skuId: IdSchema.nullish().transform((v) => v ?? null), categoryId: Attr.nullish().transform((v) => v ?? null), minMargin: decimalString({ digits: 1, scale: 4, sign: 'signed', min: '-0.9999', max: '0.9999', message: 'expected a margin like "0.25"' }) })).max(500),
  rebatePolicies: z.array(z.object({ grade: Attr.nullish().transform((v) => v ?? null), maxOrderRatio: decimalString({ digits: 1, scale: 4, sign: 'nonNegative', max: '1', message: 'expected a ratio like "0.1"' }), accrualRate: FractionSchema })).max(50),
});
export type PricingSettings = z.infer<typeof PricingSettingsSchema>;
/** The settings as the server answers them (no input transforms in a response). */
export const PricingSettingsOut = z.object({
  surcharges: z.array(z.object({ skuId: z.string().nullable(), categoryId: z.string().nullable(), attribute: z.string(), value: z.string(), amountPerUnit: z.string() })),
  marginFloors: z.array(z.object({ skuId: z.string().nullable(), categoryId: z.string().nullable(), minMargin: z.string() })),
  rebatePolicies: z.array(z.object({ grade: z.string().nullable(), maxOrderRatio: z.string(), accrualRate: z.string() })),
});

export const TryLineInput = z.object({
  lineId: Text.trim().min(1).max(60).optional(), skuId: IdSchema, quantity: QuantitySchema,
  attributes: z.record(Attr, Attr).optional(), discountRate: FractionSchema.optional(),
});
export const TryPriceInput = z.object({
  customerId: IdSchema, date: BusinessDateSchema.optional(), pricesIncludeTax: z.boolean().default(true),
  lines: z.array(TryLineInput).min(1).max(300), orderDiscountRate: FractionSchema.optional(),
  rebateRequested: MoneyOrZeroSchema.nullish().transform((v) => v ?? null),
});
export type TryPriceInput = z.infer<typeof TryPriceInput>;

/** The engine's result (PricingResult) with each line's trace, as JSON. */
export const PricingResultSchema = z.object({
  currency: z.string(), lines: z.array(z.any()), totals: z.record(z.string(), z.string()), conflicts: z.array(z.any()), promotions: z.array(z.any()),
  budgetUse: z.array(z.any()), rebate: z.any(), approval: z.object({ required: z.boolean(), breaches: z.array(z.any()) }), ok: z.boolean(),
}).meta({ id: 'PricingResult', description: 'Every line with its amounts and trace (which rule did what, in order), the totals, conflicts, promotions looked at, budget use, rebate and margin breaches.' });
export const TryPriceResult = z.object({ result: PricingResultSchema, ruleCounts: z.object({ entries: z.number().int(), promotions: z.number().int() }) });
