// Aging dashboard 账龄分析: as-of date and grouping; total open / overdue and DSO (simple and countback) as figures;
// bucket bars and the table (both drill down to the receivables); the 12-month trend; the top overdue customers.
import { AGING_GROUPS } from '@l2c/shared';
import { Alert, Card, Col, DatePicker, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgingReport, useAgingTrend, useDso, useTopOverdue } from '../../api/collections';
import type { TopOverdue } from '../../api/types';
import { AgingBucketChart } from '../../components/aging/AgingBucketChart';
import { AgingDrillDrawer, type Drill } from '../../components/aging/AgingDrillDrawer';
import { AgingTable } from '../../components/aging/AgingTable';
import { AgingTrendChart } from '../../components/aging/AgingTrendChart';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { bucketLabel, sharePercent } from '../../lib/aging';
import { fromYmd, today, toYmd } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { useUrlFilters } from '../../lib/url';

const KEYS = ['asOf', 'groupBy'] as const;
type TopItem = TopOverdue['items'][number];

function Figure({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} valueRender={() => <span style={{ fontSize: 20 }} data-testid={testId}>{children}</span>} />
    </Card>
  );
}

export default function AgingDashboardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useUrlFilters(KEYS);
  const asOf = params.asOf;
  const groupBy = params.groupBy ?? 'customer';
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = useAgingReport(asOf, groupBy);
  const trend = useAgingTrend(12);
  const top = useTopOverdue(asOf);
  const dso = useDso(asOf);
  const r = report.data;

  const openDrill = (key: string | undefined, label: string | undefined, bucket: string | undefined) => {
    if (!r) return;
    const b = r.buckets.find((x) => x.key === bucket);
    const bucketName = bucket === 'overdue' ? t('aging.overdueBucket') : b ? bucketLabel(t, b) : t('aging.all');
    setDrill({ asOf, groupBy: r.groupBy, key, bucket, title: `${label ?? t('aging.all')} · ${bucketName}` });
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('aging.title')}</Typography.Title>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">{t('aging.asOf')}</Typography.Text>
            <DatePicker
              value={fromYmd(asOf) ?? today()}
              onChange={(d) => setParams({ asOf: d && !d.isSame(today(), 'day') ? toYmd(d) : null })}
              disabledDate={(d) => d.isAfter(today(), 'day')}
              allowClear={false}
              data-testid="aging-asof"
            />
            <Typography.Text type="secondary">{t('aging.groupBy')}</Typography.Text>
            <Select style={{ width: 130 }} value={groupBy} onChange={(v: string) => setParams({ groupBy: v })} data-testid="aging-group-by"
              options={AGING_GROUPS.map((g) => ({ value: g, label: t(`aging.groups.${g}`) }))} />
          </Flex>
        </Flex>
        {asOf && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('aging.asOfHistory')} />}
      </Card>
      {report.isError && <Alert type="error" showIcon title={errorText(t, report.error)} />}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.totalOpen')} testId="aging-total-open">{r ? <span data-value={r.totals.total}>{fmt.money(r.totals.total, r.currency)}</span> : '—'}</Figure></Col>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.overdue')} testId="aging-total-overdue">{r ? <span style={{ color: '#cf1322' }} data-value={r.totals.overdue}>{fmt.money(r.totals.overdue, r.currency)}</span> : '—'}</Figure></Col>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.overdueShare')}>{r ? `${sharePercent(r.totals.overdue, r.totals.total)}%` : '—'}</Figure></Col>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.dsoSimple')} testId="aging-dso-simple">{dso.data?.simpleDso ? t('aging.days', { value: dso.data.simpleDso }) : '—'}</Figure></Col>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.dsoCountback')} testId="aging-dso-countback">{dso.data ? t('aging.days', { value: dso.data.countbackDso }) : '—'}</Figure></Col>
        <Col xs={12} md={8} xl={4}><Figure title={t('aging.creditSales', { days: dso.data?.days ?? 90 })}>{dso.data ? fmt.money(dso.data.creditSales, dso.data.currency) : '—'}</Figure></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('aging.buckets')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('aging.clickHint')}</Typography.Text>}>
            {report.isPending ? <Skeleton active /> : r && <AgingBucketChart report={r} onDrill={openDrill} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('aging.trend')}>
            {trend.isPending ? <Skeleton active /> : trend.data ? <AgingTrendChart trend={trend.data} /> : <Alert type="error" showIcon title={errorText(t, trend.error)} />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small">{r && <AgingTable report={r} onDrill={openDrill} />}</Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('aging.topOverdue')}>
            {top.isError && <Alert type="error" showIcon title={errorText(t, top.error)} />}
            <Table<TopItem>
              size="small"
              rowKey={(i) => i.customer.id}
              loading={top.isPending}
              dataSource={top.data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(i) => ({
                'data-testid': 'aging-top-row', style: { cursor: 'pointer' },
                onClick: () => setDrill({ asOf, groupBy: 'customer', key: i.customer.id, bucket: 'overdue', title: `${i.customer.name} · ${t('aging.overdueBucket')}` }),
              }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: '#', width: 40, render: (_v, _i, k) => k + 1 },
                { title: t('receivable.fields.customer'), render: (_v, i) => <Link to={`/customers/${i.customer.id}?tab=accounts`} onClick={(e) => e.stopPropagation()}>{i.customer.name}</Link> },
                { title: t('receivable.fields.owner'), render: (_v, i) => i.owner?.name ?? '—' },
                { title: t('aging.overdue'), dataIndex: 'overdue', align: 'right', render: (v: string) => <Money amount={v} type="danger" strong /> },
                { title: t('aging.open'), dataIndex: 'open', align: 'right', render: (v: string) => <Money amount={v} /> },
                { title: t('aging.count'), dataIndex: 'count', align: 'right' },
                { title: t('aging.maxDays'), dataIndex: 'maxDaysOverdue', align: 'right', render: (v: number) => <Tag color={v > 90 ? 'red' : 'orange'}>{t('aging.days', { value: v })}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <AgingDrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Flex>
  );
}
