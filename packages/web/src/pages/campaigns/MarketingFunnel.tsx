// The marketer's home-page funnel: her campaigns of this year — running now, members checked in, the leads they
// brought, how many reached MQL and were converted — and what it cost against the cash it brought in (ROI).
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarketingFunnel } from '../../api/campaigns';
import { useFormat } from '../../i18n/format';
import { roiPercent } from './CampaignFigures';

export function MarketingFunnel() {
  const { t } = useTranslation();
  const { money } = useFormat();
  const funnel = useMarketingFunnel(true);
  const f = funnel.data;
  if (!f) return null;
  const cell = (key: string, value: string | number, testId: string) => (
    <Col xs={12} sm={8} md={6} lg={3} key={key}>
      <Statistic title={t(`campaign.home.${key}`)} value={value} valueRender={() => <span data-testid={`funnel-${testId}`}>{value}</span>} />
    </Col>
  );
  return (
    <Card size="small" title={<Link to="/campaigns">{`${t('campaign.home.title')} · ${f.year}`}</Link>} data-testid="home-marketing-funnel">
      <Row gutter={[16, 16]}>
        {cell('campaigns', `${f.activeCampaigns} / ${f.campaigns}`, 'campaigns')}
        {cell('leads', f.leads, 'leads')}
        {cell('mql', f.mql, 'mql')}
        {cell('converted', f.converted, 'converted')}
        {cell('cost', money(f.actualCost, f.currency), 'cost')}
        {cell('collected', money(f.collected, f.currency), 'collected')}
        {cell('roi', roiPercent(f.roiCollected), 'roi')}
      </Row>
    </Card>
  );
}
