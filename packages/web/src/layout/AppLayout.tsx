// The signed-in shell: side menu (a drawer on phones), header, and the page. It is on every first screen, so what
// only some screens need loads when needed: the phone drawer (MobileNav) on phones.
import { Button, Grid, Layout, Spin } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useMe } from '../auth/useAuth';
import { errorText } from '../lib/errors';
import { HeaderBar } from './HeaderBar';
import { NavMenu } from './NavMenu';

const { Header, Sider, Content } = Layout;
const MobileNav = lazy(() => import('./MobileNav'));

function Centered({ children }: { children: ReactNode }) {
  return <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>{children}</div>;
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Until the first measurement, assume a desktop; phones are < 768px (antd's md breakpoint).
  const compact = screens.md === false;

  if (me.isPending) return <Centered><Spin size="large" /></Centered>;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = location.pathname + location.search;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Centered>
        <div role="alert" style={{ textAlign: 'center' }}>
          <p style={{ fontSize: 18, color: '#cf1322' }}>{errorText(t, me.error)}</p>
          <Button onClick={() => void me.refetch()}>{t('common.reload')}</Button>
        </div>
      </Centered>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!compact && (
        <Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ height: 16 }} />
          <NavMenu />
        </Sider>
      )}
      {compact && drawerOpen && (
        <Suspense fallback={null}>
          <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
      <Layout>
        <Header style={{ background: '#fff', paddingInline: compact ? 8 : 24, borderBottom: '1px solid #f0f0f0' }}>
          <HeaderBar compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
        </Header>
        <Content style={{ padding: compact ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
