// Funnel and forecast 漏斗与预测: the funnel of a process (reached per stage, conversion to the next, days in stage, win
// rate) and the forecast of a month or quarter per rep or team — each figure the system's, with a manager's adjusted
// figure beside it (who, why), adjusted here by a manager.
import { Card, Col, DatePicker, Empty, Flex, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdjustForecast, useForecast, useFunnel, useSalesProcesses, type Forecast } from '../../api/opportunities';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';

type Row = Forecast['rows'][number];
type Fig = Row['commit'];
const CATS = [['commit', 'commit'], ['bestCase', 'best_case'], ['pipeline', 'pipeline'], ['weighted', 'weighted']] as const;

function periodOf(kind: 'month' | 'quarter', d: Dayjs): string {
  return kind === 'month' ? d.format('YYYY-MM') : `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

export default function PipelinePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const processes = useSalesProcesses();
  const [process, setProcess] = useState<string | undefined>();
  const funnel = useFunnel(process);
  const [kind, setKind] = useState<'month' | 'quarter'>('quarter');
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [groupBy, setGroupBy] = useState<'rep' | 'team'>('rep');
  const period = periodOf(kind, day);
  const forecast = useForecast(period, groupBy);
  const [adjusting, setAdjusting] = useState<{ row: Row; category: (typeof CATS)[number][1] } | null>(null);
  const canAdjust = can('forecasts', 'update');

  const figure = (row: Row, key: (typeof CATS)[number][0], cat: (typeof CATS)[number][1]) => {
    const f = row[key] as Fig;
    return (
      <div data-testid={`fc-${row.subject.name}-${cat}`}>
        <div>{fmt.money(f.system, row.currency)}</div>
        {f.adjusted !== null && (
          <Tooltip title={`${t('opp.forecast.adjustedBy', { name: f.adjustedBy?.name ?? '' })}: ${f.reason ?? ''}`}>
            <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('opp.forecast.adjusted')} {fmt.money(f.adjusted, row.currency)}</Typography.Text>
          </Tooltip>
        )}
        {canAdjust && <div><Typography.Link style={{ fontSize: 12 }} onClick={() => setAdjusting({ row, category: cat })} data-testid={`fc-adjust-${row.subject.name}-${cat}`}>{t('opp.forecast.adjust')}</Typography.Link></div>}
      </div>
    );
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('opp.funnel.title')} extra={<Select allowClear placeholder={t('opp.process')} style={{ width: 180 }} value={process} onChange={setProcess}
        options={(processes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />}>
        {funnel.data && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={6}><Statistic title={t('opp.funnel.won')} value={funnel.data.won} /></Col>
              <Col span={6}><Statistic title={t('opp.funnel.lost')} value={funnel.data.lost} /></Col>
              <Col span={6}><Statistic title={t('opp.funnel.winRate')} value={funnel.data.winRate ?? '—'} suffix={funnel.data.winRate ? '%' : ''} /></Col>
              <Col span={6}><Statistic title={t('opp.funnel.wonAmount')} value={funnel.data.wonAmounts.map((w) => fmt.money(w.amount, w.currency)).join(' / ') || '—'} /></Col>
            </Row>
            <Typography.Text type="secondary">{t('opp.funnel.period')}: {fmt.date(funnel.data.from)} – {fmt.date(funnel.data.to)}</Typography.Text>
            <div data-testid="funnel" style={{ marginTop: 8 }}>
              {funnel.data.stages.map((s) => {
                const top = funnel.data!.stages[0]?.reached || 1;
                return (
                  <Flex key={s.stage.id} align="center" gap={12} style={{ marginBottom: 6 }}>
                    <span style={{ width: 90 }}>{s.stage.name}</span>
                    <div style={{ flex: 1 }}>
                      <div style={{ width: `${Math.max(4, (s.reached * 100) / top)}%`, background: s.stage.kind === 'won' ? '#52c41a' : '#1677ff', color: '#fff', padding: '2px 8px', borderRadius: 4, margin: '0 auto' }}>{s.reached}</div>
                    </div>
                    <span style={{ width: 150 }}>{s.conversionToNext !== null ? `→ ${s.conversionToNext}%` : ''}</span>
                    <span style={{ width: 130 }}>{s.avgDaysInStage !== null ? `${t('opp.funnel.avgDays')} ${s.avgDaysInStage}` : ''}</span>
                    <span style={{ width: 200, textAlign: 'right' }}>{s.open > 0 ? `${t('opp.funnel.open')} ${s.open} · ${s.openAmounts.map((a) => fmt.money(a.amount, a.currency)).join(' / ')}` : ''}</span>
                  </Flex>
                );
              })}
            </div>
          </>
        )}
      </Card>
      <Card title={t('opp.forecast.title')} extra={
        <Space wrap>
          <Segmented value={kind} onChange={(v) => setKind(v as 'month' | 'quarter')} options={[{ value: 'month', label: t('opp.forecast.month') }, { value: 'quarter', label: t('opp.forecast.quarter') }]} />
          <DatePicker picker={kind} value={day} allowClear={false} onChange={(d) => d && setDay(d)} data-testid="fc-period" />
          <Segmented value={groupBy} onChange={(v) => setGroupBy(v as 'rep' | 'team')} options={[{ value: 'rep', label: t('opp.forecast.rep') }, { value: 'team', label: t('opp.forecast.team') }]} />
        </Space>
      }>
        {forecast.data && forecast.data.rows.length === 0 ? <Empty description={t('opp.forecast.none')} /> : (
          <Table rowKey={(r) => `${r.subject.id}-${r.currency}`} size="small" pagination={false} loading={forecast.isLoading} dataSource={forecast.data?.rows ?? []} data-testid="forecast"
            columns={[
              { title: t('opp.forecast.subject'), render: (_: unknown, r: Row) => r.subject.name || '—' },
              { title: t('opp.forecast.won'), align: 'right', render: (_: unknown, r: Row) => fmt.money(r.won, r.currency) },
              ...CATS.map(([key, cat]) => ({ title: t(`opp.forecast.${key === 'weighted' ? 'weightedF' : key}`), align: 'right' as const, render: (_: unknown, r: Row) => figure(r, key, cat) })),
            ]}
            summary={() => (forecast.data?.totals ?? []).map((x) => (
              <Table.Summary.Row key={x.currency}>
                <Table.Summary.Cell index={0}>{t('opp.forecast.total')} {x.currency}</Table.Summary.Cell>
                {[x.won, x.commit, x.bestCase, x.pipeline, x.weighted].map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right">{fmt.money(v, x.currency)}</Table.Summary.Cell>)}
              </Table.Summary.Row>
            ))} />
        )}
      </Card>
      {adjusting && <AdjustModal period={period} groupBy={groupBy} target={adjusting} onClose={() => setAdjusting(null)} />}
    </Space>
  );
}

function AdjustModal({ period, groupBy, target, onClose }: { period: string; groupBy: 'rep' | 'team'; target: { row: Row; category: (typeof CATS)[number][1] }; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: string; reason: string }>();
  const adjust = useAdjustForecast({ form, fields: ['amount', 'reason'] });
  const key = CATS.find(([, c]) => c === target.category)![0];
  const fig = target.row[key] as Fig;
  return (
    <Modal open title={t('opp.forecast.adjustTitle', { subject: target.row.subject.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={adjust.isPending} destroyOnHidden>
      <p>{period} · {t(`opp.forecast.${key === 'weighted' ? 'weightedF' : key}`)} · {t('opp.forecast.system')} {fig.system} {target.row.currency}</p>
      <Form form={form} layout="vertical" initialValues={{ amount: fig.adjusted ?? fig.system }} onFinish={(v) => adjust.mutate({
        period, subjectKind: groupBy, subjectId: target.row.subject.id, category: target.category, currency: target.row.currency, amount: v.amount, reason: v.reason,
      }, { onSuccess: onClose })}>
        <Form.Item name="amount" label={t('opp.forecast.adjustedAmount')} rules={[{ required: true }]}><Input data-testid="fc-adjust-amount" /></Form.Item>
        <Form.Item name="reason" label={t('opp.forecast.reason')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} data-testid="fc-adjust-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}
