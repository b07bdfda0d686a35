// Thin HTTP layer of webhooks (admins: the settings permission): subscriptions, secret rotation, test events, the
// delivery log and redelivery.
import { z } from 'zod';
import {
  IdSchema, WebhookDeliveryPage, WebhookDeliveryQuery, WebhookDeliverySchema, WebhookSubscriptionInput, WebhookSubscriptionSchema,
  WebhookSubscriptionUpdate, WebhookSubscriptionWithSecret,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { webhookError } from './webhooks.errors.js';
import type { WebhookOptions } from './worker.js';
import * as svc from './webhooks.service.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['webhooks'];

export function webhooksRoutes(app: App, db: Db, opts: WebhookOptions) {
  app.get('/api/v1/webhooks/subscriptions', {
    schema: { operationId: 'listWebhookSubscriptions', summary: 'List webhook subscriptions', tags, response: { 200: z.object({ items: z.array(WebhookSubscriptionSchema) }) } },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => svc.listSubscriptions(db, requireAuth(req)));

  app.post('/api/v1/webhooks/subscriptions', {
    schema: {
      operationId: 'createWebhookSubscription', summary: 'Subscribe a URL to events',
      description: 'The answer carries the signing secret, shown this once. Deliveries are POSTs signed with `L2C-Signature: t=…,v1=…` (docs/webhooks.md).',
      errors: [webhookError.only('bad_url')], tags, body: WebhookSubscriptionInput, response: { 201: WebhookSubscriptionWithSecret },
    },
    preHandler: requirePermission('settings', 'update'),
  }, async (req, reply) => reply.code(201).send(await svc.createSubscription(db, requireAuth(req), req.body, opts)));

  app.get('/api/v1/webhooks/subscriptions/:id', {
    schema: { operationId: 'getWebhookSubscription', summary: 'Get a webhook subscription', errors: [webhookError.only('not_found')], tags, params: IdParams, response: { 200: WebhookSubscriptionSchema } },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => svc.getSubscription(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/webhooks/subscriptions/:id', {
    schema: { operationId: 'updateWebhookSubscription', summary: 'Change a subscription (URL, events, on/off)', errors: [webhookError.only('not_found', 'bad_url', 'conflict')], tags, params: IdParams, body: WebhookSubscriptionUpdate, response: { 200: WebhookSubscriptionSchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => svc.updateSubscription(db, requireAuth(req), req.params.id, req.body, opts));

  app.post('/api/v1/webhooks/subscriptions/:id/rotate-secret', {
    schema: { operationId: 'rotateWebhookSecret', summary: 'Replace the signing secret', description: 'The new secret is shown this once and signs from now on.', errors: [webhookError.only('not_found')], tags, params: IdParams, response: { 200: WebhookSubscriptionWithSecret } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req) => svc.rotateSecret(db, requireAuth(req), req.params.id));

  app.post('/api/v1/webhooks/subscriptions/:id/test', {
    schema: { operationId: 'sendWebhookTestEvent', summary: 'Send a test event', description: 'Queues a `webhook.test` event for this subscription only; it shows in the delivery log.', errors: [webhookError.only('not_found', 'inactive')], tags, params: IdParams, response: { 201: WebhookDeliverySchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req, reply) => reply.code(201).send(await svc.sendTestEvent(db, requireAuth(req), req.params.id)));

  app.get('/api/v1/webhooks/deliveries', {
    schema: { operationId: 'listWebhookDeliveries', summary: 'The delivery log', description: 'Newest first: status, response code, latency, attempts and the next try.', tags, querystring: WebhookDeliveryQuery, response: { 200: WebhookDeliveryPage } },
    preHandler: requirePermission('settings', 'read'),
  }, async (req) => svc.listDeliveries(db, requireAuth(req), req.query));

  app.post('/api/v1/webhooks/deliveries/:id/redeliver', {
    schema: { operationId: 'redeliverWebhook', summary: 'Send a delivery\'s event again', errors: [webhookError.only('not_found', 'inactive')], tags, params: IdParams, response: { 201: WebhookDeliverySchema } },
    preHandler: requirePermission('settings', 'update'),
  }, async (req, reply) => reply.code(201).send(await svc.redeliver(db, requireAuth(req), req.params.id, opts)));
}
