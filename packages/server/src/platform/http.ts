// The HTTP platform: Fastify with zod validation and serialization, OpenAPI from the same schemas,
// problem+json errors, security headers, cookies, uploads, request ids in structured JSON logs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError } from './errors.js';
import { loggerOptions } from './log.js';
import { pgProblem } from './pg-errors.js';
import { cleanInputValidatorCompiler } from './validation.js';
import { registerOpenApi } from './openapi.js';
import { l2cSerializerCompiler } from './fast-json.js';
import { securityHeaders } from './security-headers.js';
import type { TrustProxy } from './config.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface HttpOptions {
  logLevel: string;
  webDist: string | null;
  /** Proxies whose X-Forwarded-* headers count (config L2C_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** L2C_PUBLIC_URL: the `servers` of the OpenAPI document. */
  publicUrl?: string | null;
}

function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type: extra.code ? `https://l2c.dev/problems/${extra.code}` : 'about:blank', title, status, ...extra };
}

export async function buildHttp(opts: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(opts.logLevel), // JSON lines, or short lines on a terminal (platform/log.ts)
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    // Only named proxies: trusting every peer let any client pick its req.ip, and so its login rate-limit bucket.
    // A hop count trusts that many proxies nearest to us, whatever their addresses (what proxy-addr does for a number).
    trustProxy: typeof opts.trustProxy === 'number' ? ((_addr: string, hop: number) => hop < (opts.trustProxy as number)) : (opts.trustProxy ?? false),
    // What the router refuses before a route is found (a path id past maxParamLength, a malformed URL) is a problem
    // document with a code like every other answer, not Fastify's own JSON.
    frameworkErrors: (err, req, reply) => {
      const [status, code] = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, 'common.uri_too_long'] : [400, 'common.invalid'];
      const title = status === 414 ? 'A path parameter is longer than the server accepts' : 'Invalid input';
      return (reply as unknown as import('fastify').FastifyReply).code(status).type('application/problem+json').send(
        problem(status, title, { code, detail: err.message, ...(status === 400 ? { errors: [{ path: 'url', message: err.message }] } : {}), requestId: req.id }),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(cleanInputValidatorCompiler);
  app.setSerializerCompiler(l2cSerializerCompiler); // zod, or fast-json-stringify for schemas marked fastResponse()
  app.decorateRequest('auth', null);
  // A callback hook, not an async one: it runs on every response, and an async hook costs a promise each time.
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    // API answers carry customer data and are per caller: no browser or proxy cache keeps them (errors included).
    // The web app's static files, outside /api/, keep their caching; a route that set its own (private, no-store) keeps it.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // helmet's headers, computed once (platform/security-headers.ts); written on the raw response as helmet did, so a
  // route's own header of the same name still wins
  const headers = securityHeaders();
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app, { publicUrl: opts.publicUrl }); // /api/openapi.json and /api/docs (platform/openapi.ts)

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => ({
        path: [where === 'body' ? '' : where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.') ||
          where,
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).type('application/problem+json').send(
        problem(400, 'Invalid input', { code: 'common.invalid', detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, requestId: req.id }),
      );
    }
    // A database error the input provoked (an unknown reference, a duplicate, an impossible value) is the client's
    // problem, not a defect: platform/pg-errors.ts names the field.
    const known = err instanceof DomainError ? err : pgProblem(err, ['GET', 'HEAD'].includes(req.method) ? 'query' : 'body');
    if (known) {
      // a refusal worth repeating (common.busy once inTenant's retries are spent): say when to come back
      if (typeof known.extra.retryAfterSeconds === 'number') reply.header('retry-after', String(known.extra.retryAfterSeconds));
      return reply.code(known.status).type('application/problem+json').send(
        problem(known.status, known.message, { code: known.code, detail: known.message, ...known.extra, requestId: req.id }),
      );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response does not match its schema');
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'unhandled error');
    const title = status === 500 ? 'Internal error' : err.message;
    // The closed set of codes (the OpenAPI document lists them): what Fastify refuses before a route runs gets a common one.
    const code = status === 429 ? 'common.rate_limited' : status === 500 ? 'common.internal' : status === 413 ? 'common.too_large'
      : status === 415 ? 'common.unsupported_media_type' : status === 400 ? 'common.invalid' : `http.${err.code ?? status}`;
    // A body Fastify cannot parse (not JSON, prototype keys, empty with a JSON content type) is a 400 about the body.
    const errors = status === 400 && err.code?.startsWith('FST_ERR_CTP_') ? [{ path: 'body', message: err.message }] : undefined;
    return reply.code(status).type('application/problem+json').send(problem(status, title, { code, detail: title, ...(errors ? { errors } : {}), requestId: req.id }));
  });

  // The built web app, with a single-page fallback for its client-side routes.
  if (opts.webDist && fs.existsSync(opts.webDist)) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') return notFound(req, reply);
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler(notFound);
  }
  return app;
}

function notFound(req: { id: string; method: string; url: string }, reply: import('fastify').FastifyReply) {
  return reply.code(404).type('application/problem+json').send(
    problem(404, 'Not found', { code: 'common.not_found', detail: `${req.method} ${req.url.split('?')[0]} does not exist`, requestId: req.id }),
  );
}
