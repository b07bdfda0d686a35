// RFC 9457 problem details: the one error shape of the API.
import { z } from 'zod';

// Named components of the OpenAPI document (`.meta({ id })`; platform/openapi.ts).
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldError', description: 'One bad field: its path (`body.lines.0.amount`, `query.cursor`) and what is wrong.' });
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
  candidates: z.array(z.unknown()).optional(),
  requestId: z.string().optional(),
}).meta({
  id: 'Problem',
  description: 'RFC 9457 problem details, `application/problem+json`. `code` is stable (`<domain>.<name>`, e.g. `customers.not_found`); `title`/`detail` are for people and may change. A validation failure lists every bad field in `errors`; a duplicate check lists `candidates`; `requestId` is in the server log.',
});
export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;
