// The figures a marketer checks on a campaign: budget against actual cost, the event funnel (members → checked in →
// leads → MQL → converted), opportunities won, cash collected and the two ROI ratios (as percent, from the exact
// 4-decimal ratio the server rounded). `data-testid`s name each figure for the browser tests.
import { dec } from '@l2c/shared';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignFigures } from '../../api/campaigns';
import { useFormat } from '../../i18n/format';

/** "1.2500" → "125.00 %"; null → "—". */
export function roiPercent(roi: string | null): string {
  return roi === null ? '—' : `${dec(roi).times(100).toFixed(2)} %`;
}

export function FiguresRow({ f, currency, prefix }: { f: CampaignFigures; currency: string; prefix: string }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const cell = (key: string, value: string | number, testId: string, title?: string) => (
    <Col xs={12} sm={8} md={6} lg={4} key={key}>
      <Tooltip title={title}><Statistic title={t(`campaign.figures.${key}`)} value={value} valueRender={() => <span data-testid={`${prefix}-${testId}`}>{value}</span>} /></Tooltip>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {cell('budget', money(f.budget, currency), 'budget')}
      {cell('actualCost', money(f.actualCost, currency), 'cost')}
      {cell('members', f.members, 'members')}
      {cell('checkedIn', f.checkedIn, 'checked-in')}
      {cell('leads', f.leads, 'leads')}
      {cell('mql', f.mql, 'mql')}
      {cell('converted', f.converted, 'converted')}
      {cell('won', `${f.won} / ${f.opportunities}`, 'won')}
      {cell('wonAmount', money(f.wonAmount, currency), 'won-amount')}
      {cell('collected', money(f.collected, currency), 'collected')}
      {cell('roiWon', roiPercent(f.roiWon), 'roi-won', f.roiWon === null ? t('campaign.roi.noCost') : undefined)}
      {cell('roiCollected', roiPercent(f.roiCollected), 'roi-collected', f.roiCollected === null ? t('campaign.roi.noCost') : undefined)}
    </Row>
  );
}

export function FiguresCard({ own, rollup, currency, hasChildren }: { own: CampaignFigures; rollup: CampaignFigures; currency: string; hasChildren: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={hasChildren ? t('campaign.figures.rollup') : t('campaign.roi.title')} data-testid="campaign-roi-card" style={{ marginBottom: 16 }}>
        <FiguresRow f={rollup} currency={currency} prefix="rollup" />
      </Card>
      {hasChildren && (
        <Card size="small" title={t('campaign.figures.own')} style={{ marginBottom: 16 }}>
          <FiguresRow f={own} currency={currency} prefix="own" />
        </Card>
      )}
    </>
  );
}
