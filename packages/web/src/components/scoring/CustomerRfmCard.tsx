// A customer's RFM 价值 from its paid history — recency of the last confirmed payment, how many payments, how much was
// written off against its invoices in the window — each scored 1–5, the grade their total gives beside the customer's own.
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerRfm, useRefreshRfm } from '../../api/scoring';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';

export function CustomerRfmCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const fmt = useFormat();
  const rfm = useCustomerRfm(customerId, can('scoring', 'read'));
  const refresh = useRefreshRfm(customerId);
  if (!can('scoring', 'read') || rfm.isError) return null;
  const r = rfm.data;
  return (
    <Card size="small" title={t('scoring.rfm.title')} loading={rfm.isPending} data-testid="customer-rfm"
      extra={<Button size="small" loading={refresh.isPending} onClick={() => refresh.mutate()}>{t('scoring.rfm.refresh')}</Button>}>
      {!r ? <Typography.Text type="secondary">{t('scoring.rfm.none')}</Typography.Text> : (
        <Flex vertical gap={8}>
          <Flex gap={8} align="center">
            <Tag color={r.grade === 'A' ? 'gold' : r.grade === 'B' ? 'green' : r.grade === 'C' ? 'blue' : 'default'} data-testid="rfm-grade">{t('scoring.rfm.grade')} {r.grade}</Tag>
            <Typography.Text type="secondary">{t('scoring.rfm.customerGrade')}: {r.customerGrade ?? '—'}</Typography.Text>
            <Typography.Text type="secondary">{t('scoring.rfm.total')}: {r.total} / 15</Typography.Text>
          </Flex>
          <Descriptions size="small" column={3} items={[
            { key: 'r', label: `${t('scoring.rfm.r')} · ${t('scoring.rfm.recency')}`, children: `${r.r} · ${r.lastPaidOn ? `${fmt.date(r.lastPaidOn)} (${t('scoring.rfm.days', { count: r.recencyDays ?? 0 })})` : t('scoring.rfm.never')}` },
            { key: 'f', label: `${t('scoring.rfm.f')} · ${t('scoring.rfm.frequency')}`, children: `${r.f} · ${r.frequency}` },
            { key: 'm', label: `${t('scoring.rfm.m')} · ${t('scoring.rfm.monetary')}`, children: `${r.m} · ${fmt.money(r.monetary, r.currency)}` },
          ]} />
          <Typography.Text type="secondary">{t('scoring.rfm.asOf')} {fmt.date(r.asOf)}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
