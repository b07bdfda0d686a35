// The bell in the header: unread count, the latest notifications in a popover; opening one marks it read and goes
// to what it is about (a receivable, a contract, the approval inbox).
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifications, useReadAllNotificationsMutation, useReadNotificationMutation } from '../api/notifications';
import type { AppNotification } from '../api/types';
import { useAuth } from '../auth/useAuth';
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

export function NotificationBell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications(can('notifications', 'read'));
  const read = useReadNotificationMutation();
  const readAllMutation = useReadAllNotificationsMutation();
  if (!can('notifications', 'read')) return null;
  const unread = list.data?.unreadCount ?? 0;

  // going to what it is about does not wait for (or depend on) marking it read
  const openItem = (n: AppNotification) => {
    setOpen(false);
    read.mutate(n);
    const to = targetOf(n);
    if (to) void navigate(to);
  };
  const readAll = () => readAllMutation.mutate();

  const content = (
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

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('notification.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
