// The return on a campaign: each sub-campaign's roll-up, the opportunities it brought (those the viewer may see) with
// the contract each won one became and the cash collected on it, and the definition the figures follow.
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaignRoi, type Campaign, type CampaignRoi } from '../../api/campaigns';
import { useFormat } from '../../i18n/format';
import { roiPercent } from './CampaignFigures';

type Child = CampaignRoi['children'][number];
type Opp = CampaignRoi['opportunities'][number];

export function RoiTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const roi = useCampaignRoi(campaign.id);
  const cur = campaign.currency;
  const childColumns: ColumnsType<Child> = [
    { title: t('campaign.name'), key: 'name', render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { title: t('campaign.figures.actualCost'), key: 'cost', align: 'right', render: (_, c) => money(c.rollup.actualCost, cur) },
    { title: t('campaign.figures.leads'), key: 'leads', align: 'right', render: (_, c) => c.rollup.leads },
    { title: t('campaign.figures.wonAmount'), key: 'won', align: 'right', render: (_, c) => money(c.rollup.wonAmount, cur) },
    { title: t('campaign.figures.collected'), key: 'collected', align: 'right', render: (_, c) => money(c.rollup.collected, cur) },
    { title: t('campaign.figures.roiWon'), key: 'roiWon', align: 'right', render: (_, c) => roiPercent(c.rollup.roiWon) },
    { title: t('campaign.figures.roiCollected'), key: 'roiCollected', align: 'right', render: (_, c) => roiPercent(c.rollup.roiCollected) },
  ];
  const oppColumns: ColumnsType<Opp> = [
    { title: t('campaign.roi.opportunity'), key: 'name', render: (_, o) => <Link to={`/opportunities/${o.id}`}>{o.name}</Link> },
    { title: t('campaign.roi.campaign'), key: 'campaign', render: (_, o) => o.campaignName },
    { title: t('campaign.roi.status'), key: 'status', render: (_, o) => <Tag color={o.status === 'won' ? 'green' : o.status === 'lost' ? 'red' : 'blue'}>{t(`campaign.roi.oppStatuses.${o.status}`, { defaultValue: o.status })}</Tag> },
    { title: t('campaign.roi.amount'), key: 'amount', align: 'right', render: (_, o) => money(o.amount, o.currency) },
    { title: t('campaign.roi.contract'), key: 'contract', render: (_, o) => (o.contractId ? <Link to={`/contracts/${o.contractId}`}>{o.contractNumber}</Link> : '—') },
    { title: t('campaign.roi.collected'), key: 'collected', align: 'right', render: (_, o) => money(o.collected, o.currency) },
  ];
  return (
    <div>
      {roi.data && roi.data.children.length > 0 && (
        <>
          <Typography.Title level={5}>{t('campaign.roi.children')}</Typography.Title>
          <Table<Child> rowKey="id" size="small" columns={childColumns} dataSource={roi.data.children} pagination={false} style={{ marginBottom: 16 }} />
        </>
      )}
      <Typography.Title level={5}>{t('campaign.roi.opportunities')}</Typography.Title>
      <Table<Opp> rowKey="id" size="small" columns={oppColumns} dataSource={roi.data?.opportunities ?? []} loading={roi.isLoading} pagination={false} data-testid="roi-opportunities" />
      {roi.data && <Alert type="info" showIcon style={{ marginTop: 16 }} message={t('campaign.roi.definition')} description={t('campaign.roi.definitionText')} />}
    </div>
  );
}
