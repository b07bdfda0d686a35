// Thin HTTP layer for payments and customer accounts. Registering a payment lives in flows/write-off, because it
// may confirm and write off in the same transaction.
import { z } from 'zod';
import { AccountEntrySchema, BusinessDateSchema, CustomerAccounts, PaymentConfirm, PaymentListQuery, PaymentPage, PaymentReject, PaymentSchema, RebateEntryCreate, IdSchema, MoneyOrZeroSchema } from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import * as payments from './payments.service.js';
import * as accounts from './accounts.service.js';
import { paymentFilesRoutes } from './payment-files.routes.js';

const IdParams = z.object({ id: IdSchema });

export function paymentsRoutes(app: App, db: Db) {
  app.get('/api/v1/payments', {
    schema: { tags: ['payments'], querystring: PaymentListQuery, response: { 200: PaymentPage } },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => payments.listPayments(db, requireAuth(req), req.query));

  app.get('/api/v1/payments/:id', {
    schema: { tags: ['payments'], params: IdParams, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => payments.getPayment(db, requireAuth(req), req.params.id));

  app.post('/api/v1/payments/:id/confirm', {
    schema: { tags: ['payments'], params: IdParams, body: PaymentConfirm, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => payments.confirmPayment(db, requireAuth(req), req.params.id, req.body.version));

  app.post('/api/v1/payments/:id/reject', {
    schema: { tags: ['payments'], params: IdParams, body: PaymentReject, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => payments.rejectPayment(db, requireAuth(req), req.params.id, req.body.reason, req.body.version));

  paymentFilesRoutes(app, db);

  app.get('/api/v1/customers/:id/accounts', {
    schema: { tags: ['accounts'], params: IdParams, response: { 200: CustomerAccounts } },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => accounts.customerAccounts(db, requireAuth(req), req.params.id));

  app.get('/api/v1/customers/:id/accounts/:account/entries', {
    schema: {
      tags: ['accounts'], params: IdParams.extend({ account: z.enum(['prepaid', 'rebate', 'credit']) }),
      querystring: z.object({ from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional() }),
      response: { 200: z.object({ items: z.array(AccountEntrySchema) }) },
    },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => accounts.accountStatement(db, requireAuth(req), req.params.id, req.params.account, req.query.from ?? null, req.query.to ?? null));

  app.post('/api/v1/customers/:id/accounts/rebate/entries', {
    schema: { tags: ['accounts'], params: IdParams, body: RebateEntryCreate },
    preHandler: requirePermission('accounts', 'update'),
  }, async (req, reply) => reply.code(201).send(await accounts.postRebate(db, requireAuth(req), req.params.id, req.body)));

  app.put('/api/v1/customers/:id/credit-profile', {
    schema: {
      tags: ['credit'], params: IdParams,
      body: z.object({ creditLimit: MoneyOrZeroSchema, paymentTermDays: z.number().int().min(0).max(3650), riskLevel: z.enum(['low', 'normal', 'high']) }),
    },
    preHandler: requirePermission('credit', 'update'),
  }, async (req, reply) => {
    await accounts.setCreditProfile(db, requireAuth(req), req.params.id, req.body);
    return reply.code(204).send();
  });
}
