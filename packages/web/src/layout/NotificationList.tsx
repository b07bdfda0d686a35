// The bell's popover content (loaded when the bell is first opened): the latest notifications; opening one marks it
// read and goes to what it is about.
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifications, useReadAllNotificationsMutation, useReadNotificationMutation } from '../api/notifications';
import type { AppNotification } from '../api/types';
import { useFormat } from '../i18n/format';

function targetOf(n: AppNotification): string | null {
  if (n.kind.startsWith('approval.pending')) return '/approvals';
  if (n.entityType === 'receivable' && n.entityId) return `/receivables?id=${n.entityId}`;
  if (n.entityType === 'contract' && n.entityId) return `/contracts/${n.entityId}`;
  if (n.kind.startsWith('contract.') && n.entityId) return `/contracts/${n.entityId}`;
  if (n.entityType === 'contract_amendment') return '/contracts';
  if (n.entityType === 'invoice_request' && n.entityId) return `/invoices?id=${n.entityId}`;
  return null;
}

export default function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const list = useNotifications(true);
  const read = useReadNotificationMutation();
  const readAllMutation = useReadAllNotificationsMutation();
  const unread = list.data?.unreadCount ?? 0;

  // going to what it is about does not wait for (or depend on) marking it read
  const openItem = (n: AppNotification) => {
    onNavigate();
    read.mutate(n);
    const to = targetOf(n);
    if (to) void navigate(to);
  };
  const readAll = () => readAllMutation.mutate();

  return (
    <div style={{ width: 'min(360px, calc(100vw - 32px))', maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        {unread > 0 && <Button type="link" size="small" onClick={() => void readAll()} data-testid="notification-read-all">{t('notification.markAll')}</Button>}
      </Flex>
      {list.isPending && <Spin />}
      {list.data && list.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />}
      {list.data?.items.map((n) => (
        <div
          key={n.id}
          role="button"
          tabIndex={0}
          onClick={() => void openItem(n)}
          onKeyDown={(e) => { if (e.key === 'Enter') void openItem(n); }}
          data-testid="notification-item"
          style={{ padding: '8px 4px', borderTop: '1px solid #f0f0f0', cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff' }}
        >
          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          {n.body && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.body}</Typography.Text></div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt.instant(n.createdAt)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
