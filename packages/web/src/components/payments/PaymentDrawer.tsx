// One payment in a drawer: its facts and its receipt files 回款凭证 (download, and add for who may register or
// confirm payments).
import { Alert, Descriptions, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePayment } from '../../api/payments';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { Money } from '../cash/Money';
import { StatusTag } from '../cash/StatusTag';
import { PaymentFiles } from './PaymentFiles';

export function PaymentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const compact = Grid.useBreakpoint().md === false;
  const q = usePayment(id);
  const p = q.data;
  const f = (k: string) => t(`payment.fields.${k}`);
  const text = (v: string | null | undefined) => v || '—';

  return (
    <Drawer open={!!id} onClose={onClose} size={compact ? '100%' : 720} title={t('paymentDetail.title')} destroyOnHidden data-testid="payment-drawer">
      {q.isPending && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {p && (
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="payment-drawer-number">{p.number}</Typography.Title>
            <StatusTag kind="paymentStatus" value={p.status} />
          </Flex>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'customer', label: f('customer'), children: <Link to={`/customers/${p.customer.id}?tab=accounts`}>{p.customer.name}</Link> },
              { key: 'receivedOn', label: f('receivedOn'), children: fmt.date(p.receivedOn) },
              { key: 'amount', label: f('amount'), children: <Money amount={p.amount} currency={p.currency} strong /> },
              { key: 'unapplied', label: f('amountUnapplied'), children: <Money amount={p.amountUnapplied} currency={p.currency} /> },
              { key: 'method', label: f('method'), children: enumLabel(t, 'method', p.method) },
              { key: 'bankReference', label: f('bankReference'), children: text(p.bankReference) },
              { key: 'payerName', label: f('payerName'), children: text(p.payerName) },
              { key: 'payerAccount', label: f('payerAccount'), children: text(p.payerAccount) },
              { key: 'registeredBy', label: f('registeredBy'), children: text(p.registeredBy?.name) },
              { key: 'createdAt', label: t('paymentDetail.createdAt'), children: fmt.instant(p.createdAt) },
              ...(p.confirmedBy ? [
                { key: 'confirmedBy', label: f('confirmedBy'), children: p.confirmedBy.name },
                { key: 'confirmedAt', label: t('paymentDetail.confirmedAt'), children: fmt.instant(p.confirmedAt) },
              ] : []),
              ...(p.rejectedReason ? [{ key: 'rejectedReason', label: f('rejectedReason'), span: 2, children: p.rejectedReason }] : []),
              { key: 'remark', label: f('remark'), span: 2, children: text(p.remark) },
            ]}
          />
          <PaymentFiles paymentId={p.id} canAdd={can('payments', 'create') || can('payments', 'confirm')} />
        </Flex>
      )}
    </Drawer>
  );
}
