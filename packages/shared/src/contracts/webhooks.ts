// Webhooks: the closed registry of events a tenant can subscribe to, subscriptions and their delivery log.
// A new domain adds its events to WEBHOOK_EVENT_TYPES (and their labels in the web app's webhooks i18n files);
// platform/outbox.ts accepts only these names, so a misspelled event does not compile.
import { z } from 'zod';
import { CursorSchema, IdSchema, Text, pageOf } from './common.js';

export const WEBHOOK_EVENT_TYPES = [
  'customer.created', 'customer.updated',
  'contract.status_changed',
  'receivable.created', 'receivable.status_changed',
  'payment.registered', 'payment.confirmed', 'payment.rejected',
  'write_off.created', 'write_off.reversed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** What "send test event" sends; never written by a domain. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WebhookSubscriptionInput = z.object({
  url: Text.trim().min(8).max(500).meta({ description: 'https:// (or http://) address that receives POSTs; private and loopback addresses are refused unless the server allows them (L2C_WEBHOOK_ALLOW_PRIVATE=1).' }),
  description: Text.trim().max(200).nullish().transform((v) => v || null),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
  active: z.boolean().default(true),
});
export const WebhookSubscriptionUpdate = z.object({
  url: WebhookSubscriptionInput.shape.url.optional(),
  description: Text.trim().max(200).nullish().transform((v) => v || null),
  events: WebhookSubscriptionInput.shape.events.optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});

export const WebhookSubscriptionSchema = z.object({
  id: z.string(), url: z.string(), description: z.string().nullable(), events: z.array(z.string()), active: z.boolean(),
  secretHint: z.string().meta({ description: 'The secret\'s last four characters; the whole secret is shown once.' }),
  createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
  stats: z.object({ pending: z.number().int(), succeeded: z.number().int(), dead: z.number().int() }),
}).meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;
/** Creation and rotation answer with the secret, once. */
export const WebhookSubscriptionWithSecret = WebhookSubscriptionSchema.extend({ secret: z.string() }).meta({ id: 'WebhookSubscriptionWithSecret' });

export const WebhookAttemptSchema = z.object({ attempt: z.number().int(), at: z.string(), statusCode: z.number().int().nullable(), latencyMs: z.number().int(), error: z.string().nullable() });
export const WebhookDeliverySchema = z.object({
  id: z.string(), subscriptionId: z.string(), url: z.string(), eventId: z.string(), eventType: z.string(), kind: z.enum(['event', 'redelivery', 'test']),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES), attempts: z.number().int(), maxAttempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(), lastError: z.string().nullable(), lastLatencyMs: z.number().int().nullable(),
  lastAttemptAt: z.string().nullable(), nextAttemptAt: z.string().nullable(), deliveredAt: z.string().nullable(), createdAt: z.string(),
  body: z.string(), history: z.array(WebhookAttemptSchema),
}).meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryPage = pageOf(WebhookDeliverySchema).meta({ id: 'WebhookDeliveryPage' });
export const WebhookDeliveryQuery = z.object({
  subscriptionId: IdSchema.optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional(),
});
