// Campaigns 市场活动 (MTL): a parent/child hierarchy, costs as facts, members through the event flow plan → invite →
// register → check-in, and the return on a campaign — its cost against won opportunities and against the cash those
// opportunities' contracts actually brought in (write-offs). Money is exact decimal strings; ROI is a ratio rounded
// half-up to 4 decimals ("1.2500" = 125 %), null while a campaign has no cost.
import { z } from 'zod';
import { REQUEST_CURRENCIES } from '../money.js';
import { BusinessDateSchema, enumListParam, IdSchema, ListQueryBase, MoneyOrZeroSchema, MoneySchema, optionalText, pageOf, Text, UserRefSchema } from './common.js';

export const CAMPAIGN_TYPES = ['event', 'webinar', 'trade_show', 'online', 'ads', 'email', 'content', 'partner', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** The event flow, in order: a member only moves forward (a walk-in may register and check in at once). */
export const MEMBER_STATUSES = ['planned', 'invited', 'registered', 'checked_in'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const COST_CATEGORIES = ['venue', 'catering', 'media', 'ads', 'materials', 'travel', 'agency', 'gifts', 'staff', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const CampaignCreate = z.object({
  name: Text.trim().min(1).max(200),
  parentId: IdSchema.nullish().transform((v) => v ?? null),
  type: z.enum(CAMPAIGN_TYPES),
  status: z.enum(CAMPAIGN_STATUSES).default('planned'),
  startOn: BusinessDateSchema.nullish().transform((v) => v ?? null),
  endOn: BusinessDateSchema.nullish().transform((v) => v ?? null),
  /** A child campaign is in its parent's currency; omitted, it takes the parent's (or CNY). */
  currency: z.enum(REQUEST_CURRENCIES).optional(),
  budget: MoneyOrZeroSchema.default('0.00'),
  /** Omitted: the caller. */
  ownerId: IdSchema.optional(),
  description: optionalText(2000),
});
export const CampaignUpdate = z.object({
  name: Text.trim().min(1).max(200).optional(),
  parentId: IdSchema.nullable().optional(),
  type: z.enum(CAMPAIGN_TYPES).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  startOn: BusinessDateSchema.nullable().optional(),
  endOn: BusinessDateSchema.nullable().optional(),
  budget: MoneyOrZeroSchema.optional(),
  ownerId: IdSchema.optional(),
  description: optionalText(2000).optional(),
  version: z.number().int().min(1),
});

/** What a marketer checks on a campaign, for the campaign alone (own) or summed over its subtree (rollup). */
export const CampaignFiguresSchema = z.object({
  budget: z.string(),
  actualCost: z.string(),
  members: z.number().int(),
  invited: z.number().int().describe('members who were invited or went further'),
  registered: z.number().int().describe('members who registered or checked in'),
  checkedIn: z.number().int(),
  leads: z.number().int().describe('leads attributed to the campaign (their campaign)'),
  mql: z.number().int().describe('of those, leads that reached MQL or further (MQL, SQL, converted)'),
  converted: z.number().int(),
  opportunities: z.number().int(),
  won: z.number().int(),
  wonAmount: z.string().describe('amount of won opportunities attributed to the campaign, in its currency'),
  collected: z.string().describe('cash written off against the receivables of the contracts those won opportunities became (payment allocations net of reversals)'),
  roiWon: z.string().nullable().describe('(wonAmount − actualCost) / actualCost, half-up to 4 decimals; null without cost'),
  roiCollected: z.string().nullable().describe('(collected − actualCost) / actualCost, half-up to 4 decimals; null without cost'),
}).meta({ id: 'CampaignFigures' });
export type CampaignFigures = z.infer<typeof CampaignFiguresSchema>;

export const CampaignSchema = z.object({
  id: z.string(), number: z.string(), name: z.string(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  type: z.enum(CAMPAIGN_TYPES), status: z.enum(CAMPAIGN_STATUSES),
  startOn: z.string().nullable(), endOn: z.string().nullable(), currency: z.string(), budget: z.string(),
  owner: UserRefSchema, description: z.string().nullable(), version: z.number().int(), createdAt: z.string(),
  childCount: z.number().int(),
  own: CampaignFiguresSchema,
  rollup: CampaignFiguresSchema,
}).meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignPage = pageOf(CampaignSchema).meta({ id: 'CampaignPage' });

export const CampaignListQuery = ListQueryBase.extend({
  /** Children of this campaign; `roots=true` for top-level campaigns only. */
  parentCampaignId: IdSchema.optional(),
  roots: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  status: enumListParam(CAMPAIGN_STATUSES).optional(),
  type: enumListParam(CAMPAIGN_TYPES).optional(),
  ownerId: IdSchema.optional(),
  /** Campaigns running on some day of this year (start or end in it; undated ones always). */
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});

// ---- costs ----
export const CampaignCostCreate = z.object({
  category: z.enum(COST_CATEGORIES),
  amount: MoneySchema,
  incurredOn: BusinessDateSchema,
  vendor: optionalText(200),
  memo: optionalText(500),
});
export const CampaignCostReverse = z.object({ memo: optionalText(500) });
export const CampaignCostSchema = z.object({
  id: z.string(), campaignId: z.string(), category: z.enum(COST_CATEGORIES), amount: z.string(), currency: z.string(),
  incurredOn: z.string(), vendor: z.string().nullable(), memo: z.string().nullable(),
  reversesId: z.string().nullable(), reversedBy: z.string().nullable().describe('the reversing row, when this cost was reversed'),
  createdBy: UserRefSchema, createdAt: z.string(),
}).meta({ id: 'CampaignCost' });
export const CampaignCostList = z.object({ items: z.array(CampaignCostSchema), total: z.string(), currency: z.string() });

// ---- members ----
export const CampaignMemberCreate = z.object({
  leadId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  name: optionalText(100),
  company: optionalText(200),
  phone: optionalText(40),
  email: optionalText(200),
  status: z.enum(MEMBER_STATUSES).default('planned'),
}).describe('One of: leadId, contactId, or a person (name with a phone or an email).');
export const MemberAction = z.object({ version: z.number().int().min(1).optional() });
export const CampaignMemberSchema = z.object({
  id: z.string(), campaignId: z.string(), status: z.enum(MEMBER_STATUSES),
  lead: z.object({ id: z.string(), name: z.string().nullable(), status: z.string().nullable() }).nullable(),
  contact: z.object({ id: z.string(), name: z.string(), customerId: z.string(), customerName: z.string() }).nullable(),
  name: z.string().nullable(), company: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
  invitedAt: z.string().nullable(), registeredAt: z.string().nullable(), checkedInAt: z.string().nullable(),
  leadCreated: z.boolean().describe('the check-in created the lead'), version: z.number().int(), createdAt: z.string(),
}).meta({ id: 'CampaignMember' });
export type CampaignMember = z.infer<typeof CampaignMemberSchema>;
export const CampaignMemberPage = pageOf(CampaignMemberSchema).meta({ id: 'CampaignMemberPage' });
export const CampaignMemberQuery = ListQueryBase.extend({ status: enumListParam(MEMBER_STATUSES).optional() });

// ---- ROI ----
export const CampaignRoiSchema = z.object({
  campaignId: z.string(), currency: z.string(),
  own: CampaignFiguresSchema, rollup: CampaignFiguresSchema,
  children: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), status: z.enum(CAMPAIGN_STATUSES), rollup: CampaignFiguresSchema })),
  opportunities: z.array(z.object({
    id: z.string(), name: z.string(), campaignId: z.string(), campaignName: z.string(), status: z.string(), amount: z.string(), currency: z.string(),
    contractId: z.string().nullable(), contractNumber: z.string().nullable(), collected: z.string(),
  })).describe('opportunities attributed to the campaign or its children, won first, at most 200'),
  definition: z.string(),
}).meta({ id: 'CampaignRoi' });
export type CampaignRoi = z.infer<typeof CampaignRoiSchema>;

// ---- the marketer's funnel (home page) ----
export const CampaignFunnelQuery = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });
export const CampaignFunnelSchema = CampaignFiguresSchema.extend({
  year: z.number().int(), currency: z.string(), campaigns: z.number().int(), activeCampaigns: z.number().int(),
}).meta({ id: 'CampaignFunnel' });
export type CampaignFunnel = z.infer<typeof CampaignFunnelSchema>;
