// Campaigns 市场活动: the tree of campaigns (top level first, a row opens into its sub-campaigns) with their roll-up
// figures; filters by text, type, status and year (a filtered list shows matching campaigns at any level).
import { PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from '@l2c/shared';
import { Button, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignList } from '../../api/campaigns';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { useUrlFilters } from '../../lib/url';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignTable } from './CampaignTable';

const KEYS = ['q', 'type', 'status', 'year'] as const;

export default function CampaignListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [creating, setCreating] = useState(false);
  const list = useCampaignList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const thisYear = new Date().getFullYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('campaign.title')}</Typography.Title>
        {can('campaigns', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">{t('campaign.new')}</Button>
        )}
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('campaign.search')} defaultValue={filters.q} onSearch={(q) => setFilters({ q: q.trim() || null })} style={{ width: 240 }} data-testid="campaign-search" />
        <Select allowClear placeholder={t('campaign.allTypes')} value={filters.type} onChange={(v) => setFilters({ type: v ?? null })} style={{ width: 140 }}
          options={CAMPAIGN_TYPES.map((v) => ({ value: v, label: t(`campaign.types.${v}`) }))} />
        <Select allowClear placeholder={t('campaign.allStatuses')} value={filters.status} onChange={(v) => setFilters({ status: v ?? null })} style={{ width: 140 }}
          options={CAMPAIGN_STATUSES.map((v) => ({ value: v, label: t(`campaign.statuses.${v}`) }))} />
        <Select allowClear placeholder={t('campaign.year')} value={filters.year} onChange={(v) => setFilters({ year: v ?? null })} style={{ width: 110 }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </Space>
      <CampaignTable rows={rows} loading={list.isLoading} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </div>
      <CampaignFormModal target={creating ? { parent: null } : null} onClose={() => setCreating(false)} />
    </Card>
  );
}
