// Lead forms: the admin side (marketers) and the public submission endpoint a page embeds (no session; key, origin,
// honeypot, rate limit, consent). CORS: only an allowed origin gets Access-Control-Allow-Origin, on the preflight and
// on the answer.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdSchema, LeadFormInput, LeadFormSchema, LeadFormUpdate, PublicLeadSubmission, Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { NoContent } from '../../platform/openapi.js';
import { leadError } from './leads.errors.js';
import * as forms from './forms.service.js';

const IdParams = z.object({ id: IdSchema });
const KeyParams = z.object({ key: Text.trim().regex(/^lf_[A-Za-z0-9_-]{16,64}$/, 'a form key (lf_…)') });
const tags = ['leads'];
/** Per visitor address and form: enough for people (a few tries a minute), too few for a script. */
export const SUBMISSIONS_PER_MINUTE = 10;

function cors(reply: FastifyReply, origin: string | undefined) {
  reply.header('vary', 'Origin');
  if (!origin) return;
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-allow-methods', 'POST, OPTIONS');
  reply.header('access-control-allow-headers', 'content-type');
  reply.header('access-control-max-age', '600');
}

export function leadFormsRoutes(app: App, db: Db) {
  app.get('/api/v1/lead-forms', {
    schema: { operationId: 'listLeadForms', summary: 'List the web-to-lead forms', tags, response: { 200: z.object({ items: z.array(LeadFormSchema) }) } },
    preHandler: requirePermission('lead_forms', 'read'),
  }, async (req) => forms.listForms(db, requireAuth(req)));

  app.post('/api/v1/lead-forms', {
    schema: { operationId: 'createLeadForm', summary: 'Create a web-to-lead form', description: 'Answers the form with its public `key`; embed it with the snippet the form page shows.', errors: [leadError.only('campaign_not_found')], tags, body: LeadFormInput, response: { 201: LeadFormSchema } },
    preHandler: requirePermission('lead_forms', 'create'),
  }, async (req, reply) => reply.code(201).send(await forms.createForm(db, requireAuth(req), req.body)));

  app.get('/api/v1/lead-forms/:id', {
    schema: { operationId: 'getLeadForm', summary: 'Get a web-to-lead form', errors: [leadError.only('form_not_found')], tags, params: IdParams, response: { 200: LeadFormSchema } },
    preHandler: requirePermission('lead_forms', 'read'),
  }, async (req) => forms.getForm(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/lead-forms/:id', {
    schema: { operationId: 'updateLeadForm', summary: 'Update a web-to-lead form', errors: [leadError.only('form_not_found', 'campaign_not_found')], tags, params: IdParams, body: LeadFormUpdate, response: { 200: LeadFormSchema } },
    preHandler: requirePermission('lead_forms', 'update'),
  }, async (req) => forms.updateForm(db, requireAuth(req), req.params.id, req.body));

  const path = '/api/v1/public/lead-forms/:key/submissions';
  // The browser's preflight for a JSON post from another site: browsers send it, not clients.
  app.options(path, {
    schema: { operationId: 'preflightLeadForm', summary: 'CORS preflight of a web-to-lead form (public)', description: 'Answers 204; an allowed origin gets its Access-Control-Allow-* headers, any other none (the browser then does not post).', security: [], tags, params: KeyParams, response: { 204: NoContent } },
  }, async (req, reply) => {
    const origin = req.headers.origin;
    const form = await forms.publicForm(db, req.params.key);
    if (form && origin && forms.originAllowed(form, origin)) cors(reply, origin);
    return reply.code(204).send(undefined);
  });

  app.post(path, {
    schema: {
      operationId: 'submitLeadForm', summary: 'Submit a web-to-lead form (public)', security: [],
      description: `No session: the form's key names it. A page on one of the form's allowed origins may post (CORS); the consent box is required and recorded with its text, the time and the visitor's address; a filled honeypot \`website\` is accepted and dropped. At most ${SUBMISSIONS_PER_MINUTE} per minute per address and form.`,
      errors: [leadError.only('form_closed', 'origin_not_allowed', 'empty')], tags, params: KeyParams, body: PublicLeadSubmission,
      response: { 202: z.object({ accepted: z.literal(true) }) },
    },
    // An allowed origin gets its CORS headers before anything can fail, so its page can read a 400 or 429 too.
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      const origin = req.headers.origin;
      const key = (req.params as { key?: string }).key;
      if (!origin || !key || !/^lf_[A-Za-z0-9_-]{16,64}$/.test(key)) return;
      const form = await forms.publicForm(db, key);
      if (form && forms.originAllowed(form, origin)) cors(reply, origin);
    },
    config: { rateLimit: { max: SUBMISSIONS_PER_MINUTE, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `${req.ip}:${String((req.params as { key?: string }).key ?? '')}` } },
  }, async (req, reply) => {
    const result = await forms.submit(db, req.params.key, req.headers.origin, req.ip ?? null, req.body, req.id);
    return reply.code(202).send(result);
  });
}
