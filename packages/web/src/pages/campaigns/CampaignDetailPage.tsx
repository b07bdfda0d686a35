// One campaign: what it is (type, status, period, owner, budget, its place in the tree), the ROI card with its own
// figures and the roll-up over its sub-campaigns, and tabs for members (the event flow), the leads it brought, costs,
// ROI and sub-campaigns.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCampaign, useCampaignChildren, type Campaign } from '../../api/campaigns';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { FiguresCard } from './CampaignFigures';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignTable } from './CampaignTable';
import { CostsTab } from './CostsTab';
import { LeadsTab } from './LeadsTab';
import { MembersTab } from './MembersTab';
import { RoiTab } from './RoiTab';

function ChildrenTab({ campaign }: { campaign: Campaign }) {
  const list = useCampaignChildren(campaign.id, true);
  return <CampaignTable rows={list.data?.items ?? []} loading={list.isLoading} />;
}

export default function CampaignDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { money, date } = useFormat();
  const q = useCampaign(id);
  const [form, setForm] = useState<null | { parent: Campaign } | { campaign: Campaign }>(null);
  const canEdit = can('campaigns', 'update');
  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (!q.data) return <Result status="404" title={t('campaign.title')} extra={<Link to="/campaigns">{t('common.back')}</Link>} />;
  const c = q.data;
  const tabs = [
    { key: 'members', label: `${t('campaign.tabs.members')} (${c.own.members})`, children: <MembersTab campaign={c} canEdit={canEdit} /> },
    ...(can('leads', 'read') ? [{ key: 'leads', label: `${t('campaign.tabs.leads')} (${c.own.leads})`, children: <LeadsTab campaignId={c.id} /> }] : []),
    { key: 'costs', label: t('campaign.tabs.costs'), children: <CostsTab campaign={c} canEdit={canEdit} /> },
    { key: 'roi', label: t('campaign.tabs.roi'), children: <RoiTab campaign={c} /> },
    ...(c.childCount > 0 ? [{ key: 'children', label: `${t('campaign.tabs.children')} (${c.childCount})`, children: <ChildrenTab campaign={c} /> }] : []),
  ];
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to="/campaigns">{t('campaign.title')}</Link> },
        ...(c.parent ? [{ title: <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link> }] : []),
        { title: c.name },
      ]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="campaign-title">
            {c.name} <Tag>{c.number}</Tag> <Tag color="blue" data-testid="campaign-status">{t(`campaign.statuses.${c.status}`)}</Tag>
          </Typography.Title>
          {canEdit && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => setForm({ parent: c })} data-testid="campaign-new-child">{t('campaign.newChild')}</Button>
              <Button icon={<EditOutlined />} onClick={() => setForm({ campaign: c })} data-testid="campaign-edit">{t('common.edit')}</Button>
            </Space>
          )}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('campaign.type')}>{t(`campaign.types.${c.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.period')}>{c.startOn ? `${date(c.startOn)} – ${date(c.endOn)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.owner')}>{c.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.budget')}>{money(c.budget, c.currency)}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.parent')}>{c.parent ? <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link> : t('campaign.noParent')}</Descriptions.Item>
          {c.description && <Descriptions.Item label={t('campaign.description')} span={3}>{c.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <FiguresCard own={c.own} rollup={c.rollup} currency={c.currency} hasChildren={c.childCount > 0} />
      <Card><Tabs items={tabs} destroyOnHidden data-testid="campaign-tabs" /></Card>
      <CampaignFormModal target={form} onClose={() => setForm(null)} />
    </div>
  );
}
