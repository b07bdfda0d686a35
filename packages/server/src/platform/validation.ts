// Request validation: the zod schema of each route, plus one rule for every string that reaches a handler — also
// strings no schema field names (approval facts, JSON kept as jsonb, a route that forgot the shared Text primitive):
// no NUL and no unpaired surrogate, which PostgreSQL cannot store and answers with an error (a 500) instead.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BAD_TEXT_MESSAGE, isCleanText } from '@l2c/shared';

/** Where in a parsed value a string (or an object key) is not clean text, at most `limit` of them. */
export function uncleanPaths(value: unknown, limit = 5): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      if (!isCleanText(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (!isCleanText(key)) found.push([...path, key]);
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return found;
}

export const cleanInputValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const schema = route.schema instanceof z.ZodType
    ? route.schema.superRefine((value, ctx) => {
      for (const path of uncleanPaths(value)) ctx.addIssue({ code: 'custom', path, message: BAD_TEXT_MESSAGE });
    })
    : route.schema;
  return validatorCompiler({ ...route, schema });
};
