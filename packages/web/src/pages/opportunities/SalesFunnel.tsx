// The sales rep's (and manager's) funnel on the home page: open opportunities per stage with their amounts, win rate,
// and this quarter's forecast figures (commit with the manager's adjustment beside it, weighted). Loaded lazily, only
// for the roles that sell.
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useForecast, useFunnel } from '../../api/opportunities';
import { useFormat } from '../../i18n/format';

export function SalesFunnel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const funnel = useFunnel();
  const today = dayjs();
  const quarter = `${today.year()}-Q${Math.floor(today.month() / 3) + 1}`;
  const forecast = useForecast(quarter, 'rep');
  const total = forecast.data?.totals.find((x) => x.currency === 'CNY') ?? forecast.data?.totals[0];
  const adjusted = forecast.data?.rows.filter((r) => r.commit.adjusted !== null) ?? [];
  if (!funnel.data) return null;
  const open = funnel.data.stages.filter((s) => s.stage.kind === 'open');
  const top = Math.max(1, ...open.map((s) => s.open));
  return (
    <Card size="small" title={<Link to="/pipeline">{t('opp.funnel.title')}</Link>} data-testid="home-sales-funnel">
      <Row gutter={16}>
        <Col xs={12} md={6}><Statistic title={`${t('opp.forecast.commit')} ${quarter}`} value={total ? fmt.money(total.commit, total.currency) : '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('opp.forecast.weightedF')} value={total ? fmt.money(total.weighted, total.currency) : '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('opp.forecast.pipeline')} value={total ? fmt.money(total.pipeline, total.currency) : '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('opp.funnel.winRate')} value={funnel.data.winRate ?? '—'} suffix={funnel.data.winRate ? '%' : ''} /></Col>
      </Row>
      {adjusted.map((r) => (
        <Typography.Text key={r.subject.id} type="warning" style={{ display: 'block', fontSize: 12 }}>
          {r.subject.name} · {t('opp.forecast.adjusted')} {fmt.money(r.commit.adjusted!, r.currency)} ({t('opp.forecast.adjustedBy', { name: r.commit.adjustedBy?.name ?? '' })})
        </Typography.Text>
      ))}
      <div style={{ marginTop: 12 }}>
        {open.map((s) => (
          <Flex key={s.stage.id} align="center" gap={8} style={{ marginBottom: 4 }}>
            <span style={{ width: 80 }}>{s.stage.name}</span>
            <div style={{ flex: 1 }}><div style={{ width: `${Math.max(2, (s.open * 100) / top)}%`, background: '#1677ff', height: 14, borderRadius: 3 }} /></div>
            <span style={{ width: 180, textAlign: 'right' }}>{s.open} · {s.openAmounts.map((a) => fmt.money(a.amount, a.currency)).join(' / ') || '—'}</span>
          </Flex>
        ))}
      </div>
    </Card>
  );
}
