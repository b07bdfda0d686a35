// Visits 拜访 (SFE) and key accounts 大客户: visit plans, check-in/out with coordinates, visit records; customer
// locations; the parent/subsidiary tree and the decision map.
import { z } from 'zod';
import { BusinessDateSchema, IdSchema, ListQueryBase, optionalText, pageOf, Text, UserRefSchema } from './common.js';

export const VISIT_STATUSES = ['planned', 'checked_in', 'completed', 'cancelled'] as const;
export const VISIT_OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export const LOCATION_SOURCES = ['gps', 'manual'] as const;

const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

export const VisitCreate = z.object({
  customerId: IdSchema,
  contactId: IdSchema.nullish().transform((v) => v ?? null),
  opportunityId: IdSchema.nullish().transform((v) => v ?? null),
  plannedOn: BusinessDateSchema,
  purpose: Text.trim().min(1).max(200),
});
export type VisitCreate = z.infer<typeof VisitCreate>;

export const VisitCheckIn = z.object({
  version: z.number().int().min(1),
  lat: Lat, lng: Lng,
  /** gps: from the device (navigator.geolocation); manual: typed or picked by the rep. */
  source: z.enum(LOCATION_SOURCES).default('gps'),
});
export const VisitRecordInput = z.object({
  attendees: optionalText(300),
  discussed: Text.trim().min(1).max(4000),
  outcome: z.enum(VISIT_OUTCOMES).default('neutral'),
  customerNeeds: optionalText(1000),
  competitorInfo: optionalText(1000),
  nextSteps: optionalText(500),
});
export const VisitCheckOut = z.object({
  version: z.number().int().min(1),
  lat: Lat.nullish().transform((v) => v ?? null), lng: Lng.nullish().transform((v) => v ?? null),
  source: z.enum(LOCATION_SOURCES).default('gps'),
  record: VisitRecordInput,
  /** The follow-up task: recorded as the customer's follow-up with its next step and date. */
  nextDate: BusinessDateSchema.nullish().transform((v) => v ?? null),
});
export const VisitCancel = z.object({ version: z.number().int().min(1) });

export const VisitListQuery = ListQueryBase.extend({
  from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional(), ownerId: IdSchema.optional(), customerId: IdSchema.optional(),
  status: z.enum(VISIT_STATUSES).optional(),
});

const Point = z.object({ at: z.string(), lat: z.string().nullable(), lng: z.string().nullable(), source: z.string().nullable(), distanceM: z.number().int().nullable() });
export const VisitSchema = z.object({
  id: z.string(), owner: UserRefSchema, customer: z.object({ id: z.string(), name: z.string(), address: z.string().nullable() }),
  contact: z.object({ id: z.string(), name: z.string() }).nullable(), opportunity: z.object({ id: z.string(), name: z.string() }).nullable(),
  plannedOn: z.string(), purpose: z.string(), status: z.enum(VISIT_STATUSES),
  checkIn: Point.nullable(), checkOut: Point.nullable(), durationMinutes: z.number().int().nullable(),
  record: VisitRecordInput.extend({ attendees: z.string().nullable(), customerNeeds: z.string().nullable(), competitorInfo: z.string().nullable(), nextSteps: z.string().nullable() }).nullable(),
  followupId: z.string().nullable(), customerLocation: z.object({ lat: z.string(), lng: z.string() }).nullable(),
  version: z.number().int(), createdAt: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;
export const VisitPage = pageOf(VisitSchema);

export const CustomerLocationInput = z.object({ lat: Lat, lng: Lng, source: z.enum(['manual', 'geocode']).default('manual') });
export const CustomerLocationSchema = z.object({
  customerId: z.string(), lat: z.string(), lng: z.string(), source: z.enum(['manual', 'geocode', 'checkin']), updatedAt: z.string(),
});

// Key accounts
export const BUYING_ROLES = ['decision_maker', 'economic_buyer', 'technical_buyer', 'user_buyer', 'influencer', 'coach', 'gatekeeper'] as const;
export const ATTITUDES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export const RELATION_KINDS = ['reports_to', 'influences', 'ally', 'rival'] as const;

/** The tree as a flat list, parents before children; a node outside the caller's scope shows its name only. */
export const AccountTreeSchema = z.object({
  rootId: z.string(), focusId: z.string(),
  nodes: z.array(z.object({
    id: z.string(), parentId: z.string().nullable(), depth: z.number().int(), name: z.string(), number: z.string(), grade: z.string().nullable(),
    owner: UserRefSchema, visible: z.boolean(),
  })),
});
export type AccountTree = z.infer<typeof AccountTreeSchema>;

export const DecisionRoleInput = z.object({
  role: z.enum(BUYING_ROLES), influence: z.number().int().min(1).max(5), attitude: z.enum(ATTITUDES), note: optionalText(300),
});
export const ContactRelationInput = z.object({
  fromContactId: IdSchema, toContactId: IdSchema, kind: z.enum(RELATION_KINDS), note: optionalText(200),
});
export const DecisionMapSchema = z.object({
  customer: z.object({ id: z.string(), name: z.string() }),
  nodes: z.array(z.object({
    contactId: z.string(), name: z.string(), title: z.string().nullable(), role: z.enum(BUYING_ROLES).nullable(),
    influence: z.number().int().nullable(), attitude: z.enum(ATTITUDES).nullable(), note: z.string().nullable(),
  })),
  edges: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), kind: z.enum(RELATION_KINDS), note: z.string().nullable() })),
});
export type DecisionMap = z.infer<typeof DecisionMapSchema>;
