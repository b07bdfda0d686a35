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

/**
 * A query parameter holding one value of an enum or several, comma-separated (`open,partially_paid`), parsed to a
 * de-duplicated array. A bad member is a 400 naming the parameter and the allowed values.
 */
export function enumListParam<T extends string>(values: readonly [T, ...T[]]) {
  const allowed = new Set<string>(values);
  return z.string().trim().max(200)
    .refine((s) => s.split(',').every((v) => allowed.has(v)), { message: `expected ${values.join(', ')} (comma-separated for several)` })
    .transform((s) => [...new Set(s.split(','))] as T[]);
}
