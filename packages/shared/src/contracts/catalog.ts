// API contracts of the catalog 产品目录 (issue 11 §1): product lines, units, SPUs with specification attributes and
// their SKU variants, bundles (sales BOMs) and the configurator. Quantities and factors are decimal strings.
import { z } from 'zod';
import { normalizeTaxRate, TAX_RATES } from '../tax.js';
import { CONFIG_ERROR_CODES } from '../catalog/configure.js';
import { CUSTOMER_GRADES } from './customers.js';
import { decimalString, IdSchema, ListQueryBase, MoneyOrZeroSchema, pageOf, Text } from './common.js';

export const PRODUCT_KINDS = ['goods', 'virtual', 'service', 'project'] as const;
export const CATALOG_STATUSES = ['active', 'inactive'] as const;

const Code = (max: number) => Text.trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'letters, digits, ".", "_" or "-", starting with a letter or digit', abort: true }).max(max);
const Name = Text.trim().min(1, 'give it a name').max(200);
const Quantity = decimalString({ digits: 14, scale: 4, sign: 'positive', message: 'expected a quantity like "2" or "1.5" (at most 4 decimals)' });
const Factor = decimalString({ digits: 12, scale: 8, sign: 'positive', message: 'expected a factor like "12" or "0.5" (at most 8 decimals)' });
/** Unit cost: more decimals than money (a cable costs 0.0375 a metre). */
const Cost = decimalString({ digits: 14, scale: 4, sign: 'nonNegative', message: 'expected a cost like "12.5" (at most 4 decimals)' });
const TaxRate = Text.trim().transform((v, ctx) => {
  const r = normalizeTaxRate(v);
  if (r === null) ctx.addIssue({ code: 'custom', message: `tax rate must be one of ${TAX_RATES.join(', ')}` });
  return r ?? '0';
});
const TaxCode = Text.trim().regex(/^\d{19}$/, 'the 税收分类编码 has 19 digits');
const ScopeList = z.array(Text.trim().min(1).max(40)).max(50).nullable();

export const ProductLineInput = z.object({
  code: Text.trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, 'upper-case letters, digits, "_" or "-", at most 32'),
  name: Name,
  active: z.boolean().default(true),
});
export const ProductLineSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), active: z.boolean(), version: z.number().int() }).meta({ id: 'ProductLine' });
export const ProductLineUpdate = ProductLineInput.partial().extend({ version: z.number().int().min(1) });

export const UnitInput = z.object({
  code: Text.trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,15}$/, 'lower-case letters, digits, "_" or "-", at most 16'),
  name: Text.trim().min(1).max(40),
});
export const UnitSchema = z.object({ id: z.string(), code: z.string(), name: z.string() }).meta({ id: 'CatalogUnit' });

export const AttributeSchema = z.object({
  code: Code(32),
  name: Text.trim().min(1).max(60),
  values: z.array(z.object({ code: Code(32), name: Text.trim().min(1).max(60) })).min(1).max(50),
});
export const ExclusionSchema = z.record(Text.max(32), Text.max(32));

export const SellableSchema = z.object({
  grades: z.array(z.enum(CUSTOMER_GRADES)).max(4).nullable().default(null),
  channels: ScopeList.default(null),
  regions: ScopeList.default(null),
});

const SpuFields = {
  code: Code(48),
  name: Name,
  kind: z.enum(PRODUCT_KINDS),
  productLineId: IdSchema.nullable().default(null),
  baseUnitId: IdSchema,
  taxRate: TaxRate,
  taxCode: TaxCode.nullable().default(null),
  description: Text.trim().max(2000).nullable().default(null),
  attributes: z.array(AttributeSchema).max(6).default([]),
  exclusions: z.array(ExclusionSchema).max(200).default([]),
  /** One of each unit holds `factor` base units (1 箱 = 12 件). */
  units: z.array(z.object({ unitId: IdSchema, factor: Factor })).max(10).default([]),
  sellable: SellableSchema.default({ grades: null, channels: null, regions: null }),
  status: z.enum(CATALOG_STATUSES).default('active'),
};
export const SpuInput = z.object(SpuFields);
export type SpuInput = z.infer<typeof SpuInput>;
export const SpuUpdate = z.object({
  name: Name, kind: z.enum(PRODUCT_KINDS), productLineId: IdSchema.nullable(), baseUnitId: IdSchema, taxRate: TaxRate,
  taxCode: TaxCode.nullable(), description: Text.trim().max(2000).nullable(), attributes: z.array(AttributeSchema).max(6),
  exclusions: z.array(ExclusionSchema).max(200), units: z.array(z.object({ unitId: IdSchema, factor: Factor })).max(10),
  sellable: SellableSchema, status: z.enum(CATALOG_STATUSES),
}).partial().extend({ version: z.number().int().min(1) });
export type SpuUpdate = z.infer<typeof SpuUpdate>;

const Ref = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const SpuSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), kind: z.enum(PRODUCT_KINDS), productLine: Ref.nullable(), baseUnit: Ref,
  taxRate: z.string(), taxCode: z.string().nullable(), description: z.string().nullable(),
  attributes: z.array(z.object({ code: z.string(), name: z.string(), values: z.array(z.object({ code: z.string(), name: z.string() })) })),
  exclusions: z.array(z.record(z.string(), z.string())),
  units: z.array(z.object({ unit: Ref, factor: z.string() })),
  sellable: z.object({ grades: z.array(z.string()).nullable(), channels: z.array(z.string()).nullable(), regions: z.array(z.string()).nullable() }),
  status: z.enum(CATALOG_STATUSES), skuCount: z.number().int(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
}).meta({ id: 'Spu' });
export const SpuPage = pageOf(SpuSchema).meta({ id: 'SpuPage' });
export const SpuListQuery = ListQueryBase.extend({
  productLineId: IdSchema.optional(),
  kind: z.enum(PRODUCT_KINDS).optional(),
  status: z.enum(CATALOG_STATUSES).optional(),
});

export const GenerateVariantsInput = z.object({
  version: z.number().int().min(1),
  /** Price and cost of every new variant (edit each afterwards). */
  listPrice: MoneyOrZeroSchema,
  cost: Cost.nullable().default(null),
});

export const SkuSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), spu: Ref, attributeValues: z.record(z.string(), z.string()),
  kind: z.enum(PRODUCT_KINDS), productLine: Ref.nullable(), unit: Ref, currency: z.string(), listPrice: z.string(), cost: z.string().nullable(),
  taxRate: z.string(), taxCode: z.string().nullable(), isBundle: z.boolean(), status: z.enum(CATALOG_STATUSES),
  sellable: z.object({ grades: z.array(z.string()).nullable(), channels: z.array(z.string()).nullable(), regions: z.array(z.string()).nullable() }),
  version: z.number().int(), updatedAt: z.string(),
}).meta({ id: 'Sku' });
export const SkuPage = pageOf(SkuSchema).meta({ id: 'SkuPage' });
export const GenerateVariantsResult = z.object({ created: z.array(SkuSchema), existing: z.number().int(), excluded: z.number().int() });

export const SkuInput = z.object({
  spuId: IdSchema,
  code: Code(64),
  name: Name,
  attributeValues: z.record(Text.max(32), Text.max(32)).default({}),
  listPrice: MoneyOrZeroSchema,
  cost: Cost.nullable().default(null),
  isBundle: z.boolean().default(false),
  status: z.enum(CATALOG_STATUSES).default('active'),
});
export const SkuUpdate = z.object({
  name: Name, listPrice: MoneyOrZeroSchema, cost: Cost.nullable(), status: z.enum(CATALOG_STATUSES), isBundle: z.boolean(),
}).partial().extend({ version: z.number().int().min(1) });

export const SkuListQuery = ListQueryBase.extend({
  spuId: IdSchema.optional(),
  productLineId: IdSchema.optional(),
  kind: z.enum(PRODUCT_KINDS).optional(),
  status: z.enum(CATALOG_STATUSES).optional(),
  bundles: z.enum(['true', 'false']).optional(),
  /** Only what may be sold to a customer of this grade / channel / region (the picker passes the customer's). */
  grade: z.enum(CUSTOMER_GRADES).optional(),
  channel: Text.trim().max(40).optional(),
  region: Text.trim().max(40).optional(),
});

// Bundles: the editor sends the whole structure; options carry a key (any text unique within the bundle, the
// option's id when it exists) so rules can name them before they have ids.
export const BundleStructureInput = z.object({
  version: z.number().int().min(1),
  groups: z.array(z.object({
    code: Code(32),
    name: Text.trim().min(1).max(100),
    required: z.boolean().default(false),
    minOptions: z.number().int().min(0).max(100).default(0),
    maxOptions: z.number().int().min(1).max(100).nullable().default(null),
    options: z.array(z.object({
      key: Text.trim().min(1).max(64),
      skuId: IdSchema,
      isDefault: z.boolean().default(false),
      defaultQty: Quantity.default('1'),
      minQty: Quantity.default('1'),
      maxQty: Quantity.nullable().default(null),
    })).max(100),
  })).max(30),
  rules: z.array(z.object({
    kind: z.enum(['requires', 'excludes', 'max_ratio']),
    option: Text.trim().min(1).max(64),
    target: Text.trim().min(1).max(64),
    factor: Factor.nullable().default(null),
  })).max(200).default([]),
});
export type BundleStructureInput = z.infer<typeof BundleStructureInput>;

const OptionOut: z.ZodType<unknown> = z.lazy(() => z.object({
  id: z.string(), skuId: z.string(), code: z.string(), name: z.string(), isDefault: z.boolean(), defaultQty: z.string(),
  minQty: z.string(), maxQty: z.string().nullable(), child: BundleTreeSchema.nullable(),
}));
export const BundleTreeSchema: z.ZodType<unknown> = z.lazy(() => z.object({
  skuId: z.string(), code: z.string(), name: z.string(),
  groups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), required: z.boolean(), minOptions: z.number().int(), maxOptions: z.number().int().nullable(), options: z.array(OptionOut) })),
  rules: z.array(z.object({ id: z.string(), kind: z.enum(['requires', 'excludes', 'max_ratio']), optionId: z.string(), targetOptionId: z.string(), factor: z.string().nullable() })),
})).meta({ id: 'BundleTree', description: 'A bundle: option groups, options (a bundle option carries its own tree: multi-level) and rules.' });
export const BundleSchema = z.object({ version: z.number().int(), tree: BundleTreeSchema });

const SelectionInput: z.ZodType<{ options: Array<{ optionId: string; quantity: string; selection?: unknown }> }> = z.lazy(() => z.object({
  options: z.array(z.object({ optionId: IdSchema, quantity: Quantity, selection: SelectionInput.optional() })).max(200),
})).meta({ id: 'BundleSelection', description: 'Chosen options with quantities; an option that is a bundle may carry its own selection (absent: its defaults).' });
export const ConfigureInput = z.object({ selection: SelectionInput });
export const ConfigResultSchema = z.object({
  ok: z.boolean(),
  errors: z.array(z.object({ code: z.enum(CONFIG_ERROR_CODES), path: z.string(), params: z.record(z.string(), z.string()), message: z.string() })),
  lines: z.array(z.object({ skuId: z.string(), code: z.string(), name: z.string(), quantity: z.string(), optionId: z.string(), level: z.number().int(), path: z.array(z.string()) })),
});

export const CatalogManagersSchema = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })), canManage: z.boolean() });
export const CatalogManagersInput = z.object({ userIds: z.array(IdSchema).max(100) });

export const CatalogImportReport = z.object({
  rows: z.number().int(), spusCreated: z.number().int(), skusCreated: z.number().int(), skusUpdated: z.number().int(), unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
