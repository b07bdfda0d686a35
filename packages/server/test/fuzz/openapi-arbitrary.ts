// Request bodies for the fuzz test, generated from the OpenAPI document the server publishes (the same zod schemas
// that validate requests): a value that fits the JSON schema, then — most of the time — a mutation of it that a
// careless or hostile client would send. Ids are drawn from real records of the test tenant where a field's name
// says what it refers to, so valid bodies get past validation and reach the services and the database.
import fc from 'fast-check';
import { creditCodeCheckChar } from '@l2c/shared';

export type JsonSchema = Record<string, any>;
export interface OpenApiDoc { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, JsonSchema> } }

/** Real ids by kind ('customer', 'contract', 'user' …), filled by the test's arrangement. */
export type IdPool = Record<string, string[]>;

/** What a field name refers to: customerId → customer, managerId → user … (unknown names: any known id). */
const FIELD_KIND: Record<string, string> = {
  customerId: 'customer', parentId: 'customer', contractId: 'contract', frameworkId: 'contract', receivableId: 'receivable',
  paymentId: 'payment', creditNoteId: 'creditNote', ownerId: 'user', userId: 'user', managerId: 'user', teamId: 'team',
  contactId: 'contact', instalmentId: 'instalment',
};

const UNKNOWN_UUID = '6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c0b';
const HUGE = 'x'.repeat(100 * 1024);

/** Odd values a client may send in place of any field. */
export const NASTY: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1,
  '', ' ', '0', '-0', '0.00', '-0.00', '1e3', '1E-7', '0x10', '+1', '.5', '1.', '1.234', '123.456', '99999999999999999999.99', '9'.repeat(40),
  'NaN', 'Infinity', '-Infinity', '١٢٣', '１２３', '2026-02-30', '0000-00-00', '2026-13-01', '9999-12-31', '0001-01-01', '-2026-01-01', '2026-02-29',
  '2026-12-06T25:00:00Z', '2026-02-30T10:00:00+08:00', '0000-01-01T00:00:00Z', 'a\u0000b', '\u0000', 'x\ud800', '\udc00y', '\ud800\udc00',
  '💰'.repeat(50), '<script>alert(1)</script>', "'; drop table customers; --", '%00', '\\u0000', HUGE,
  UNKNOWN_UUID, UNKNOWN_UUID.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'not-a-uuid',
  [], [null], [{}], {}, { a: 1 }, { __proto__: { admin: true } }, [1, 2, 3],
];

function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

function uuidFor(pool: IdPool, field: string | undefined): fc.Arbitrary<string> {
  const kind = field ? FIELD_KIND[field] : undefined;
  const known = kind ? pool[kind] ?? [] : Object.values(pool).flat();
  const choices: Array<fc.Arbitrary<string>> = [fc.uuid(), fc.constant(UNKNOWN_UUID)];
  if (known.length) {
    choices.push(fc.constantFrom(...known), fc.constantFrom(...known), fc.constantFrom(...known).map((id) => id.toUpperCase()));
  }
  return fc.oneof(...choices);
}

const NONE = Symbol('none');

/** Fields whose rule is not in the JSON schema (a check character, a closed list). */
const SPECIAL: Record<string, fc.Arbitrary<unknown>> = {
  creditCode: fc.oneof(
    fc.stringMatching(/^91330100[0-9A-HJ-NPQRTUWXY]{9}$/).map((body) => body + (creditCodeCheckChar(body) ?? '0')),
    fc.constantFrom(null, '91330100MA27XYZ12J', 'not a code'),
  ),
  taxRate: fc.constantFrom('0.13', '0.09', '0.06', '0', '13%', '0.17'),
};

const dateArb = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });

/** A value that fits `schema` (as far as a generator can tell: patterns and formats are honoured). */
export function valid(doc: OpenApiDoc, raw: JsonSchema | undefined, pool: IdPool, field?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (depth > 6) return fc.constant(null);
  const alts = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((a: JsonSchema) => valid(doc, a, pool, field, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return valid(doc, schema.allOf[0], pool, field, depth + 1);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.includes('null') && type.length > 1) {
    return fc.oneof({ weight: 4, arbitrary: valid(doc, { ...schema, type: type.filter((t: string) => t !== 'null') }, pool, field, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  switch (type[0]) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set<string>(schema.required ?? []);
      const entries: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) entries[k] = valid(doc, v, pool, k, depth + 1);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      if (!Object.keys(props).length && schema.additionalProperties) {
        return fc.dictionary(fc.string({ maxLength: 10 }), valid(doc, schema.additionalProperties, pool, undefined, depth + 1), { maxKeys: 3 });
      }
      // Optional fields: left out more often than not, so a valid body stays valid more often.
      const optional = Object.keys(entries).filter((k) => !required.has(k));
      return fc.tuple(
        fc.record(Object.fromEntries(requiredKeys.map((k) => [k, entries[k]!]))),
        fc.tuple(...optional.map((k) => fc.option(entries[k]!, { freq: 2, nil: NONE }))),
      ).map(([req, opts]) => {
        const out: Record<string, unknown> = { ...req };
        optional.forEach((k, i) => { if (opts[i] !== NONE) out[k] = opts[i]; });
        return out;
      });
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(valid(doc, schema.items, pool, field, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 100_000;
      // Versions and counts are small in real requests; the full range still comes up.
      if (field === 'version') return fc.integer({ min: Math.max(min, 1), max: Math.min(max, 3) });
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 60) }), fc.integer({ min, max }));
    }
    case 'number': return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'string': {
      if (schema.format === 'uuid') return uuidFor(pool, field);
      if (schema.format === 'date') return dateArb.map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time') return dateArb.map((d) => d.toISOString());
      if (schema.format === 'email') return fc.stringMatching(/^[a-z][a-z0-9]{0,10}@[a-z]{2,8}\.(com|cn|test)$/);
      if (field && SPECIAL[field]) return SPECIAL[field]!;
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? 40, 40);
      if (schema.pattern) {
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
      }
      // Words people type: never blank, so `.trim().min(n)` holds.
      const unit = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...'abcdefgh0123456789') }, { weight: 3, arbitrary: fc.constantFrom(...'合同客户回款应收杭州机床') }, { weight: 1, arbitrary: fc.constant(' ') });
      return fc.string({ minLength: Math.max(min, 2), maxLength: Math.max(min, 2, max), unit }).map((v) => `${v.trim() || '客户'}${'甲'.repeat(Math.max(0, min - (v.trim() || '客户').length))}`);
    }
    default: return fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer());
  }
}

/** A body as sent: JSON text (so prototype keys survive) plus a readable form for failure messages. */
export interface FuzzBody { json: string | undefined; label: string }

/** Paths of the leaves and inner nodes of a JSON value. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: Array<string | number>, make: (old: unknown) => unknown | typeof DELETE): unknown {
  if (!path.length) { const v = make(root); return v === DELETE ? undefined : v; }
  const copy = structuredClone(root) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  const v = make(node[last]);
  if (v === DELETE) { if (Array.isArray(node)) node.splice(Number(last), 1); else delete node[last]; } else node[last] = v;
  return copy;
}
const DELETE = Symbol('delete');

type Mutation = (body: unknown, pick: (n: number) => number) => { value: unknown; raw?: string; what: string };

const MUTATIONS: Mutation[] = [
  // A field (or the whole body) gets an odd value.
  (b, pick) => { const ps = pathsOf(b); const p = ps[pick(ps.length)]!; const v = NASTY[pick(NASTY.length)]; return { value: setAt(b, p, () => v), what: `${p.join('.') || '(body)'} := ${short(v)}` }; },
  (b, pick) => { const ps = pathsOf(b).filter((p) => p.length); if (!ps.length) return { value: b, what: 'unchanged' }; const p = ps[pick(ps.length)]!; const v = NASTY[pick(NASTY.length)]; return { value: setAt(b, p, () => v), what: `${p.join('.')} := ${short(v)}` }; },
  // A field goes missing.
  (b, pick) => { const ps = pathsOf(b).filter((p) => p.length); if (!ps.length) return { value: b, what: 'unchanged' }; const p = ps[pick(ps.length)]!; return { value: setAt(b, p, () => DELETE), what: `delete ${p.join('.')}` }; },
  // A field's type changes: strings to numbers, numbers to strings, objects to arrays.
  (b, pick) => {
    const ps = pathsOf(b).filter((p) => p.length); if (!ps.length) return { value: [b], what: 'body in an array' };
    const p = ps[pick(ps.length)]!;
    return { value: setAt(b, p, (old) => (typeof old === 'string' ? (Number(old) || 12.345) : typeof old === 'number' ? String(old) : Array.isArray(old) ? {} : old && typeof old === 'object' ? [old] : 'text')), what: `retype ${p.join('.')}` };
  },
  // Prototype keys, sent as JSON text so they are really there.
  (b) => {
    const inner = b && typeof b === 'object' && !Array.isArray(b) ? JSON.stringify(b).slice(1, -1) : '';
    const raw = `{"__proto__":{"role":"admin","polluted":true},"constructor":{"prototype":{"polluted":true}}${inner ? `,${inner}` : ''}}`;
    return { value: b, raw, what: 'prototype keys' };
  },
  // Not an object at all.
  (_b, pick) => { const v = [[], {}, null, 'text', 42, [{}], true][pick(7)]; return { value: v, what: `body := ${short(v)}` }; },
  // Every string field at once gets the same odd string.
  (b, pick) => {
    const s = ['a\u0000', '\ud800', '2026-02-30', '1.234', '-0', '1e3', HUGE, UNKNOWN_UUID.toUpperCase()][pick(8)]!;
    const walk = (v: unknown): unknown => (typeof v === 'string' ? s : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v);
    return { value: walk(b), what: `every string := ${short(s)}` };
  },
];

function short(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…(${s.length} chars)` : s;
}

/** Bodies for one route: valid ones (2 in 5) and mutated ones (one to three mutations). */
export function bodyArbitrary(doc: OpenApiDoc, schema: JsonSchema | undefined, pool: IdPool): fc.Arbitrary<FuzzBody> {
  const base: fc.Arbitrary<unknown> = schema ? valid(doc, schema, pool) : fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 2 }));
  return fc.tuple(base, fc.integer({ min: 0, max: 4 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 })).map(([value, mode, seeds]) => {
    if (mode === 0 || mode === 4) return { json: JSON.stringify(value), label: `valid ${short(value)}` };
    let i = 0;
    const pick = (n: number) => (n <= 0 ? 0 : seeds[i++ % seeds.length]! % n);
    let current = value;
    const whats: string[] = [];
    let raw: string | undefined;
    for (let k = 0; k < mode; k++) {
      const m = MUTATIONS[pick(MUTATIONS.length)]!(current, pick);
      current = m.value; whats.push(m.what);
      if (m.raw) { raw = m.raw; break; }
    }
    const json = raw ?? (current === undefined ? undefined : JSON.stringify(current));
    return { json, label: `${whats.join('; ')} → ${short(json === undefined ? '(no body)' : json.length > 400 ? `${json.slice(0, 400)}…` : json)}` };
  });
}

/** A path parameter: a real id of the right kind (often), its upper-case form, an unknown id or garbage. */
export function paramArbitrary(doc: OpenApiDoc, schema: JsonSchema | undefined, kind: string | undefined, pool: IdPool): fc.Arbitrary<string> {
  const s = resolve(doc, schema);
  if (Array.isArray(s.enum)) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...s.enum.map(String)) }, { weight: 1, arbitrary: fc.constantFrom('x', '%00', 'APPROVE') });
  if (s.format === 'uuid' || /uuid/i.test(JSON.stringify(s))) {
    const known = (kind && pool[kind]) || [];
    const choices: Array<fc.WeightedArbitrary<string>> = [
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', 'ｉｄ', UNKNOWN_UUID.toUpperCase()) },
    ];
    if (known.length) choices.push({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: fc.constantFrom(...known).map((id) => id.toUpperCase()) });
    return fc.oneof(...choices);
  }
  const fromPool = (kind && pool[kind]) || [];
  return fc.oneof(...[...(fromPool.length ? [fc.constantFrom(...fromPool)] : []), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('contract', 'bad_debt', '%00', 'x'.repeat(300))]);
}

const RAW = 'RAW:';
const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
/** Odd query-string values: the NASTY strings, numbers as text, and cursors that decode to the wrong things. */
const NASTY_QUERY: string[] = [
  ...NASTY.filter((v): v is string => typeof v === 'string' && v.length < 1000),
  '-1', '0', '99999999999', '1.5', 'true', 'false', 'open,paid,nope', ',', 'oldest_due', 'x'.repeat(600),
  forged(['x', 'y']), forged([{}, UNKNOWN_UUID]), forged([1, 2, 3]), forged(['2026-02-30', UNKNOWN_UUID]), forged(['0000-01-01T00:00:00Z', UNKNOWN_UUID]),
  forged(['9'.repeat(40), UNKNOWN_UUID]), forged([null, null]), forged([]), 'abc', '%%%',
  // Sent as they are (see encodeQuery): bytes that are no UTF-8, an encoded surrogate, NUL, an overlong NUL.
  `${RAW}%FF`, `${RAW}%ED%A0%80`, `${RAW}%00`, `${RAW}%C0%80`, `${RAW}a%`,
];

/** Percent-encode a query value; a value marked RAW goes out verbatim, and a lone surrogate as U+FFFD's bytes. */
export function encodeQuery(value: string): string {
  if (value.startsWith(RAW)) return value.slice(RAW.length);
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** A query parameter's value: one that fits its schema (5 in 6) or an odd one. */
export function queryArbitrary(doc: OpenApiDoc, schema: JsonSchema | undefined, name: string, pool: IdPool): fc.Arbitrary<string> {
  // A cursor that fits is one the server gave; without one, the first page.
  const fits = name === 'cursor' ? fc.constant('') : valid(doc, schema, pool, name).map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof({ weight: 5, arbitrary: fits }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_QUERY) });
}
