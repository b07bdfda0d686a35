// Webhooks (admins): subscriptions (the secret is shown once, at creation and rotation), the delivery log, a test
// event and redelivery. The server signs and sends; this module only administers.
import { useQuery } from '@tanstack/react-query';
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEventType, WebhookSubscription } from '@l2c/shared';
import { api } from './client';
import { auditKeys } from './audit';
import { useApiMutation, type ErrorHandling } from './query';
import type { Page } from './types';

export type { WebhookDelivery, WebhookSubscription, WebhookEventType };
const enc = encodeURIComponent;

export interface SubscriptionInput { url: string; description: string | null; events: WebhookEventType[]; active: boolean }
export type WithSecret = WebhookSubscription & { secret: string };

export const webhooks = {
  list: () => api<{ items: WebhookSubscription[] }>('/webhooks/subscriptions'),
  create: (s: SubscriptionInput) => api<WithSecret>('/webhooks/subscriptions', { method: 'POST', body: s }),
  update: (id: string, patch: Partial<SubscriptionInput> & { version?: number }) => api<WebhookSubscription>(`/webhooks/subscriptions/${enc(id)}`, { method: 'PATCH', body: patch }),
  rotate: (id: string) => api<WithSecret>(`/webhooks/subscriptions/${enc(id)}/rotate-secret`, { method: 'POST', body: {} }),
  test: (id: string) => api<WebhookDelivery>(`/webhooks/subscriptions/${enc(id)}/test`, { method: 'POST', body: {} }),
  deliveries: (q: { subscriptionId?: string | undefined; status?: WebhookDeliveryStatus | undefined }, cursor?: string) =>
    api<Page<WebhookDelivery>>('/webhooks/deliveries', { query: { ...q, limit: 50, cursor } }),
  redeliver: (id: string) => api<WebhookDelivery>(`/webhooks/deliveries/${enc(id)}/redeliver`, { method: 'POST', body: {} }),
};

export const webhookKeys = {
  all: ['webhooks'] as const,
  subscriptions: ['webhooks', 'subscriptions'] as const,
  deliveries: (subscriptionId: string | undefined, status: string | undefined) => ['webhooks', 'deliveries', subscriptionId ?? '', status ?? ''] as const,
};

export function useWebhookSubscriptions() {
  return useQuery({ queryKey: webhookKeys.subscriptions, queryFn: webhooks.list });
}
/** The delivery log's newest 50; refreshed every few seconds while it is open, since the sender works after the request. */
export function useWebhookDeliveries(subscriptionId: string | undefined, status: WebhookDeliveryStatus | undefined) {
  return useQuery({ queryKey: webhookKeys.deliveries(subscriptionId, status), queryFn: () => webhooks.deliveries({ subscriptionId, status }), refetchInterval: 3000 });
}
export function useCreateWebhookMutation(handling?: ErrorHandling<SubscriptionInput>) {
  return useApiMutation({ mutationFn: webhooks.create, invalidates: () => [webhookKeys.all, auditKeys.all] }, handling);
}
export function useUpdateWebhookMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: ({ id, ...patch }: Partial<SubscriptionInput> & { id: string; version?: number }) => webhooks.update(id, patch),
    invalidates: () => [webhookKeys.all, auditKeys.all],
  }, handling);
}
export function useRotateWebhookSecretMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => webhooks.rotate(id), invalidates: () => [webhookKeys.subscriptions, auditKeys.all] }, handling);
}
export function useSendTestWebhookMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => webhooks.test(id), invalidates: () => [webhookKeys.all] }, handling);
}
export function useRedeliverWebhookMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: (id: string) => webhooks.redeliver(id), invalidates: () => [webhookKeys.all] }, handling);
}
