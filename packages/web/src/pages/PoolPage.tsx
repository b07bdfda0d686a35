// The public pool 公海: customers without an owner, to claim (reps) or assign (managers).
import { UserSwitchOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClaimCustomerMutation, usePoolList } from '../api/customers';
import type { Customer } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { AssignModal } from '../components/AssignModal';
import { LoadMore } from '../components/LoadMore';
import { SearchBox } from '../components/SearchBox';
import { useFormat } from '../i18n/format';
import { errorText } from '../lib/errors';
import { enumLabel } from '../lib/labels';
import { useUrlFilters } from '../lib/url';

const KEYS = ['q'] as const;

export default function PoolPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [assigning, setAssigning] = useState<Customer | null>(null);
  const canClaim = can('pool', 'claim') || can('customers', 'claim');
  const canAssign = can('pool', 'assign') || can('customers', 'assign');

  const list = usePoolList(filters.q);
  const claimMutation = useClaimCustomerMutation();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const claim = (c: Customer) => claimMutation.mutate(c.id, { onSuccess: () => void message.success(t('pool.claimed')) });

  const columns: TableColumnsType<Customer> = [
    { title: t('customer.fields.number'), dataIndex: 'number', width: 150 },
    { title: t('customer.fields.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/customers/${c.id}`}>{name}</Link> },
    { title: t('customer.fields.industry'), dataIndex: 'industry', render: (v: string | null) => enumLabel(t, 'industry', v) },
    { title: t('customer.fields.region'), dataIndex: 'region', render: (v: string | null) => v ?? '—' },
    { title: t('customer.fields.grade'), dataIndex: 'grade', render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
    { title: t('customer.fields.poolEnteredAt'), dataIndex: 'poolEnteredAt', render: (v: string | null) => fmt.instant(v) },
    { title: t('customer.fields.lastFollowUpAt'), dataIndex: 'lastFollowUpAt', render: (v: string | null) => fmt.instant(v) },
  ];
  if (canClaim || canAssign) {
    columns.push({
      title: t('common.actions'), key: 'actions', fixed: 'right',
      render: (_: unknown, c) => (
        <Flex gap={4}>
          {canClaim && (
            <Button size="small" type="primary" icon={<VerticalAlignBottomOutlined />} loading={claimMutation.isPending && claimMutation.variables === c.id}
              onClick={() => claim(c)} data-testid="pool-claim">
              {t('pool.claim')}
            </Button>
          )}
          {canAssign && (
            <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setAssigning(c)} data-testid="pool-assign">
              {t('pool.assign')}
            </Button>
          )}
        </Flex>
      ),
    });
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>{t('pool.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('pool.intro')}</Typography.Text>
        </div>
        <Row>
          <Col xs={24} md={12} lg={8}>
            <SearchBox value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('pool.searchPlaceholder')} testId="pool-search" />
          </Col>
        </Row>
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<Customer>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pool.empty') }}
          onRow={() => ({ 'data-testid': 'pool-row' }) as HTMLAttributes<HTMLElement>}
          footer={() => (
            <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
          )}
        />
      </Flex>
      <AssignModal customer={assigning} onClose={() => setAssigning(null)} />
    </Card>
  );
}
