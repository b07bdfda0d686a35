// The OpenAPI document (/api/openapi.json, Swagger UI at /api/docs), built from the routes themselves:
// - request and response shapes from the routes' zod schemas (fastify-type-provider-zod); a schema registered with an
//   id in zod's global registry (`.meta({ id: 'Customer' })` in @l2c/shared) becomes a named component, which is also
//   how a recursive schema (an approval rule's `when`) gets a component to point at;
// - every operation's problem+json error responses from what the route declares and what the platform knows about
//   it — never written by hand: the domain error sets the route names (`schema.errors`, the defineErrors tables), the
//   permission of its preHandler (403), its input schemas (400), a `version` in its body (409), an Idempotency-Key
//   header (422), a rate limit (429), authentication (401), load shedding (503);
// - descriptions of the permission and the roles holding it, data scope, pagination, idempotency and rate limits.
// The conventions a route follows are at the top of docs/API.md; test/openapi.test.ts names any route that breaks them.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { can, ROLES, type Action, type Resource } from '@l2c/shared';
import { commonError, type ErrorSet } from './errors.js';
import type { App } from './http.js';

declare module 'fastify' {
  interface FastifySchema {
    /** The domain error sets this operation can answer with: a defineErrors factory (`customerError`) or a part of
     * one (`customerError.only('not_found')`). The common errors are added from what the route is (see above). */
    errors?: readonly ErrorSet[];
    /** The operation answers a file, not JSON: its media types (the 200 response becomes a binary body of these). */
    download?: readonly string[];
  }
}

/** The 204 answer of a route that sends no body: `response: { 204: NoContent }`. */
export const NoContent = z.null().optional().meta({ description: 'Done; no body.' });

export interface OpenApiOptions {
  /** L2C_PUBLIC_URL: where integrators reach this server (the document's `servers`); unset, the server it came from. */
  publicUrl?: string | null;
}

/** Tags: one per domain (resource group), in the order Swagger UI shows them. A tag missing here still works. */
export const TAGS: Record<string, string> = {
  auth: 'Logging in, sessions and API tokens for integrations.',
  users: 'Users and teams of the tenant (admins).',
  customers: 'Customers 客户: the record, its duplicate check, Excel import and export.',
  pool: 'The public pool 公海: release, claim (with a daily cap), assignment, pool settings.',
  contacts: "A customer's contacts and their decision roles.",
  followups: "A customer's follow-ups (calls, visits, notes).",
  opportunities: 'Opportunities 商机: sales processes and stages with entry requirements, lines, health, stage moves, win (a draft order contract) and loss, kanban, funnel.',
  forecast: 'The forecast per month or quarter per rep or team (won, commit, best case, pipeline, weighted) and managers\' adjustments beside it.',
  visits: 'Visits 拜访: plans, check-in and check-out with coordinates and the distance from the customer, visit records; customer locations.',
  'key-accounts': 'Key accounts 大客户: the parent/subsidiary tree and the decision map (roles, influence, attitude, relations).',
  contracts: 'Contracts 合同: framework and order contracts, lines, payment plans, approval, signing, amendments.',
  approvals: 'The approval engine: inbox, decisions, the rule definitions per document type.',
  receivables: 'Receivables 应收: booked by triggers or by hand, credit notes 红冲, bad-debt requests 坏账.',
  payments: 'Payments 回款: registration (with automatic write-off), confirmation, receipt files.',
  'write-offs': 'Write-offs 核销: proposals, one-to-many / many-to-one / partial, reversal 反核销.',
  accounts: "A customer's prepaid, rebate and credit ledgers.",
  credit: "A customer's credit profile: limit, payment term, risk, credit hold; the credit assessment 资信评估.",
  collections: 'Collections 催收: aging 账龄, DSO, overdue receivables, statements of account 对账单.',
  dunning: 'Dunning 催收: policies and steps, the daily run, letters 催款函, the outbox, the collector worklist, promises to pay 承诺付款, contact notes, effectiveness.',
  notifications: "The caller's in-app notices.",
  invoices: 'Invoices 发票: invoice requests 开票申请, issued e-invoices 数电票, red-letter confirmations 红字确认单, the tax platform\'s workbooks.',
  'bank-statements': 'Bank statements 银行流水 (MT940, camt.053, CSV/Excel) and the reconciliation workbench 对账工作台: matching, confirming, claiming 认领.',
  audit: 'The append-only audit trail.',
  platform: 'Operations: health, readiness, metrics, the tenant export.',
  home: 'The home page by role: money figures and to-dos.',
  settings: 'Tenant settings an admin keeps: the company profile 公司信息, document number formats 单据编号.',
  webhooks: 'Webhooks: subscriptions to customer, contract, receivable, payment and write-off events, signed (HMAC-SHA256, `L2C-Signature: t=…,v1=…`), with the delivery log (docs/webhooks.md).',
  operator: 'The operator of the installation (L2C_OPERATOR_TOKEN, no user session): tenants and their first admins.',
};

// Resources whose records belong to an owner (directly or through their customer): data scope applies.
const SCOPED = new Set<string>(['opportunities', 'visits', 'customers', 'pool', 'contacts', 'followups', 'contracts', 'receivables', 'payments', 'write_offs', 'accounts', 'credit', 'approvals', 'invoices']);

interface Permission { resource: Resource; action: Action }
interface RouteFacts {
  permission: Permission | null;
  errors: readonly ErrorSet[];
  download: readonly string[] | null;
  authenticated: boolean;
  /** security: [] — no credentials at all */
  open: boolean;
  hasInput: boolean;
  hasParams: boolean;
  hasBody: boolean;
  versioned: boolean;
  idempotent: boolean;
  rateLimited: boolean;
  paged: boolean;
  bodyExample: unknown;
}

type Json = Record<string, any>;

const PROBLEM = 'application/problem+json';
const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input', 401: 'Not logged in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict with the current state',
  413: 'Too large', 414: 'URI too long', 415: 'Unsupported media type', 423: 'Locked', 422: 'Refused by a business rule', 429: 'Too many requests', 500: 'Internal error',
  503: 'Unavailable for a moment',
};

function shapeOf(schema: unknown): Record<string, unknown> | null {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown } } } | undefined;
  if (!s) return null;
  if (s.shape && typeof s.shape === 'object') return s.shape;
  const inner = s._zod?.def?.in ?? s._zod?.def?.innerType;
  return inner ? shapeOf(inner) : null;
}

function permissionOf(preHandler: unknown): Permission | null {
  for (const h of Array.isArray(preHandler) ? preHandler : [preHandler]) {
    const p = (h as { permission?: Permission } | undefined)?.permission;
    if (p) return p;
  }
  return null;
}

function factsOf(schema: Json, route: Json, url: string): RouteFacts {
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const ok = response['200'] ?? response['201'];
  const rateLimit = route.config?.rateLimit;
  return {
    permission: permissionOf(route.preHandler),
    errors: (schema.errors ?? []) as ErrorSet[],
    download: (schema.download as string[] | undefined) ?? null,
    authenticated: url.startsWith('/api/v1/') && !(Array.isArray(schema.security) && schema.security.length === 0),
    open: Array.isArray(schema.security) && schema.security.length === 0,
    hasInput: Boolean(schema.body || schema.querystring || schema.params || schema.headers),
    hasParams: Boolean(schema.params),
    hasBody: Boolean(schema.body),
    versioned: Boolean(shapeOf(schema.body)?.version),
    idempotent: Boolean(shapeOf(schema.headers)?.['idempotency-key']),
    rateLimited: Boolean(rateLimit && typeof rateLimit === 'object'),
    paged: Boolean(shapeOf(ok)?.nextCursor),
    bodyExample: schema.body ? (z.globalRegistry.get(schema.body as z.ZodType)?.examples as unknown[] | undefined)?.[0] : undefined,
  };
}

/** code → [status, title] of everything this operation can answer with besides success. */
function errorCodes(method: string, f: RouteFacts): Map<string, [number, string]> {
  const out = new Map<string, [number, string]>();
  const add = (code: string, status: number, title: string) => out.set(code, [status, title]);
  const common = (code: string) => {
    const [status, title] = commonError.table[code]!;
    add(`common.${code}`, status, title);
  };
  const write = method !== 'GET' && method !== 'HEAD';
  if (f.hasInput) common('invalid');
  if (f.authenticated) {
    common('unauthenticated');
    if (write) common('csrf');
  }
  if (f.permission) common('forbidden');
  if (f.hasParams) {
    common('not_found');
    common('uri_too_long');
  }
  if (f.versioned) common('version_conflict');
  if (f.idempotent) common('idempotency_mismatch');
  if (f.rateLimited) common('rate_limited');
  if (write && f.authenticated) {
    // a database fact the input broke (platform/pg-errors.ts)
    common('reference_not_found');
    common('duplicate');
    common('check_violation');
    if (method !== 'POST') common('in_use');
  }
  if (f.hasBody) {
    common('too_large');
    common('unsupported_media_type');
  }
  for (const set of f.errors) {
    for (const [code, [status, title]] of Object.entries(set.table)) add(`${set.domain}.${code}`, status, title);
  }
  if (f.authenticated) {
    add('common.overloaded', 503, 'The server is overloaded; try again in a moment');
    add('common.busy', 503, 'The database is busy with conflicting changes; try again in a moment');
  }
  return out;
}

function errorResponses(codes: Map<string, [number, string]>): Json {
  const byStatus = new Map<number, [string, string][]>();
  for (const [code, [status, title]] of codes) {
    if (status < 400 || status >= 500) continue; // a 500 is a defect, never an answer
    byStatus.set(status, [...(byStatus.get(status) ?? []), [code, title]]);
  }
  for (const [code, [status, title]] of codes) if (status === 503) byStatus.set(503, [...(byStatus.get(503) ?? []), [code, title]]);
  const responses: Json = {};
  for (const status of [...byStatus.keys()].sort()) {
    const list = byStatus.get(status)!.sort(([a], [b]) => a.localeCompare(b));
    const [firstCode, firstTitle] = list[0]!;
    const response: Json = {
      description: `${STATUS_TEXT[status] ?? 'Error'}. \`code\` is one of:\n\n${list.map(([c, t]) => `- \`${c}\` — ${t}`).join('\n')}`,
      content: {
        [PROBLEM]: {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              { type: 'object', required: ['code'], properties: { status: { const: status }, code: { type: 'string', enum: list.map(([c]) => c) } } },
            ],
          },
          example: {
            type: `https://l2c.dev/problems/${firstCode}`, title: firstTitle, status, code: firstCode, detail: firstTitle,
            ...(status === 400 ? { errors: [{ path: 'body.name', message: 'Required' }] } : {}),
            requestId: '5f0c6a2e-8d5b-4f7e-9a51-3c1f1b0e2d77',
          },
        },
      },
    };
    if (status === 429 || status === 503) response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
    responses[String(status)] = response;
  }
  return responses;
}

const SUCCESS_TEXT: Record<string, string> = { 200: 'OK.', 201: 'Created.', 202: 'Accepted.', 204: 'Done; no body.' };

const PARAM_DOCS: Record<string, string> = {
  cursor: 'Where the page starts: the `nextCursor` of the previous page, passed back unchanged; omit it for the first page. A cursor is opaque and belongs to one list and one sort order — any other is refused (400 naming `cursor`).',
  limit: 'Page size, 1–200 (default 50).',
  q: 'Search text (name, number, …), at most 100 characters.',
  sort: 'Sort order: a field name, prefixed with `-` for descending (`-createdAt`). Ties are broken by id, so pages never overlap.',
  'idempotency-key': 'Makes the write safe to retry: the same key with the same body answers the first result again (with `Idempotent-Replayed: true`) and books nothing new; the same key with another body is refused (422 `common.idempotency_mismatch`). 8–128 characters of letters, digits, `.` `_` `:` `-`, kept per tenant, caller and operation; use a UUID per intended write.',
  id: 'The id (a UUID) of the record. A record outside your data scope answers 404, as an unknown id does.',
};

function describeParameter(p: Json): void {
  if (p.description) return;
  const name = String(p.name);
  const known = PARAM_DOCS[name.toLowerCase()];
  if (known) p.description = known;
  else if (p.in === 'path') p.description = `The ${name} of the record.`;
  else if (name.endsWith('Id')) p.description = `Filter: only records of this ${name.slice(0, -2)} (an id). An id outside your data scope gives an empty result.`;
  else if (p.in === 'query') p.description = `Filter by \`${name}\`.`;
}

function notes(f: RouteFacts, op: Json): string[] {
  const out: string[] = [];
  if (f.permission) {
    const roles = ROLES.filter((r) => can(r, f.permission!.resource, f.permission!.action));
    out.push(`**Permission:** \`${f.permission.resource}.${f.permission.action}\` (roles: ${roles.join(', ') || 'none'}).`);
    if (SCOPED.has(f.permission.resource)) {
      out.push('**Data scope:** the caller sees the records of their scope — own, team (with sub-teams) or all, by role; lists leave the others out, and a record outside it answers 404 like an unknown id.');
    }
  } else if (f.open) {
    out.push('**No authentication.**');
  }
  if (f.paged) out.push('**Pagination:** keyset — answers `{ items, nextCursor }`; pass `nextCursor` as `cursor` for the next page, until it is `null`.');
  if (f.idempotent) out.push('**Idempotent** with an `Idempotency-Key` header: a retry with the same key and body books nothing new.');
  if (f.versioned) out.push('**Concurrency:** send the `version` you read; a stale one answers 409 `common.version_conflict`.');
  if (f.rateLimited) out.push('**Rate limited:** see the `X-RateLimit-*` headers; past the limit, 429 with `Retry-After`.');
  if (op.summary && !op.description) out.unshift(`${op.summary}.`);
  return out;
}

function finishOperation(method: string, op: Json, f: RouteFacts): void {
  op.description = [op.description, ...notes(f, op)].filter(Boolean).join('\n\n');
  for (const p of op.parameters ?? []) {
    describeParameter(p);
    if (String(p.name).toLowerCase() === 'idempotency-key') p.name = 'Idempotency-Key';
  }
  // Swagger UI shows a request's example: the body schema's first `examples` entry (zod `.meta({ examples })`)
  const media = op.requestBody?.content?.['application/json'];
  if (media && !media.example && f.bodyExample !== undefined) media.example = f.bodyExample;
  const responses: Json = (op.responses ??= {});
  if (f.download) {
    const ok = responses['200'] ?? {};
    responses['200'] = {
      description: ok.description && ok.description !== 'Default Response' ? ok.description : 'The file.',
      headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
      content: Object.fromEntries(f.download.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    };
  }
  for (const [status, r] of Object.entries(responses)) {
    if (!status.startsWith('2')) continue;
    if (!r.description || r.description === 'Default Response') r.description = SUCCESS_TEXT[status] ?? 'Success.';
    if (f.rateLimited) {
      r.headers = {
        ...r.headers,
        'X-RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
        'X-RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
        'X-RateLimit-Reset': { $ref: '#/components/headers/RateLimitReset' },
      };
    }
    if (f.idempotent) r.headers = { ...r.headers, 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } };
  }
  Object.assign(responses, errorResponses(errorCodes(method, f)));
}

function walkRefs(value: unknown, visit: (ref: string, holder: Json) => void): void {
  if (Array.isArray(value)) for (const v of value) walkRefs(v, visit);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (typeof o.$ref === 'string') visit(o.$ref, o);
    for (const v of Object.values(o)) walkRefs(v, visit);
  }
}

/** Drop components no operation reaches, then name a request-only schema without the transform's `Input` suffix. */
function tidyComponents(doc: Json): void {
  const schemas: Json = doc.components.schemas ?? {};
  const used = new Set<string>();
  const reach = (ref: string) => {
    const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : null;
    if (!name || used.has(name) || !schemas[name]) return;
    used.add(name);
    walkRefs(schemas[name], reach);
  };
  walkRefs({ paths: doc.paths, responses: doc.components.responses, parameters: doc.components.parameters }, reach);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  const renames = new Map<string, string>();
  for (const name of Object.keys(schemas)) {
    const base = name.endsWith('Input') ? name.slice(0, -'Input'.length) : null;
    if (base && !schemas[base]) renames.set(name, base);
  }
  for (const [from, to] of renames) {
    schemas[to] = schemas[from];
    delete schemas[from];
  }
  walkRefs(doc, (ref, holder) => {
    const to = renames.get(ref.slice('#/components/schemas/'.length));
    if (to && ref.startsWith('#/components/schemas/')) holder.$ref = `#/components/schemas/${to}`;
  });
  doc.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}

function finishDocument(doc: Json, facts: Map<string, RouteFacts>): Json {
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const f = facts.get(`${method.toUpperCase()} ${path}`);
      if (f) finishOperation(method.toUpperCase(), op, f);
      for (const t of op.tags ?? []) usedTags.add(t);
    }
  }
  const order = Object.keys(TAGS);
  doc.tags = [...usedTags]
    .sort((a, b) => (order.includes(a) ? order.indexOf(a) : 999) - (order.includes(b) ? order.indexOf(b) : 999) || a.localeCompare(b))
    .map((name) => ({ name, description: TAGS[name] ?? `Operations on ${name}.` }));
  tidyComponents(doc);
  return doc;
}

const INFO_DESCRIPTION = `The HTTP API of L2C, a Leads-to-Cash CRM. The web app uses exactly this API.

- **Authentication:** \`Authorization: Bearer <token>\` — the token of \`POST /api/v1/auth/login\` (a session) or an API token
  an admin creates (\`POST /api/v1/api-tokens\`). The web app's session cookie also works; its writes must echo the
  \`l2c_csrf\` cookie in \`X-CSRF-Token\`.
- **Money** is an exact decimal string with its currency (\`"amount": "1234.50", "currency": "CNY"\`), never a JSON number.
- **Errors** are RFC 9457 problem details (\`application/problem+json\`) with a stable \`code\`; every operation lists the
  codes it can answer with, per status.
- **Lists** are keyset-paginated: \`{ items, nextCursor }\`.
- **Data scope:** every request runs as a user of one tenant; the server applies the role's data scope (own / team / all).

For integrators: docs/API.md in the repository (authentication, pagination, errors, idempotency, versioning).`;

export async function registerOpenApi(app: App, opts: OpenApiOptions = {}): Promise<void> {
  const facts = new Map<string, RouteFacts>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'L2C API', version: '1', description: INFO_DESCRIPTION,
        license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
      },
      servers: [opts.publicUrl ? { url: opts.publicUrl.replace(/\/+$/, ''), description: 'L2C_PUBLIC_URL' } : { url: '/', description: 'The server this document came from' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/v1/auth/login, or an API token.' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'l2c_session', description: "The web app's session cookie; writes also need X-CSRF-Token." },
        },
        headers: {
          RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
          RateLimitLimit: { description: 'Requests allowed in the window.', schema: { type: 'integer' } },
          RateLimitRemaining: { description: 'Requests left in the window.', schema: { type: 'integer' } },
          RateLimitReset: { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
          IdempotentReplayed: { description: '`true` when this answer is the stored result of an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: (input) => {
      const { schema, url, route } = input as unknown as { schema: Json | undefined; url: string; route: Json };
      if (schema && !schema.hide) {
        const path = url.replace(/:(\w+)/g, '{$1}');
        const f = factsOf(schema, route, url);
        for (const m of [route.method].flat()) facts.set(`${String(m).toUpperCase()} ${path}`, f);
      }
      const out = jsonSchemaTransform(input);
      if (out.schema) {
        const { errors: _errors, download: _download, ...rest } = out.schema as Json;
        return { ...out, schema: rest };
      }
      return out;
    },
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as Json, facts) as never,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', displayOperationId: true, filter: true, tagsSorter: undefined, defaultModelsExpandDepth: 1 },
  });
  // Built once (about a second for the whole API) and kept as text: ~1 MB, not re-serialized per request
  let text: string | null = null;
  app.get('/api/openapi.json', { schema: { hide: true } }, async (_req, reply) => reply.type('application/json; charset=utf-8').send(text ??= JSON.stringify(app.swagger())));
}
