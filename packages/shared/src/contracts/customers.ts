import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../credit-code.js';
import { BusinessDateSchema, IdSchema, InstantSchema, ListQueryBase, optionalText, pageOf, Text, UserRefSchema } from './common.js';

export const CUSTOMER_GRADES = ['A', 'B', 'C', 'D'] as const;
export const CUSTOMER_SOURCES = ['manual', 'import', 'website', 'campaign', 'referral', 'exhibition', 'partner', 'other'] as const;
export const INDUSTRIES = [
  'manufacturing', 'it', 'finance', 'retail', 'healthcare', 'education', 'energy', 'construction', 'logistics', 'government', 'other',
] as const;
export const DECISION_ROLES = ['decision_maker', 'influencer', 'evaluator', 'user', 'gatekeeper', 'champion', 'other'] as const;
export const FOLLOWUP_KINDS = ['call', 'visit', 'email', 'wechat', 'meeting', 'other'] as const;
export const CUSTOMER_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'lastFollowUpAt', '-lastFollowUpAt', 'number', '-number'] as const;

export const CreditCodeSchema = Text
  .transform(normalizeCreditCode)
  .refine(isValidCreditCode, { message: 'not a valid unified social credit code (18 characters, check character must match)' });

const PhoneSchema = Text.trim().regex(/^\+?[\d\s()-]{5,20}$/, 'not a phone number');

export const CustomerInput = z.object({
  name: Text.trim().min(2, 'name must have at least 2 characters').max(120),
  creditCode: CreditCodeSchema.nullish().transform((v) => v ?? null),
  industry: z.enum(INDUSTRIES).nullish().transform((v) => v ?? null),
  region: optionalText(60),
  grade: z.enum(CUSTOMER_GRADES).nullish().transform((v) => v ?? null),
  source: z.enum(CUSTOMER_SOURCES).default('manual'),
  phone: PhoneSchema.nullish().transform((v) => v ?? null),
  address: optionalText(200),
  website: optionalText(200),
  remark: optionalText(2000),
  ownerId: IdSchema.nullish(),
  parentId: IdSchema.nullish().transform((v) => v ?? null),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const CustomerCreate = CustomerInput.extend({
  /** Create even though the duplicate check found candidates (the caller has looked at them). */
  allowDuplicate: z.boolean().default(false),
}).meta({ examples: [{ name: '宁波海曙精密机械有限公司', industry: 'manufacturing', region: '华东', grade: 'A', phone: '0574-87654321' }] });
export const CustomerUpdate = CustomerInput.partial().extend({ version: z.number().int().min(1) });

export const CustomerSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  grade: z.string().nullable(),
  source: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  remark: z.string().nullable(),
  owner: UserRefSchema,
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  inPool: z.boolean(),
  poolEnteredAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Customer', description: 'A customer 客户, with its owner (null while in the public pool 公海).' });
export type Customer = z.infer<typeof CustomerSchema>;
export const CustomerPage = pageOf(CustomerSchema).meta({ id: 'CustomerPage' });

export const CustomerListQuery = ListQueryBase.extend({
  industry: z.enum(INDUSTRIES).optional(),
  region: Text.trim().max(60).optional(),
  grade: z.enum(CUSTOMER_GRADES).optional(),
  source: z.enum(CUSTOMER_SOURCES).optional(),
  ownerId: IdSchema.optional(),
  sort: z.enum(CUSTOMER_SORTS).default('-createdAt'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const DuplicateCandidate = z.object({
  id: z.string(), number: z.string(), name: z.string(), creditCode: z.string().nullable(),
  reason: z.enum(['credit_code', 'similar_name', 'phone']), owner: UserRefSchema,
});

export const ContactInput = z.object({
  name: Text.trim().min(1).max(60),
  title: optionalText(60),
  mobile: PhoneSchema.nullish().transform((v) => v ?? null),
  phone: PhoneSchema.nullish().transform((v) => v ?? null),
  email: Text.trim().toLowerCase().email().nullish().transform((v) => v ?? null),
  decisionRole: z.enum(DECISION_ROLES).default('other'),
  isPrimary: z.boolean().default(false),
  remark: optionalText(500),
});
export const ContactUpdate = ContactInput.partial().extend({ version: z.number().int().min(1) });
export const ContactSchema = z.object({
  id: z.string(), customerId: z.string(), name: z.string(), title: z.string().nullable(),
  mobile: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
  decisionRole: z.string(), isPrimary: z.boolean(), remark: z.string().nullable(), version: z.number().int(),
  createdAt: z.string(),
});

export const FollowUpInput = z.object({
  kind: z.enum(FOLLOWUP_KINDS),
  content: Text.trim().min(1).max(4000),
  contactId: IdSchema.nullish().transform((v) => v ?? null),
  occurredAt: InstantSchema.optional(),
  nextStep: optionalText(500),
  nextDate: BusinessDateSchema.nullish().transform((v) => v ?? null),
});
export const FollowUpSchema = z.object({
  id: z.string(), customerId: z.string(), contactId: z.string().nullable(), contactName: z.string().nullable(),
  kind: z.string(), content: z.string(), occurredAt: z.string(), nextStep: z.string().nullable(),
  nextDate: z.string().nullable(), author: UserRefSchema, createdAt: z.string(),
});

export const PoolClaim = z.object({ version: z.number().int().min(1).optional() });
export const PoolRelease = z.object({ reason: Text.trim().min(1).max(500) });
export const CustomerAssign = z.object({ ownerId: IdSchema, version: z.number().int().min(1) });

export const ImportRowError = z.object({ row: z.number().int(), errors: z.array(z.object({ field: z.string(), message: z.string() })) });
export const ImportReport = z.object({
  totalRows: z.number().int(), created: z.number().int(), failed: z.number().int(),
  errors: z.array(ImportRowError),
});
