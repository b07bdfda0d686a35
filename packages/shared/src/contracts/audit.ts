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
export const AuditPage = pageOf(AuditEntrySchema);
export const AuditListQuery = ListQueryBase.extend({
  entityType: Text.max(40).optional(),
  entityId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  action: Text.max(40).optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
});
