import { z } from 'zod';

export const IdSchema = z.string().uuid();
export const BusinessDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const InstantSchema = z.string();

export const ListQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(100).optional(),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const UserRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();
