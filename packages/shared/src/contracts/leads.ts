// Leads 线索: request and response shapes shared by the server (validation, OpenAPI) and the web app.
import { z } from 'zod';
import { IdSchema, ListQueryBase, optionalText, pageOf, Text, UserRefSchema, enumListParam } from './common.js';
import { INDUSTRIES } from './customers.js';

export const LEAD_STATUSES = ['raw', 'mql', 'sql', 'converted', 'invalid'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_SOURCES = ['web_form', 'api', 'manual', 'import', 'campaign', 'referral', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const COMPANY_SIZES = ['1-49', '50-199', '200-999', '1000+'] as const;
/** The moves a person may make; converted only through the conversion flow. */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  raw: ['mql', 'sql', 'invalid'],
  mql: ['raw', 'sql', 'invalid'],
  sql: ['mql', 'invalid'],
  invalid: ['raw'],
  converted: [],
};
export const LEAD_FORM_FIELDS = ['companyName', 'contactName', 'title', 'phone', 'email', 'industry', 'companySize', 'region', 'message'] as const;

const LooseText = (max: number) => optionalText(max);

/** What every capture path takes (form, API, manual, import, campaign check-in). At least one way to reach the lead. */
export const LeadCaptureFields = z.object({
  companyName: LooseText(200),
  contactName: LooseText(100),
  title: LooseText(100),
  phone: LooseText(40),
  email: LooseText(254),
  creditCode: LooseText(40),
  industry: z.enum(INDUSTRIES).nullish().transform((v) => v ?? null),
  companySize: z.enum(COMPANY_SIZES).nullish().transform((v) => v ?? null),
  region: LooseText(60),
  message: LooseText(4000),
  remark: LooseText(2000),
});

export const LeadCreate = LeadCaptureFields.extend({
  source: z.enum(LEAD_SOURCES).default('manual'),
  campaignId: IdSchema.nullish().transform((v) => v ?? null),
  /** Owner: omitted, the assignment rules decide (or the creator keeps it when no rule matches). */
  ownerId: IdSchema.nullish(),
}).meta({ examples: [{ companyName: '杭州恒通机电设备有限公司', contactName: '陈明', phone: '138 0013 8000', email: 'chen.ming@hengtong.cn', source: 'manual' }] });
export type LeadCreate = z.infer<typeof LeadCreate>;

export const LeadUpdate = LeadCaptureFields.partial().extend({ version: z.number().int().min(1) });

export const LeadStatusChange = z.object({
  status: z.enum(['raw', 'mql', 'sql', 'invalid']),
  reason: optionalText(500),
  version: z.number().int().min(1),
});
export const LeadAssign = z.object({ ownerId: IdSchema, version: z.number().int().min(1) });
export const LeadRelease = z.object({ reason: Text.trim().min(1).max(500) });

export const LeadMatchSchema = z.object({
  kind: z.enum(['lead', 'contact', 'customer']), id: z.string(), name: z.string(), customerId: z.string().nullable(),
  score: z.number(), reasons: z.array(z.string()),
});

export const LeadSchema = z.object({
  id: z.string(),
  number: z.string(),
  companyName: z.string().nullable(),
  contactName: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  companySize: z.string().nullable(),
  region: z.string().nullable(),
  message: z.string().nullable(),
  remark: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(LEAD_STATUSES),
  invalidReason: z.string().nullable(),
  owner: UserRefSchema,
  inPool: z.boolean(),
  lastTouchedAt: z.string(),
  duplicate: z.object({ kind: z.enum(['lead', 'contact', 'customer']), id: z.string(), score: z.number().nullable(), reasons: z.string().nullable() }).nullable(),
  consent: z.object({ text: z.string(), at: z.string(), ip: z.string().nullable() }).nullable(),
  converted: z.object({ customerId: z.string(), contactId: z.string().nullable(), opportunityId: z.string().nullable(), at: z.string() }).nullable(),
  score: z.object({ score: z.number(), grade: z.string().nullable() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Lead', description: 'A lead 线索 with its status, owner (null in the lead pool 线索池) and dedup flag.' });
export type Lead = z.infer<typeof LeadSchema>;
export const LeadPage = pageOf(LeadSchema).meta({ id: 'LeadPage' });

export const LEAD_SORTS = ['createdAt', '-createdAt', 'lastTouchedAt', '-lastTouchedAt'] as const;
export const LeadListQuery = ListQueryBase.extend({
  status: enumListParam(LEAD_STATUSES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  campaignId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  sort: z.enum(LEAD_SORTS).default('-createdAt'),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;

export const LeadHistoryEntry = z.object({
  fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string().nullable(), actor: UserRefSchema, at: z.string(),
});
export const LeadDetail = z.object({
  lead: LeadSchema,
  history: z.array(LeadHistoryEntry),
  matches: z.array(LeadMatchSchema),
});

// ---- conversion ----
export const LeadConvert = z.object({
  /** Convert into this existing customer (one dedup found) instead of creating one. */
  customerId: IdSchema.nullish().transform((v) => v ?? null),
  customerName: optionalText(120),
  opportunityName: optionalText(200),
  amount: Text.trim().regex(/^\d{1,15}(\.\d{1,2})?$/, 'expected an amount like "120000.00"').default('0'),
  currency: z.enum(['CNY', 'USD', 'EUR', 'HKD', 'JPY']).default('CNY'),
  createOpportunity: z.boolean().default(true),
  /** Create the new customer although the customer duplicate check found candidates (the caller has seen them). */
  allowDuplicate: z.boolean().default(false),
});
export const LeadConversionResult = z.object({
  leadId: z.string(), customerId: z.string(), customerCreated: z.boolean(), contactId: z.string().nullable(),
  opportunityId: z.string().nullable(),
});

// ---- web forms ----
export const LeadFormInput = z.object({
  name: Text.trim().min(1).max(200),
  campaignId: IdSchema.nullish().transform((v) => v ?? null),
  allowedOrigins: z.array(Text.trim().max(200).regex(/^https?:\/\/[^/\s]+$/, 'an origin like https://www.example.com (no path)')).max(20).default([]),
  fields: z.array(z.enum(LEAD_FORM_FIELDS)).min(1).max(LEAD_FORM_FIELDS.length).default(['companyName', 'contactName', 'phone', 'email']),
  consentText: Text.trim().min(1).max(2000),
  active: z.boolean().default(true),
});
export const LeadFormUpdate = LeadFormInput.partial().extend({ version: z.number().int().min(1) });
export const LeadFormSchema = z.object({
  id: z.string(), key: z.string(), name: z.string(), campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  allowedOrigins: z.array(z.string()), fields: z.array(z.string()), consentText: z.string(), active: z.boolean(),
  submissions: z.number().int(), version: z.number().int(), createdAt: z.string(),
}).meta({ id: 'LeadForm' });
export type LeadForm = z.infer<typeof LeadFormSchema>;

/** The public submission: the form's fields, the honeypot (must stay empty) and the consent box. */
export const PublicLeadSubmission = LeadCaptureFields.pick({
  companyName: true, contactName: true, title: true, phone: true, email: true, industry: true, companySize: true, region: true, message: true,
}).extend({
  /** Honeypot: hidden from people; a bot that fills it gets a 202 and nothing is stored. */
  website: Text.max(500).optional(),
  consent: z.literal(true, { message: 'consent is required' }),
});

// ---- assignment rules ----
export const AssignmentMemberInput = z.object({
  userId: IdSchema, weight: z.number().int().min(1).max(100).default(1), dailyQuota: z.number().int().min(0).max(10_000).nullish().transform((v) => v ?? null),
});
export const AssignmentRuleInput = z.object({
  name: Text.trim().min(1).max(200),
  position: z.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
  strategy: z.enum(['round_robin', 'weighted']),
  sources: z.array(z.enum(LEAD_SOURCES)).max(LEAD_SOURCES.length).default([]),
  regions: z.array(Text.trim().min(1).max(60)).max(50).default([]),
  industries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length).default([]),
  members: z.array(AssignmentMemberInput).min(1).max(100),
});
export const AssignmentRuleSchema = z.object({
  id: z.string(), name: z.string(), position: z.number().int(), active: z.boolean(), strategy: z.enum(['round_robin', 'weighted']),
  sources: z.array(z.string()), regions: z.array(z.string()), industries: z.array(z.string()),
  members: z.array(z.object({ userId: z.string(), name: z.string(), weight: z.number().int(), dailyQuota: z.number().int().nullable(), assignedCount: z.number().int(), assignedToday: z.number().int() })),
}).meta({ id: 'LeadAssignmentRule' });

export const LeadSettingsSchema = z.object({ recycleDays: z.number().int().min(1).max(365) });

// ---- import ----
export const LeadImportSchema = z.object({
  id: z.string(), filename: z.string(), status: z.enum(['running', 'done', 'failed']),
  totalRows: z.number().int(), processedRows: z.number().int(), created: z.number().int(), duplicates: z.number().int(),
  failed: z.number().int(), error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
}).meta({ id: 'LeadImport' });
export type LeadImport = z.infer<typeof LeadImportSchema>;
