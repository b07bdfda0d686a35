// Dedup and merge (issue 10): duplicate rules, matches across leads, contacts and customers, merges with a field-by-
// field choice, a dry-run preview and an undo.
import { z } from 'zod';
import { IdSchema, optionalText, Text, UserRefSchema } from './common.js';

export const DUPLICATE_OBJECTS = ['lead', 'contact', 'customer'] as const;
export type DuplicateObject = (typeof DUPLICATE_OBJECTS)[number];
export const DUPLICATE_FIELDS = ['company_name', 'phone', 'email', 'credit_code'] as const;
export type DuplicateField = (typeof DUPLICATE_FIELDS)[number];

export const DuplicateRuleInput = z.object({
  object: z.enum(DUPLICATE_OBJECTS),
  name: Text.trim().min(1).max(100),
  fields: z.array(z.enum(DUPLICATE_FIELDS)).min(1).max(4).transform((f) => [...new Set(f)]),
  blocking: z.enum(['prefix', 'exact']).default('prefix')
    .meta({ description: 'company_name: prefix blocks on the name key\'s first two characters and scores by similarity; exact matches equal keys only' }),
  threshold: z.number().min(0.5).max(1).default(0.8).meta({ description: 'Least company-name similarity (Dice of character pairs, 0.5–1)' }),
  action: z.enum(['flag', 'block']).default('flag'),
  active: z.boolean().default(true),
}).meta({ examples: [{ object: 'lead', name: '公司名+电话', fields: ['company_name', 'phone'], blocking: 'prefix', threshold: 0.85, action: 'flag', active: true }] });
export type DuplicateRuleInput = z.infer<typeof DuplicateRuleInput>;
export const DuplicateRuleUpdate = DuplicateRuleInput.partial().extend({ version: z.number().int().min(1) });

export const DuplicateRuleSchema = z.object({
  id: z.string().nullable(), object: z.enum(DUPLICATE_OBJECTS), name: z.string(), fields: z.array(z.enum(DUPLICATE_FIELDS)),
  blocking: z.enum(['prefix', 'exact']), threshold: z.number(), action: z.enum(['flag', 'block']), active: z.boolean(),
  builtIn: z.boolean(), version: z.number().int(),
});
export type DuplicateRule = z.infer<typeof DuplicateRuleSchema>;
export const DuplicateRuleList = z.object({ items: z.array(DuplicateRuleSchema) });

export const DuplicateCheckInput = z.object({
  object: z.enum(DUPLICATE_OBJECTS).default('lead'),
  companyName: optionalText(200),
  creditCode: optionalText(18),
  phone: optionalText(40),
  email: optionalText(254),
});
export type DuplicateCheckInput = z.infer<typeof DuplicateCheckInput>;

export const DuplicateMatchSchema = z.object({
  kind: z.enum(DUPLICATE_OBJECTS), id: z.string(), name: z.string(), customerId: z.string().nullable(),
  customerName: z.string().nullable(), owner: UserRefSchema, score: z.number().int(), reasons: z.array(z.enum(DUPLICATE_FIELDS)),
  action: z.enum(['flag', 'block']),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;
export const DuplicateMatches = z.object({ action: z.enum(['none', 'flag', 'block']), items: z.array(DuplicateMatchSchema) });
export type DuplicateMatches = z.infer<typeof DuplicateMatches>;

// Merge: which fields a person chooses between, per object.
export const MERGE_FIELDS = {
  customer: ['name', 'creditCode', 'industry', 'region', 'grade', 'phone', 'address', 'website', 'remark'],
  contact: ['name', 'title', 'mobile', 'phone', 'email', 'decisionRole', 'remark'],
  lead: ['companyName', 'contactName', 'title', 'phone', 'email', 'creditCode', 'industry', 'region', 'remark'],
} as const;
export type MergeField<O extends DuplicateObject> = (typeof MERGE_FIELDS)[O][number];

const choice = z.enum(['master', 'duplicate']);
function choices<O extends DuplicateObject>(o: O) {
  const fields = MERGE_FIELDS[o] as unknown as [string, ...string[]];
  return z.partialRecord(z.enum(fields), choice).default({})
    .meta({ description: 'Per field, whose value the merged record keeps; a field left out keeps the master\'s (or the duplicate\'s where the master has none)' });
}
export const CustomerMergeInput = z.object({ customerId: IdSchema.meta({ description: 'The duplicate, merged into the customer of the path' }), fields: choices('customer') });
export const ContactMergeInput = z.object({ contactId: IdSchema.meta({ description: 'The duplicate, merged into the contact of the path' }), fields: choices('contact') });
export const LeadMergeInput = z.object({ leadId: IdSchema.meta({ description: 'The duplicate, merged into the lead of the path' }), fields: choices('lead') });
export type MergeChoices = Partial<Record<string, 'master' | 'duplicate'>>;

export const MergeSideSchema = z.object({ id: z.string(), label: z.string(), owner: UserRefSchema, values: z.record(z.string(), z.unknown()) });
export const MergeMoveSchema = z.object({ table: z.string(), owner: z.string(), count: z.number().int() });
export const MergePreviewSchema = z.object({
  object: z.enum(DUPLICATE_OBJECTS), master: MergeSideSchema, duplicate: MergeSideSchema,
  result: z.record(z.string(), z.unknown()), moves: z.array(MergeMoveSchema),
});
export type MergePreview = z.infer<typeof MergePreviewSchema>;

export const MergeJobSchema = z.object({
  id: z.string(), object: z.enum(DUPLICATE_OBJECTS), masterId: z.string(), duplicateId: z.string(), masterLabel: z.string(),
  duplicateLabel: z.string(), status: z.enum(['merged', 'undone']), fields: z.record(z.string(), z.string()),
  moves: z.array(MergeMoveSchema), mergedAt: z.string(), mergedBy: UserRefSchema, undoneAt: z.string().nullable(), undoneBy: UserRefSchema,
});
export type MergeJob = z.infer<typeof MergeJobSchema>;
export const MergeJobList = z.object({ items: z.array(MergeJobSchema) });
export const MergeListQuery = z.object({ object: z.enum(DUPLICATE_OBJECTS).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const UndoMergeInput = z.object({ reason: optionalText(500) });
