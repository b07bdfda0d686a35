// Header: menu button on phones, user name and role, language switch, user menu with logout.
import { DownOutlined, GlobalOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogoutMutation } from '../api/identity';
import { useAuth } from '../auth/useAuth';
import { currentLang, setLang } from '../i18n';
import { useAppApi } from '../lib/appApi';
import { roleLabel } from '../lib/labels';
import { NotificationBell } from './NotificationBell';

export function HeaderBar({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = useAppApi();
  const logoutMutation = useLogoutMutation();

  // the session may already be gone; the mutation logs out locally anyway
  const logout = () => logoutMutation.mutate(undefined, {
    onSettled: () => {
      void message.success(t('header.loggedOut'));
      void navigate('/login', { replace: true });
    },
  });

  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
      <Flex align="center" gap={8}>
        {compact && (
          <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('nav.menu')} data-testid="nav-drawer-toggle" />
        )}
        <strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>{t('app.name')}</strong>
        {!compact && <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>{t('app.tagline')}</span>}
      </Flex>
      <Flex align="center" gap={compact ? 4 : 12}>
        <NotificationBell />
        <Button
          type="text"
          icon={<GlobalOutlined />}
          title={t('header.switchLangTitle')}
          data-testid="lang-switch"
          onClick={() => setLang(currentLang() === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('header.switchLang')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> },
            ],
            onClick: ({ key }) => { if (key === 'logout') void logout(); },
          }}
        >
          <Button type="text" data-testid="user-menu">
            <UserOutlined />
            {!compact && <span>{user?.name}</span>}
            {!compact && user && <Tag style={{ marginInlineEnd: 0 }}>{roleLabel(t, user.role)}</Tag>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Flex>
    </Flex>
  );
}
