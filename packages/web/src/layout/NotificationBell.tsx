// The bell in the header: unread count, the latest notifications in a popover; opening one marks it read and goes
// to what it is about (a receivable, a contract, the approval inbox).
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '../api/endpoints';
import type { AppNotification } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { useFormat } from '../i18n/format';
import { useShowError } from '../lib/errors';

const KEY = ['notifications'] as const;

function targetOf(n: AppNotification): string | null {
  if (n.kind.startsWith('approval.pending')) return '/approvals';
  if (n.entityType === 'receivable' && n.entityId) return `/receivables?id=${n.entityId}`;
  if (n.entityType === 'contract' && n.entityId) return `/contracts/${n.entityId}`;
  if (n.kind.startsWith('contract.') && n.entityId) return `/contracts/${n.entityId}`;
  if (n.entityType === 'contract_amendment') return '/contracts';
  return null;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: KEY, queryFn: () => notifications.list(false, 20), enabled: can('notifications', 'read'), refetchInterval: 60_000,
  });
  if (!can('notifications', 'read')) return null;
  const unread = list.data?.unreadCount ?? 0;

  const openItem = async (n: AppNotification) => {
    setOpen(false);
    try {
      if (!n.readAt) await notifications.read(n.id);
    } catch (e) {
      showError(e);
    }
    void queryClient.invalidateQueries({ queryKey: KEY });
    const to = targetOf(n);
    if (to) void navigate(to);
  };
  const readAll = async () => {
    try {
      await notifications.readAll();
      void queryClient.invalidateQueries({ queryKey: KEY });
    } catch (e) {
      showError(e);
    }
  };

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
