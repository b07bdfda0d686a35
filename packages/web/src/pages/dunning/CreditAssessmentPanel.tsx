// The credit assessment 资信评估 on the customer page: the latest score with every factor's points, the suggested limit
// and term beside the current ones, apply (at once, or to approval past the threshold), the credit hold and its release.
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplyAssessmentMutation, useAssessCreditMutation, useCreditAssessments, useReleaseHoldMutation, type CreditAssessment } from '../../api/dunning';
import { useAuth } from '../../auth/useAuth';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { reasonText } from '../../lib/auditLabels';

const GRADE_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function CreditAssessmentPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const view = useCreditAssessments(customerId);
  const assess = useAssessCreditMutation(customerId);
  const apply = useApplyAssessmentMutation(customerId);
  const release = useReleaseHoldMutation(customerId);
  const [releasing, setReleasing] = useState(false);
  const [reason, setReason] = useState('');
  if (view.error) return <Alert type="error" message={errorText(t, view.error)} />;
  const v = view.data;
  const latest: CreditAssessment | undefined = v?.items[0];
  const canUpdate = can('credit', 'update');
  return (
    <Flex vertical gap={12} data-testid="credit-assessment">
      {v?.onHold && (
        <Alert type="error" showIcon message={t('credit.hold', { reason: reasonText(t, v.holdReason) ?? '' })} data-testid="credit-hold"
          action={canUpdate && <Button size="small" danger onClick={() => setReleasing(true)}>{t('credit.release')}</Button>} />
      )}
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>{t('credit.title')}</Typography.Title>
        <Button loading={assess.isPending} onClick={() => assess.mutate()} data-testid="credit-assess">{t('credit.assess')}</Button>
      </Flex>
      {!latest ? <Typography.Text type="secondary">{t('credit.none')}</Typography.Text> : (
        <>
          <Flex gap={24} align="center" wrap>
            <Progress type="dashboard" percent={latest.score} format={() => <span data-testid="credit-score">{latest.score}</span>} size={96} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('credit.grade')}><Tag color={GRADE_COLOR[latest.grade]} data-testid="credit-grade">{latest.grade}</Tag> {t(`credit.status.${latest.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('credit.assessedOn')}>{fmt.date(latest.assessedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('credit.current')}><Money amount={v!.creditLimit} currency={v!.currency} /> / {t('credit.days', { n: v!.paymentTermDays })}</Descriptions.Item>
              <Descriptions.Item label={t('credit.suggested')}>
                <Money amount={latest.suggestedLimit} currency={latest.currency} strong data-testid="credit-suggested" /> / {t('credit.days', { n: latest.suggestedTermDays })}
              </Descriptions.Item>
            </Descriptions>
            {canUpdate && latest.status === 'proposed' && (
              <Space direction="vertical">
                <Button type="primary" loading={apply.isPending} data-testid="credit-apply"
                  onClick={() => apply.mutate({ id: latest.id }, { onSuccess: (r) => void message.success(r.status === 'applied' ? t('credit.applied') : t('credit.pending')) })}>
                  {t('credit.apply')}
                </Button>
                <Typography.Text type="secondary">{t('credit.approvalHint', { amount: fmt.money(v!.approvalAbove, v!.currency) })}</Typography.Text>
              </Space>
            )}
          </Flex>
          <Table rowKey="key" size="small" pagination={false} dataSource={latest.factors} data-testid="credit-factors"
            columns={[
              { title: t('credit.factors'), render: (_, f) => t(`credit.factor.${f.key}`) },
              { title: t('credit.value'), render: (_, f) => (f.key === 'badDebts' || f.key === 'contractVolume' ? <Money amount={f.value} currency={latest.currency} />
                : f.key === 'onTimeRate' || f.key === 'overdueShare' ? (f.value === '' ? '—' : `${(Number(f.value) * 100).toFixed(1)}%`) : f.value || '—') },
              { title: t('credit.points'), align: 'right', render: (_, f) => `${f.points} / ${f.max}` },
            ]} />
          {v!.items.length > 1 && (
            <Table rowKey="id" size="small" pagination={false} dataSource={v!.items.slice(1)} title={() => t('credit.history')}
              columns={[
                { title: t('credit.assessedOn'), render: (_, a) => fmt.date(a.assessedOn) },
                { title: t('credit.score'), dataIndex: 'score' },
                { title: t('credit.grade'), render: (_, a) => <Tag color={GRADE_COLOR[a.grade]}>{a.grade}</Tag> },
                { title: t('credit.suggested'), render: (_, a) => <Money amount={a.suggestedLimit} currency={a.currency} /> },
                { title: '', render: (_, a) => t(`credit.status.${a.status}`) },
              ]} />
          )}
        </>
      )}
      <Modal open={releasing} title={t('credit.release')} onCancel={() => setReleasing(false)} okButtonProps={{ disabled: !reason.trim(), loading: release.isPending }}
        onOk={() => release.mutate(reason.trim(), { onSuccess: () => { setReleasing(false); setReason(''); void message.success(t('credit.released')); } })}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('credit.releaseReason')} />
      </Modal>
    </Flex>
  );
}
