// The signed-in shell: side menu (a drawer on phones), header, and the page.
import { Button, Drawer, Grid, Layout, Result, Spin } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useMe } from '../auth/useAuth';
import { errorText } from '../lib/errors';
import { HeaderBar } from './HeaderBar';
import { NavMenu } from './NavMenu';

const { Header, Sider, Content } = Layout;

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
        <Result
          status="error"
          title={errorText(t, me.error)}
          extra={<Button onClick={() => void me.refetch()}>{t('common.reload')}</Button>}
        />
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
      {compact && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t('app.name')}
          destroyOnHidden
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
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
