// POST /leads/{id}/convert: the flow's route (it writes customers, contacts, opportunities and leads in one transaction).
import { z } from 'zod';
import { IdSchema, LeadConvert, LeadConversionResult, Text } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { leadError } from '../../domains/leads/index.js';
import { customerError } from '../../domains/customers/index.js';
import { opportunityError } from '../../domains/opportunities/index.js';
import { convertLead } from './conversion.flow.js';

const IdParams = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();

export function leadConversionRoutes(app: App, db: Db) {
  app.post('/api/v1/leads/:id/convert', {
    schema: {
      operationId: 'convertLead', summary: 'Convert a lead into a customer, a contact and an opportunity',
      description: 'In one transaction: a new customer (or `customerId`, the existing one dedup found), a contact from the lead\'s person, and an opportunity carrying the lead and its campaign; the lead becomes converted and keeps its history. A converted lead is refused (409 `leads.converted`); send an `Idempotency-Key` to repeat a request safely.',
      errors: [leadError.only('not_found', 'converted', 'bad_transition', 'in_pool'), customerError.only('not_found', 'duplicate', 'duplicate_credit_code', 'owner_not_found'), opportunityError],
      tags: ['leads'], params: IdParams, headers: IdemHeaders, body: LeadConvert, response: { 201: LeadConversionResult },
    },
    preHandler: requirePermission('leads', 'update'),
  }, async (req, reply) => {
    const stored = await convertLead(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key']);
    if (stored.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(stored.body); // the only status the flow stores
  });
}
