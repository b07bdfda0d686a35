// Invoiced / being invoiced / uninvoiced / paid of a receivable or a contract: shown in the receivable drawer and on the
// contract page. Hidden for roles without the invoices read right.
import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { dec } from '@l2c/shared';
import { useTranslation } from 'react-i18next';
import { useContractInvoicing, useReceivableInvoicing, type InvoicingFigures as Figures } from '../../api/invoices';
import { useAuth } from '../../auth/useAuth';
import { Money } from '../../components/cash/Money';

function FiguresCard({ data, testId, extra }: { data: Figures | undefined; testId: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  if (!data) return null;
  const f = (k: keyof Figures) => <Money amount={data[k]} currency={data.currency} data-testid={`${testId}-${k}`} />;
  return (
    <Card size="small" title={t('invoice.figures.title')} data-testid={testId} extra={extra}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }}>
        <Descriptions.Item label={t('invoice.figures.amount')}>{f('amount')}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.figures.invoiced')}>{f('invoiced')}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.figures.requested')}>{f('requested')}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.figures.uninvoiced')}>{f('uninvoiced')}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.figures.paid')}>{f('paid')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function ReceivableInvoicing({ receivableId, customerId }: { receivableId: string; customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useReceivableInvoicing(receivableId, can('invoices', 'read'));
  // 申请开票 from here: the request form opens with this customer and this receivable ticked.
  const extra = can('invoices', 'create') && q.data && dec(q.data.uninvoiced).gt(0)
    ? <Link to={`/invoices?new=1&customerId=${encodeURIComponent(customerId)}&receivableId=${encodeURIComponent(receivableId)}`} data-testid="receivable-request-invoice">{t('invoice.actions.request')}</Link>
    : undefined;
  return <FiguresCard data={q.data} testId="receivable-invoicing" extra={extra} />;
}

export function ContractInvoicing({ contractId }: { contractId: string }) {
  const { can } = useAuth();
  const q = useContractInvoicing(contractId, can('invoices', 'read'));
  return <FiguresCard data={q.data} testId="contract-invoicing" />;
}
