import { z } from 'zod';
import { ListQueryBase, pageOf, UserRefSchema } from './common.js';

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
  entityType: z.string().max(40).optional(),
  entityId: z.string().uuid().optional(),
  actorId: z.string().uuid().optional(),
  action: z.string().max(40).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
