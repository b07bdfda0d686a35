// The campaign tree as nested tables: a row expands into its sub-campaigns (fetched when opened), each with the
// roll-up of its own subtree — cost against budget, leads, won amount, cash collected and ROI.
import { Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { dec } from '@l2c/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaignChildren, type Campaign } from '../../api/campaigns';
import { useFormat } from '../../i18n/format';
import { roiPercent } from './CampaignFigures';

const STATUS_COLOR: Record<string, string> = { planned: 'default', active: 'processing', completed: 'success', cancelled: 'error' };

export function useCampaignColumns(): ColumnsType<Campaign> {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  return [
    {
      title: t('campaign.name'), key: 'name',
      render: (_, c) => (
        <span>
          <Link to={`/campaigns/${c.id}`} data-testid={`campaign-link-${c.number}`}>{c.name}</Link>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>{c.number}</Typography.Text>
        </span>
      ),
    },
    { title: t('campaign.type'), key: 'type', width: 110, render: (_, c) => t(`campaign.types.${c.type}`) },
    { title: t('campaign.status'), key: 'status', width: 100, render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`campaign.statuses.${c.status}`)}</Tag> },
    { title: t('campaign.period'), key: 'period', width: 200, render: (_, c) => (c.startOn ? `${date(c.startOn)} – ${date(c.endOn)}` : '—') },
    { title: t('campaign.owner'), key: 'owner', width: 100, render: (_, c) => c.owner?.name ?? '—' },
    {
      title: `${t('campaign.figures.actualCost')} / ${t('campaign.figures.budget')}`, key: 'cost', width: 220,
      render: (_, c) => {
        const budget = dec(c.rollup.budget);
        const pct = budget.isZero() ? 0 : Math.min(100, dec(c.rollup.actualCost).div(budget).times(100).toNumber());
        return (
          <div>
            <div>{money(c.rollup.actualCost, c.currency)} / {money(c.rollup.budget, c.currency)}</div>
            {!budget.isZero() && <Progress percent={Math.round(pct)} size="small" showInfo={false} status={pct >= 100 ? 'exception' : 'normal'} />}
          </div>
        );
      },
    },
    { title: t('campaign.figures.leads'), key: 'leads', width: 80, align: 'right', render: (_, c) => c.rollup.leads },
    { title: t('campaign.figures.wonAmount'), key: 'won', width: 140, align: 'right', render: (_, c) => money(c.rollup.wonAmount, c.currency) },
    { title: t('campaign.figures.collected'), key: 'collected', width: 140, align: 'right', render: (_, c) => money(c.rollup.collected, c.currency) },
    { title: t('campaign.figures.roiCollected'), key: 'roi', width: 110, align: 'right', render: (_, c) => <span data-testid={`campaign-roi-${c.number}`}>{roiPercent(c.rollup.roiCollected)}</span> },
  ];
}

function Children({ parent }: { parent: Campaign }) {
  const list = useCampaignChildren(parent.id, true);
  return <CampaignTable rows={list.data?.items ?? []} loading={list.isLoading} nested />;
}

export function CampaignTable({ rows, loading, nested = false }: { rows: Campaign[]; loading: boolean; nested?: boolean }) {
  const columns = useCampaignColumns();
  return (
    <Table<Campaign>
      rowKey="id" size="small" columns={columns} dataSource={rows} loading={loading} pagination={false} showHeader={!nested}
      data-testid={nested ? undefined : 'campaign-table'} scroll={{ x: 1300 }}
      expandable={{ rowExpandable: (c) => c.childCount > 0, expandedRowRender: (c) => <Children parent={c} /> }}
    />
  );
}
