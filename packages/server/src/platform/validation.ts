// Request validation: the zod schema of each route, plus one rule for every string that reaches a handler — also
// strings no schema field names (approval facts, JSON kept as jsonb, a route that forgot the shared Text primitive):
// no NUL and no unpaired surrogate, which PostgreSQL cannot store and answers with an error (a 500) instead.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BAD_TEXT_MESSAGE, isCleanText } from '@l2c/shared';

/**
 * Where in a parsed value a string (or an object key) is not clean text, at most `limit` of them. Runs on every
 * request's parsed input, so the clean case allocates nothing: the path is a stack, copied only for a finding.
 */
export function uncleanPaths(value: unknown, limit = 5): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const path: Array<string | number> = [];
  const walk = (v: unknown) => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      if (!isCleanText(v)) found.push(path.slice());
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const key of Object.keys(v)) {
        path.push(key);
        if (!isCleanText(key)) found.push(path.slice());
        else walk((v as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(value);
  return found;
}

export const cleanInputValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const schema = route.schema instanceof z.ZodType
    ? route.schema.superRefine(addUncleanIssues)
    : route.schema;
  return validatorCompiler({ ...route, schema });
};

function addUncleanIssues(value: unknown, ctx: z.RefinementCtx): void {
  for (const path of uncleanPaths(value)) ctx.addIssue({ code: 'custom', path, message: BAD_TEXT_MESSAGE });
}
