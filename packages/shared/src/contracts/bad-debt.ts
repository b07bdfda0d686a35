// API contracts of bad-debt requests 坏账核销申请: finance asks, someone else with the right approves or rejects;
// an approval books a bad-debt write-off of the requested amount.
import { z } from 'zod';
import { enumListParam, IdSchema, ListQueryBase, pageOf, UserRefSchema } from './common.js';

export const BAD_DEBT_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type BadDebtRequestStatus = (typeof BAD_DEBT_REQUEST_STATUSES)[number];

export const BadDebtRequestSchema = z.object({
  id: z.string(),
  receivable: z.object({ id: z.string(), number: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  currency: z.string(),
  /** The amount to write off as bad debt: an exact decimal string. */
  amount: z.string(),
  reason: z.string(),
  status: z.enum(BAD_DEBT_REQUEST_STATUSES),
  requestedBy: UserRefSchema,
  requestedAt: z.string(),
  decidedBy: UserRefSchema,
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The bad-debt write-off booked by the approval. */
  writeOffId: z.string().nullable(),
});
export type BadDebtRequest = z.infer<typeof BadDebtRequestSchema>;
export const BadDebtRequestPage = pageOf(BadDebtRequestSchema);

export const BadDebtRequestListQuery = ListQueryBase.extend({
  /** One status or several, comma-separated: `pending,rejected`. */
  status: enumListParam(BAD_DEBT_REQUEST_STATUSES).optional(),
  customerId: IdSchema.optional(),
  receivableId: IdSchema.optional(),
  /** `awaiting`: pending requests the caller may decide — not their own, and only if they hold the approve right. */
  mine: z.enum(['awaiting']).optional(),
  sort: z.enum(['requestedAt', '-requestedAt']).default('-requestedAt'),
});
