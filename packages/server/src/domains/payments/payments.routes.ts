// Thin HTTP layer for payments and customer accounts: every /payments route is here. Registering a payment may confirm
// it and write it off in the same transaction, which crosses into receivables: that function comes from
// flows/write-off, given by app.ts (PaymentsDeps), so this domain does not import the flow.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import {
  AccountEntrySchema, BusinessDateSchema, CustomerAccounts, PaymentConfirm, PaymentCreate, PaymentListQuery, PaymentPage, PaymentReject, PaymentSchema,
  RebateEntryCreate, IdSchema, MoneyOrZeroSchema, Text,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import type { ErrorSet } from '../../platform/errors.js';
import { paymentError } from './payments.errors.js';
import { NoContent } from '../../platform/openapi.js';
import type { Stored } from '../../platform/idempotency.js';
import { requireAuth, requirePermission, type AuthContext } from '../../platform/auth.js';
import * as payments from './payments.service.js';
import * as accounts from './accounts.service.js';
import { paymentFilesRoutes } from './payment-files.routes.js';

const IdParams = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();

/** What the payment routes need from outside the domain, given by app.ts. */
export interface PaymentsDeps {
  /** Register a payment, optionally confirm it and write it off, under the request's Idempotency-Key (flows/write-off). */
  registerPayment(db: Db, auth: AuthContext, input: z.infer<typeof PaymentCreate>, idempotencyKey?: string): Promise<Stored<z.infer<typeof PaymentSchema>>>;
  /** The errors registerPayment's write-off can answer with (the flow's table), for the API document. */
  registerPaymentErrors?: readonly ErrorSet[];
}

function send<T>(reply: FastifyReply, stored: Stored<T>) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

export function paymentsRoutes(app: App, db: Db, deps: PaymentsDeps) {
  app.post('/api/v1/payments', {
    schema: { operationId: 'registerPayment', summary: 'Register a payment', description: 'Registers a payment 回款 as claimed. Finance may `confirm` it in the same request, and with `autoApply` write it off at once against the customer\'s open receivables (`oldest_due` first, or by contract / instalment) — all in one transaction. Send an `Idempotency-Key`.', errors: [paymentError.only('customer_not_found', 'duplicate_bank_reference', 'confirm_not_allowed'), ...(deps.registerPaymentErrors ?? [])], tags: ['payments'], headers: IdemHeaders, body: PaymentCreate, response: { 201: PaymentSchema } },
    preHandler: requirePermission('payments', 'create'),
  }, async (req, reply) => send(reply, await deps.registerPayment(db, requireAuth(req), req.body, req.headers['idempotency-key'])));

  app.get('/api/v1/payments', {
    schema: { operationId: 'listPayments', summary: 'List payments', tags: ['payments'], querystring: PaymentListQuery, response: { 200: PaymentPage } },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => payments.listPayments(db, requireAuth(req), req.query));

  app.get('/api/v1/payments/:id', {
    schema: { operationId: 'getPayment', summary: 'Get a payment', errors: [paymentError.only('not_found')], tags: ['payments'], params: IdParams, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'read'),
  }, async (req) => payments.getPayment(db, requireAuth(req), req.params.id));

  app.post('/api/v1/payments/:id/confirm', {
    schema: { operationId: 'confirmPayment', summary: 'Confirm a payment', errors: [paymentError.only('not_found', 'not_claimed', 'confirm_not_allowed')], tags: ['payments'], params: IdParams, body: PaymentConfirm, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => payments.confirmPayment(db, requireAuth(req), req.params.id, req.body.version));

  app.post('/api/v1/payments/:id/reject', {
    schema: { operationId: 'rejectPayment', summary: 'Reject a payment', errors: [paymentError.only('not_found', 'not_claimed', 'has_allocations', 'confirm_not_allowed')], tags: ['payments'], params: IdParams, body: PaymentReject, response: { 200: PaymentSchema } },
    preHandler: requirePermission('payments', 'confirm'),
  }, async (req) => payments.rejectPayment(db, requireAuth(req), req.params.id, req.body.reason, req.body.version));

  paymentFilesRoutes(app, db);

  app.get('/api/v1/customers/:id/accounts', {
    schema: { operationId: 'getCustomerAccounts', summary: 'Get a customer\'s account balances', errors: [paymentError.only('customer_not_found')], tags: ['accounts'], params: IdParams, response: { 200: CustomerAccounts } },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => accounts.customerAccounts(db, requireAuth(req), req.params.id));

  app.get('/api/v1/customers/:id/accounts/:account/entries', {
    schema: { operationId: 'listAccountEntries', summary: 'List a customer\'s account entries', errors: [paymentError.only('customer_not_found')],
      tags: ['accounts'], params: IdParams.extend({ account: z.enum(['prepaid', 'rebate', 'credit']) }),
      querystring: z.object({ from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional() }),
      response: { 200: z.object({ items: z.array(AccountEntrySchema) }) },
    },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => accounts.accountStatement(db, requireAuth(req), req.params.id, req.params.account, req.query.from ?? null, req.query.to ?? null));

  app.post('/api/v1/customers/:id/accounts/rebate/entries', {
    schema: { operationId: 'postRebateEntry', summary: 'Book a rebate entry', errors: [paymentError.only('customer_not_found', 'rebate_negative')], tags: ['accounts'], params: IdParams, body: RebateEntryCreate, response: { 201: z.object({ balance: z.string().meta({ description: 'The rebate account balance after this entry.' }) }) } },
    preHandler: requirePermission('accounts', 'update'),
  }, async (req, reply) => reply.code(201).send(await accounts.postRebate(db, requireAuth(req), req.params.id, req.body)));

  app.put('/api/v1/customers/:id/credit-profile', {
    schema: { operationId: 'setCreditProfile', summary: 'Set a customer\'s credit profile', errors: [paymentError.only('customer_not_found')],
      tags: ['credit'], params: IdParams,
      body: z.object({ creditLimit: MoneyOrZeroSchema, paymentTermDays: z.number().int().min(0).max(3650), riskLevel: z.enum(['low', 'normal', 'high']) }),
      response: { 204: NoContent },
    },
    preHandler: requirePermission('credit', 'update'),
  }, async (req, reply) => {
    await accounts.setCreditProfile(db, requireAuth(req), req.params.id, req.body);
    return reply.code(204).send(undefined);
  });
}
