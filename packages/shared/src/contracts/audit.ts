import { z } from 'zod';
import { IdSchema, InstantSchema, ListQueryBase, pageOf, Text, UserRefSchema } from './common.js';

export const AuditChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: UserRefSchema,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.array(AuditChange),
  requestId: z.string().nullable(),
});
/** A record an audit entry or a timeline event names: what it is, its number and its name, for a link. */
export const RecordRefSchema = z.object({
  id: z.string(), type: z.string().describe('customer, contract, receivable, payment, write_off, user, team, contact'),
  number: z.string().nullable(), name: z.string().nullable(),
}).meta({ id: 'RecordRef' });
export type RecordRef = z.infer<typeof RecordRefSchema>;
export const AuditPage = pageOf(AuditEntrySchema).extend({
  refs: z.array(RecordRefSchema).optional().describe('the records the entries and their changes name (number and name), when known'),
});
export const AuditListQuery = ListQueryBase.extend({
  entityType: Text.max(40).optional(),
  entityId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  action: Text.max(40).optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
});
