// The operator's API: tenants, outside /api/v1 and its sessions. One bearer token from configuration
// (L2C_OPERATOR_TOKEN) — the operator runs the installation, is nobody's user, and is off until that is set.
import crypto from 'node:crypto';
import { z } from 'zod';
import { Text } from '@l2c/shared';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { createTenant, listTenants } from './tenants.service.js';
import { workspaceError } from './workspace.errors.js';

const TenantCreate = z.object({
  slug: Text.trim().regex(/^[a-z0-9-]{2,60}$/, 'lowercase letters, digits, dashes (2–60)'),
  name: Text.trim().min(1).max(120),
  timezone: Text.trim().min(1).max(60).optional(),
  admin: z.object({
    email: Text.trim().toLowerCase().email(), name: Text.trim().min(1).max(60),
    password: Text.min(8).max(200).optional(), locale: z.enum(['zh-CN', 'en']).optional(),
  }),
});
const TenantCreated = z.object({
  tenantId: z.string(), slug: z.string(), name: z.string(), adminId: z.string(), adminEmail: z.string(),
  initialPassword: z.string().nullable().describe('the generated password when none was sent; shown this once'),
});
const TenantItem = z.object({ id: z.string(), slug: z.string(), name: z.string(), timezone: z.string(), createdAt: z.string() });

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function operatorRoutes(app: App, db: Db, opts: { token: string | null }) {
  const requireOperator = async (req: FastifyRequest) => {
    if (!opts.token) throw workspaceError('operator_off');
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameSecret(given, opts.token)) throw workspaceError('operator_unauthenticated');
  };

  app.post('/api/operator/tenants', {
    schema: {
      operationId: 'createTenant', summary: 'Create a tenant with its first admin', tags: ['operator'], security: [{ bearer: [] }], errors: [workspaceError],
      description: 'Operator only: `Authorization: Bearer $L2C_OPERATOR_TOKEN`; 404 while that variable is unset.',
      body: TenantCreate, response: { 201: TenantCreated },
    },
    preHandler: requireOperator,
  }, async (req, reply) => reply.code(201).send(await createTenant(db, req.body)));

  app.get('/api/operator/tenants', {
    schema: {
      operationId: 'listTenants', summary: 'List every tenant', tags: ['operator'], security: [{ bearer: [] }], errors: [workspaceError.only('operator_off', 'operator_unauthenticated')],
      description: 'Operator only: `Authorization: Bearer $L2C_OPERATOR_TOKEN`; 404 while that variable is unset.',
      response: { 200: z.object({ items: z.array(TenantItem) }) },
    },
    preHandler: requireOperator,
  }, async () => ({ items: await listTenants(db) }));
}
