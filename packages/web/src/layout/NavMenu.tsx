// The side menu, grouped by domain. Items the user may not read are hidden.
import { AuditOutlined, HomeOutlined, InboxOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth';

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/customers')) return 'customers';
  if (pathname.startsWith('/pool')) return 'pool';
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/settings/tokens')) return 'tokens';
  return 'home';
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();

  const link = (to: string, testId: string, label: string) => (
    <Link to={to} data-testid={testId} onClick={onNavigate}>{label}</Link>
  );

  const crm: NonNullable<MenuProps['items']> = [];
  if (can('customers', 'read')) {
    crm.push({ key: 'customers', icon: <TeamOutlined />, label: link('/customers', 'nav-customers', t('nav.customers')) });
  }
  if (can('pool', 'read')) {
    crm.push({ key: 'pool', icon: <InboxOutlined />, label: link('/pool', 'nav-pool', t('nav.pool')) });
  }
  const system: NonNullable<MenuProps['items']> = [];
  if (can('audit', 'read')) {
    system.push({ key: 'audit', icon: <AuditOutlined />, label: link('/audit', 'nav-audit', t('nav.audit')) });
  }
  if (can('tokens', 'read')) {
    system.push({ key: 'tokens', icon: <KeyOutlined />, label: link('/settings/tokens', 'nav-tokens', t('nav.tokens')) });
  }

  const items: MenuProps['items'] = [
    { key: 'home', icon: <HomeOutlined />, label: link('/', 'nav-home', t('nav.home')) },
    ...(crm.length ? [{ type: 'group' as const, key: 'crm', label: t('nav.crm'), children: crm }] : []),
    ...(system.length ? [{ type: 'group' as const, key: 'system', label: t('nav.system'), children: system }] : []),
  ];

  return <Menu mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} style={{ borderInlineEnd: 0 }} />;
}
