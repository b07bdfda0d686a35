// Home: a welcome and a few counts (customers visible to the user, customers waiting in the pool).
import { InboxOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCustomerCount, usePoolCount } from '../api/customers';
import type { Page } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { roleLabel } from '../lib/labels';

const COUNT_LIMIT = 200;

function countText(page: Page<unknown> | undefined, t: (k: string, o?: Record<string, unknown>) => string) {
  if (!page) return '—';
  return page.nextCursor ? t('home.more', { count: page.items.length }) : String(page.items.length);
}

export default function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, scope, can } = useAuth();
  const canCustomers = can('customers', 'read');
  const canPool = can('pool', 'read');
  const mine = useCustomerCount(COUNT_LIMIT, canCustomers);
  const inPool = usePoolCount(COUNT_LIMIT, canPool);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: user?.name ?? '' })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.subtitle', {
            tenant: user?.tenantName ?? '',
            role: roleLabel(t, user?.role),
            scope: scope ? t(`scope.${scope}`) : '',
          })}
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {canCustomers && (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              <Link to="/customers">
                <Statistic
                  title={t('home.myCustomers')}
                  value={countText(mine.data, t)}
                  loading={mine.isPending}
                  prefix={<TeamOutlined />}
                />
              </Link>
            </Card>
          </Col>
        )}
        {canPool && (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              <Link to="/pool">
                <Statistic
                  title={t('home.poolCustomers')}
                  value={countText(inPool.data, t)}
                  loading={inPool.isPending}
                  prefix={<InboxOutlined />}
                />
              </Link>
            </Card>
          </Col>
        )}
      </Row>
      <Card title={t('home.quickLinks')}>
        <Flex gap={8} wrap>
          {can('customers', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')}>{t('home.newCustomer')}</Button>
          )}
          {canCustomers && <Button icon={<TeamOutlined />} onClick={() => void navigate('/customers')}>{t('home.goCustomers')}</Button>}
          {canPool && <Button icon={<InboxOutlined />} onClick={() => void navigate('/pool')}>{t('home.goPool')}</Button>}
        </Flex>
      </Card>
    </Flex>
  );
}
