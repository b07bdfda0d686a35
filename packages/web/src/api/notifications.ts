// Notifications 通知: the latest ones with the unread count (polled for the bell), mark one or all read.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { notificationKeys } from './keys';
import { useApiMutation, type ErrorHandling } from './query';
import type { AppNotification, Page } from './types';

export { notificationKeys };

const enc = encodeURIComponent;

export const notifications = {
  list: (unreadOnly = false, limit = 20) =>
    api<Page<AppNotification> & { unreadCount: number }>('/notifications', { query: { unreadOnly: String(unreadOnly), limit } }),
  read: (id: string) => api<AppNotification>(`/notifications/${enc(id)}/read`, { method: 'POST', body: {} }),
  readAll: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST', body: {} }),
};

export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.all, queryFn: () => notifications.list(false, 20), enabled, refetchInterval: 60_000 });
}

/** Mark one read (nothing to send when it already is); the list refreshes either way, as the bell expects. */
export function useReadNotificationMutation(handling?: ErrorHandling) {
  return useApiMutation({
    mutationFn: async (n: AppNotification) => { if (!n.readAt) await notifications.read(n.id); },
    invalidates: () => [notificationKeys.all],
  }, handling);
}

export function useReadAllNotificationsMutation(handling?: ErrorHandling) {
  return useApiMutation({ mutationFn: () => notifications.readAll(), invalidates: () => [notificationKeys.all] }, handling);
}
