// Opportunities 商机: the list (filters by status, process, text) and the kanban of a process (drag between stages).
import { PlusOutlined } from '@ant-design/icons';
import { OPPORTUNITY_STATUSES } from '@l2c/shared';
import { Button, Card, Flex, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOpportunityList, useSalesProcesses, type OpportunitySummary } from '../../api/opportunities';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { useUrlFilters } from '../../lib/url';
import { KanbanBoard } from './KanbanBoard';
import { OpportunityFormModal } from './OpportunityFormModal';

const KEYS = ['view', 'q', 'status', 'processId'] as const;
const STATUS_COLORS = { open: 'blue', won: 'green', lost: 'default' } as const;

export default function OpportunityListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [creating, setCreating] = useState(false);
  const processes = useSalesProcesses();
  const view = filters.view === 'kanban' ? 'kanban' : 'list';
  const list = useOpportunityList({ q: filters.q, status: filters.status, processId: filters.processId });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns = [
    { title: t('opp.number'), dataIndex: 'number', render: (v: string, r: OpportunitySummary) => <Link to={`/opportunities/${r.id}`}>{v}</Link> },
    { title: t('opp.name'), dataIndex: 'name' },
    { title: t('opp.customer'), render: (_: unknown, r: OpportunitySummary) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> },
    { title: t('opp.stage'), render: (_: unknown, r: OpportunitySummary) => <span>{r.stage.name} <Typography.Text type="secondary">{r.stage.probability}%</Typography.Text></span> },
    { title: t('opp.amount'), align: 'right' as const, render: (_: unknown, r: OpportunitySummary) => fmt.money(r.amount, r.currency) },
    { title: t('opp.weighted'), align: 'right' as const, render: (_: unknown, r: OpportunitySummary) => fmt.money(r.weightedAmount, r.currency) },
    { title: t('opp.closeDate'), render: (_: unknown, r: OpportunitySummary) => fmt.date(r.closeDate) },
    { title: t('opp.status'), render: (_: unknown, r: OpportunitySummary) => <Tag color={STATUS_COLORS[r.status]}>{t(`opp.statuses.${r.status}`)}</Tag> },
    { title: t('opp.owner'), render: (_: unknown, r: OpportunitySummary) => r.owner?.name },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('opp.title')}</Typography.Title>
        <Space>
          <Segmented value={view} onChange={(v) => setFilters({ view: v === 'kanban' ? 'kanban' : null })} data-testid="opp-view"
            options={[{ value: 'list', label: t('opp.list') }, { value: 'kanban', label: t('opp.kanban') }]} />
          {can('opportunities', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opp-new">{t('opp.new')}</Button>}
        </Space>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('opp.process')} value={filters.processId} onChange={(v) => setFilters({ processId: v ?? null })} style={{ width: 180 }}
          options={(processes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        {view === 'list' && (
          <>
            <Input.Search allowClear placeholder={t('opp.search')} defaultValue={filters.q} onSearch={(q) => setFilters({ q: q.trim() || null })} style={{ width: 260 }} />
            <Select allowClear placeholder={t('opp.allStatuses')} value={filters.status} onChange={(v) => setFilters({ status: v ?? null })} style={{ width: 130 }}
              options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`opp.statuses.${s}`) }))} />
          </>
        )}
      </Space>
      {view === 'kanban' ? <KanbanBoard process={filters.processId} /> : (
        <>
          <Table rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false} scroll={{ x: 1000 }} data-testid="opp-table" />
          <div style={{ marginTop: 12 }}>
            <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
          </div>
        </>
      )}
      <OpportunityFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
