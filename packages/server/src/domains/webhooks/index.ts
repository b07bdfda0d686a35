// webhooks: tenants subscribe URLs to the events of the outbox (platform/outbox.ts: customer, contract, receivable,
// payment and write-off changes); a sender in every process fans committed events out and POSTs them signed
// (HMAC-SHA256 over timestamp and body), retried with backoff, logged per attempt. It offers
// - webhooksRoutes (subscriptions, delivery log, test event, redelivery);
// - startWebhookWorker / runWebhooksOnce, the sender (app.ts starts it; tests run a round at will);
// - sign, for receivers' tests and the docs' example.
// It owns webhook_subscriptions, webhook_deliveries and webhook_attempts (tables.ts).
export { webhooksRoutes } from './webhooks.routes.js';
export { startWebhookWorker, runWebhooksOnce, DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './worker.js';
export { sign, isPrivateAddress } from './delivery.js';
export { webhookError } from './webhooks.errors.js';
// - createDemoSubscription: the demo's (switched-off) subscription, through the same rules as the API.
export { createSubscription as createDemoSubscription } from './webhooks.service.js';
