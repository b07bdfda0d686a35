// Invoiced / being invoiced / uninvoiced / paid of a receivable or a contract: shown in the receivable drawer and on the
// contract page. Hidden for roles without the invoices read right.
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContractInvoicing, useReceivableInvoicing, type InvoicingFigures as Figures } from '../../api/invoices';
import { useAuth } from '../../auth/useAuth';
import { Money } from '../../components/cash/Money';

function FiguresCard({ data, testId }: { data: Figures | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!data) return null;
  const f = (k: keyof Figures) => <Money amount={data[k]} currency={data.currency} data-testid={`${testId}-${k}`} />;
  return (
    <Card size="small" title={t('invoice.figures.title')} data-testid={testId}>
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

export function ReceivableInvoicing({ receivableId }: { receivableId: string }) {
  const { can } = useAuth();
  const q = useReceivableInvoicing(receivableId, can('invoices', 'read'));
  return <FiguresCard data={q.data} testId="receivable-invoicing" />;
}

export function ContractInvoicing({ contractId }: { contractId: string }) {
  const { can } = useAuth();
  const q = useContractInvoicing(contractId, can('invoices', 'read'));
  return <FiguresCard data={q.data} testId="contract-invoicing" />;
}
