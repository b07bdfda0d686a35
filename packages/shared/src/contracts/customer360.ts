// API contracts of the customer 360 (the customer page's money summary and its one timeline) and of the references
// an audit entry names (number and name of a record, for people instead of a UUID).
import { z } from 'zod';
import { ListQueryBase, UserRefSchema } from './common.js';
import { AuditChange, RecordRefSchema } from './audit.js';

export const CustomerMoneySchema = z.object({
  currency: z.string(),
  contracted: z.string().describe('signed order contracts (with tax), not terminated'),
  invoiced: z.string().describe('receivables booked (invoices, less credit notes)'),
  collected: z.string().describe('confirmed payments received'),
  open: z.string().describe('open invoices'), overdue: z.string().describe('open invoices past their due date'),
  unapplied: z.string().describe('confirmed payments not yet written off'),
});
export const CustomerSummarySchema = z.object({
  customerId: z.string(), today: z.string(),
  /** One row per currency the customer has money in, the book currency first (there always is one). */
  money: z.array(CustomerMoneySchema),
  credit: z.object({ currency: z.string(), limit: z.string(), open: z.string(), committed: z.string(), available: z.string(), onHold: z.boolean() }),
  counts: z.object({ contracts: z.number().int(), openReceivables: z.number().int(), overdueReceivables: z.number().int(), payments: z.number().int(), writeOffs: z.number().int() }),
}).meta({ id: 'CustomerSummary', description: 'The customer page\'s money summary, exact decimal strings. Available credit = limit − open − committed (credit\'s one rule).' });
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const TIMELINE_KINDS = ['audit', 'follow_up', 'receivable', 'credit_note', 'payment', 'write_off'] as const;
export const TimelineEventSchema = z.object({
  key: z.string().describe('unique in the timeline: kind and id'),
  at: z.string(), kind: z.enum(TIMELINE_KINDS),
  entityType: z.string(), entityId: z.string(),
  action: z.string().nullable().describe('the audit action, a payment\'s status, a write-off\'s kind, a follow-up\'s kind'),
  number: z.string().nullable(), actor: UserRefSchema,
  amount: z.string().nullable(), currency: z.string().nullable(), date: z.string().nullable().describe('the business date (due date, received on, applied on)'),
  text: z.string().nullable().describe('a follow-up\'s content, a write-off\'s memo, a receivable\'s reason'),
  changes: z.array(AuditChange),
}).meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export const TimelinePage = z.object({
  items: z.array(TimelineEventSchema),
  refs: z.array(RecordRefSchema).describe('the records the events and their changes name'),
  nextCursor: z.string().nullable(),
}).meta({ id: 'TimelinePage' });
export const TimelineQuery = ListQueryBase.pick({ limit: true, cursor: true }).extend({
  kind: z.enum(TIMELINE_KINDS).optional(),
});
