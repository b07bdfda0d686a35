// RFC 9457 problem details: the one error shape of the API.
import { z } from 'zod';

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
  candidates: z.array(z.unknown()).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;
