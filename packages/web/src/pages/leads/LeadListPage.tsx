// Leads 线索: the caller's leads and the pool (a marketer sees all), filtered by status, source, campaign and owner,
// with the score once scoring has one; new lead and import for those who may.
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { LEAD_SOURCES, LEAD_STATUSES } from '@l2c/shared';
import { Button, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignList } from '../../api/campaigns';
import { useLeadList } from '../../api/leads';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { UserSelect } from '../../components/UserSelect';
import { useUrlFilters } from '../../lib/url';
import { LeadCreateModal } from './LeadCreateModal';
import { LeadImportModal } from './LeadImportModal';
import { LeadTable } from './LeadTable';

const KEYS = ['q', 'status', 'source', 'campaignId', 'ownerId'] as const;

export default function LeadListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useLeadList(filters);
  const campaigns = useCampaignList({});
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const campaignOptions = (campaigns.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('lead.title')}</Typography.Title>
        <Space>
          {can('leads', 'import') && <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="lead-import">{t('lead.import')}</Button>}
          {can('leads', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-new">{t('lead.new')}</Button>}
        </Space>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('lead.search')} defaultValue={filters.q} onSearch={(q) => setFilters({ q: q.trim() || null })} style={{ width: 260 }} data-testid="lead-search" />
        <Select allowClear placeholder={t('lead.allStatuses')} value={filters.status} onChange={(v) => setFilters({ status: v ?? null })} style={{ width: 150 }} data-testid="lead-filter-status"
          options={LEAD_STATUSES.map((v) => ({ value: v, label: t(`lead.statuses.${v}`) }))} />
        <Select allowClear placeholder={t('lead.allSources')} value={filters.source} onChange={(v) => setFilters({ source: v ?? null })} style={{ width: 130 }}
          options={LEAD_SOURCES.map((v) => ({ value: v, label: t(`lead.sources.${v}`) }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('lead.campaign')} value={filters.campaignId} onChange={(v) => setFilters({ campaignId: v ?? null })} style={{ width: 200 }} options={campaignOptions} />
        <UserSelect placeholder={t('lead.owner')} value={filters.ownerId} onChange={(v) => setFilters({ ownerId: v ?? null })} style={{ width: 160 }} />
      </Space>
      <LeadTable rows={rows} loading={list.isLoading} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </div>
      <LeadCreateModal open={creating} onClose={() => setCreating(false)} />
      <LeadImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
