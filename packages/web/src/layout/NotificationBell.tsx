// The bell in the header: unread count; the latest notifications in a popover whose content (NotificationList) loads
// when it is first opened — the first screen carries only the bell.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../api/notifications';
import { useAuth } from '../auth/useAuth';

const NotificationList = lazy(() => import('./NotificationList'));

export function NotificationBell() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const list = useNotifications(can('notifications', 'read'));
  if (!can('notifications', 'read')) return null;
  const unread = list.data?.unreadCount ?? 0;
  const content = open ? (
    <Suspense fallback={<div style={{ width: 'min(360px, calc(100vw - 32px))', minHeight: 60 }} />}>
      <NotificationList onNavigate={() => setOpen(false)} />
    </Suspense>
  ) : null;

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
