// Contract list: search, status / kind / customer filters, sortable amount and dates, cursor pagination; and the
// performance alerts (instalments or deliveries whose date passed unfulfilled).
import { PlusOutlined } from '@ant-design/icons';
import { CONTRACT_KINDS, CONTRACT_STATUSES } from '@l2c/shared';
import { Alert, Button, Card, Col, Collapse, Flex, Progress, Row, Select, Table, Tag, Typography, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useContractAlerts, useContractList } from '../../api/contracts';
import type { ContractSummary } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { CustomerSelect } from '../../components/CustomerSelect';
import { LoadMore } from '../../components/LoadMore';
import { Money } from '../../components/cash/Money';
import { StatusTag } from '../../components/cash/StatusTag';
import { SearchBox } from '../../components/SearchBox';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel, enumOptions } from '../../lib/labels';
import { useUrlFilters } from '../../lib/url';

const KEYS = ['q', 'status', 'kind', 'customerId', 'sort'] as const;
const DEFAULT_SORT = '-createdAt';

export default function ContractListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const query = { ...filters, sort: filters.sort ?? DEFAULT_SORT };
  const list = useContractList(query);
  const alerts = useContractAlerts();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`contract.fields.${k}`);
  const sortField = query.sort.replace(/^-/, '');
  const order = (key: string): SortOrder => (sortField === key ? (query.sort.startsWith('-') ? 'descend' : 'ascend') : null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: order(key), sortDirections: ['ascend', 'descend'] as SortOrder[] });
  const onChange: TableProps<ContractSummary>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ContractSummary> | undefined;
    setFilters({ sort: !s?.order || !s.columnKey ? null : `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` });
  };
  const col = { xs: 24, sm: 12, md: 6 };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('contract.list.title')}</Typography.Title>
            {can('contracts', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/contracts/new')} data-testid="contract-new">
                {t('contract.list.new')}
              </Button>
            )}
          </Flex>
          <Row gutter={[8, 8]}>
            <Col xs={24} md={12} lg={6}>
              <SearchBox value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('contract.list.searchPlaceholder')} testId="contract-search" />
            </Col>
            <Col {...col} lg={5}>
              <Select allowClear style={{ width: '100%' }} placeholder={f('status')} value={filters.status}
                onChange={(v?: string) => setFilters({ status: v ?? null })} options={enumOptions(t, 'contractStatus', CONTRACT_STATUSES)} data-testid="contract-filter-status" />
            </Col>
            <Col {...col} lg={5}>
              <Select allowClear style={{ width: '100%' }} placeholder={f('kind')} value={filters.kind}
                onChange={(v?: string) => setFilters({ kind: v ?? null })} options={enumOptions(t, 'contractKind', CONTRACT_KINDS)} />
            </Col>
            <Col {...col} lg={8}>
              <CustomerSelect style={{ width: '100%' }} value={filters.customerId ?? null} onChange={(v) => setFilters({ customerId: v })} placeholder={f('customer')} />
            </Col>
          </Row>
          {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
          <Table<ContractSummary>
            rowKey="id"
            size="middle"
            dataSource={items}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onChange={onChange}
            showSorterTooltip={false}
            onRow={() => ({ 'data-testid': 'contract-row' }) as HTMLAttributes<HTMLElement>}
            footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
            columns={[
              { title: f('number'), dataIndex: 'number', ...sortable('number'), render: (v: string, c) => <Link to={`/contracts/${c.id}`} data-testid="contract-link">{v}</Link> },
              { title: f('title'), dataIndex: 'title', ellipsis: true, width: 260, render: (v: string, c) => <Link to={`/contracts/${c.id}`} data-testid="contract-title-link">{v}</Link> },
              { title: f('customer'), dataIndex: ['customer', 'name'], render: (_v, c) => <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link> },
              { title: f('kind'), dataIndex: 'kind', render: (v: string) => <Tag>{enumLabel(t, 'contractKind', v)}</Tag> },
              { title: f('status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="contractStatus" value={v} /> },
              { title: f('amountInclTax'), dataIndex: 'amountInclTax', align: 'right', ...sortable('amountInclTax'), render: (v: string, c) => <Money amount={v} currency={c.currency} /> },
              { title: t('lists.collected'), dataIndex: 'amountCollected', align: 'right', render: (v: string, c) => <Money amount={v} currency={c.currency} data-testid="contract-collected" /> },
              { title: t('lists.uncollected'), dataIndex: 'amountUncollected', align: 'right', render: (v: string, c) => <Money amount={v} currency={c.currency} /> },
              { title: t('lists.progress'), dataIndex: 'collectedPercent', width: 130, render: (v: string | null) => (v === null ? '—' : <Progress percent={Number(v)} size="small" format={() => `${v}%`} />) },
              { title: f('signedOn'), dataIndex: 'signedOn', ...sortable('signedOn'), render: (v: string | null) => fmt.date(v) },
              { title: f('owner'), dataIndex: ['owner', 'name'], render: (_v, c) => c.owner?.name ?? '—' },
              { title: f('createdAt'), dataIndex: 'createdAt', ...sortable('createdAt'), render: (v: string) => fmt.instant(v) },
            ]}
          />
        </Flex>
      </Card>
      {alerts.data && alerts.data.items.length > 0 && (
        <Collapse
          items={[{
            key: 'alerts',
            label: <span data-testid="contract-alerts">{t('contract.list.alerts')} <Tag color="orange">{alerts.data.items.length}</Tag></span>,
            children: (
              <Table
                size="small"
                rowKey={(a) => `${a.kind}-${a.instalmentId}`}
                dataSource={alerts.data.items}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: f('number'), render: (_v, a) => <Link to={`/contracts/${a.contract.id}`}>{a.contract.number}</Link> },
                  { title: f('customer'), render: (_v, a) => a.customer.name },
                  { title: t('contract.list.alerts'), render: (_v, a) => <Tag color="orange">{t(`contract.list.alertKinds.${a.kind}`)}</Tag> },
                  { title: t('contract.plan.seq'), dataIndex: 'seq' },
                  { title: t('contract.plan.dueDate'), dataIndex: 'dueDate', render: (v: string) => fmt.date(v) },
                  { title: '', dataIndex: 'daysLate', render: (v: number) => t('contract.list.daysLate', { days: v }) },
                  { title: t('contract.plan.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money amount={v} /> },
                  { title: f('owner'), render: (_v, a) => a.owner?.name ?? '—' },
                ]}
              />
            ),
          }]}
        />
      )}
    </Flex>
  );
}
