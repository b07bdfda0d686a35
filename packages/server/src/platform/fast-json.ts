// Response serialization: every route answers through its zod response schema (zod checks and strips the value, then
// JSON.stringify). A hot route whose answer is built field by field from typed rows may instead mark its schema with
// fastResponse(): its JSON is then written by fast-json-stringify from the same schema's JSON Schema — only the
// declared fields, in their declared types — at about a tenth of the cost (the zod pass was ~6 % of a customer-list
// request's CPU). Under test (VITEST) the zod check still runs first, so a handler that drifts from its schema fails
// its tests rather than answering a field the schema does not know.
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

const marked = new WeakSet<z.ZodType>();
const CHECK = Boolean(process.env.VITEST);

/** Mark a response schema for fast serialization (its handler builds exactly that shape). Returns the schema. */
export function fastResponse<T extends z.ZodType>(schema: T): T {
  marked.add(schema);
  return schema;
}

type Json = { [k: string]: unknown };

/** zod writes `T | null` as anyOf [T, {type: null}]; fast-json-stringify then validates each value to pick a branch. A
 *  type list ['string', 'null'] (or the object's own schema with 'null' added) says the same and serializes directly. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = simplify(v);
  const any = out.anyOf as Json[] | undefined;
  if (Array.isArray(any) && any.length === 2) {
    const nullIdx = any.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
    const other = any[1 - nullIdx];
    if (nullIdx >= 0 && other && typeof other.type === 'string') {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

export function toFastSchema(schema: z.ZodType): object {
  const { $schema: _s, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' }) as Json;
  return simplify(json) as object;
}

/** The app's serializer compiler: fast-json-stringify for marked schemas, else the zod serializer. */
export const l2cSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const schema = route.schema;
  if (!(schema instanceof z.ZodType) || !marked.has(schema)) return serializerCompiler(route as never);
  const stringify = fastJson(toFastSchema(schema) as never);
  if (!CHECK) return stringify as (data: unknown) => string;
  const checked = serializerCompiler(route as never) as (data: unknown) => string;
  return (data: unknown) => {
    checked(data); // throws the same ResponseSerializationError as an unmarked route
    return stringify(data);
  };
};
