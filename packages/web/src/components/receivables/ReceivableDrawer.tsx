// One receivable in a drawer: its facts, the write-offs (allocations) that paid it, and the corrections finance may
// make: a credit note 红冲 or a bad-debt request.
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReceivable } from '../../api/receivables';
import { useReceivableWriteOffs } from '../../api/write-offs';
import type { Allocation, Receivable } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { isPositive } from '../../lib/money';
import { Money } from '../cash/Money';
import { StatusTag } from '../cash/StatusTag';
import { ReceivableBadDebtNotice, useReceivableBadDebtRequests } from '../baddebt/ReceivableBadDebtNotice';
import { BadDebtModal } from './BadDebtModal';
import { ReceivableInvoicing } from '../../pages/invoices/InvoicingFigures';
import { CreditNoteModal } from './CreditNoteModal';

type Row = Allocation & { writeOffNumber: string; kind: string; reversed: boolean };

export function ReceivableDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const [dialog, setDialog] = useState<'credit' | 'badDebt' | null>(null);
  const r = useReceivable(id);
  const allocations = useReceivableWriteOffs(id, can('write_offs', 'read'));
  const badDebt = useReceivableBadDebtRequests(id);
  const f = (k: string) => t(`receivable.fields.${k}`);
  const rows: Row[] = (allocations.data?.items ?? []).flatMap((w) => w.allocations
    .filter((a) => a.receivableId === id)
    .map((a) => ({ ...a, writeOffNumber: w.number, kind: w.kind, reversed: !!w.reversedById })));
  const rec: Receivable | undefined = r.data;
  const canCorrect = !!rec && rec.kind === 'invoice' && isPositive(rec.amountOpen) && can('receivables', 'create');

  return (
    <Drawer open={!!id} onClose={onClose} size={compact ? '100%' : 720} title={t('receivable.detail.title')} destroyOnHidden data-testid="receivable-drawer">
      {r.isPending && <Skeleton active />}
      {r.isError && <Alert type="error" showIcon title={errorText(t, r.error)} />}
      {rec && (
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="receivable-number">{rec.number}</Typography.Title>
              <StatusTag kind="receivableStatus" value={rec.status} testId="receivable-status" />
              {rec.kind === 'credit_note' && <Tag color="red">{enumLabel(t, 'receivableKind', rec.kind)}</Tag>}
              {rec.daysOverdue > 0 && <Tag color="red">{t('receivable.detail.days', { days: rec.daysOverdue })}</Tag>}
            </Flex>
            {canCorrect && (
              <Flex gap={8} wrap>
                <Button onClick={() => setDialog('credit')} data-testid="receivable-credit-note">{t('receivable.creditNote.action')}</Button>
                <Button danger onClick={() => setDialog('badDebt')} disabled={!!badDebt.pending} title={badDebt.pending ? t('badDebtRequest.drawer.alreadyPending') : undefined} data-testid="receivable-bad-debt">{t('receivable.badDebt.action')}</Button>
              </Flex>
            )}
          </Flex>
          <ReceivableBadDebtNotice requests={badDebt.items} />
          {rec.kind === 'invoice' && <ReceivableInvoicing receivableId={rec.id} customerId={rec.customer.id} />}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'customer', label: f('customer'), children: <Link to={`/customers/${rec.customer.id}?tab=accounts`}>{rec.customer.name}</Link> },
              { key: 'contract', label: f('contract'), children: rec.contract ? <Link to={`/contracts/${rec.contract.id}`}>{rec.contract.number}</Link> : '—' },
              { key: 'amount', label: f('amount'), children: <Money amount={rec.amount} currency={rec.currency} /> },
              { key: 'tax', label: f('taxAmount'), children: <Money amount={rec.taxAmount} currency={rec.currency} /> },
              { key: 'open', label: f('amountOpen'), children: <Money amount={rec.amountOpen} currency={rec.currency} strong data-testid="receivable-open" /> },
              { key: 'applied', label: f('amountApplied'), children: <Money amount={rec.amountApplied} currency={rec.currency} /> },
              ...(isPositive(rec.badDebtAmount) ? [{ key: 'bad', label: f('badDebtAmount'), children: <Money amount={rec.badDebtAmount} currency={rec.currency} type="danger" /> }] : []),
              { key: 'source', label: f('source'), children: enumLabel(t, 'receivableSource', rec.source) },
              { key: 'business', label: f('businessDate'), children: fmt.date(rec.businessDate) },
              { key: 'due', label: f('dueDate'), children: fmt.date(rec.dueDate) },
              { key: 'owner', label: f('owner'), children: rec.owner?.name ?? '—' },
              ...(rec.reason ? [{ key: 'reason', label: f('reason'), children: rec.reason }] : []),
              ...(rec.originalId ? [{ key: 'orig', label: f('original'), children: <Link to={`/receivables?id=${rec.originalId}`}>{f('original')}</Link> }] : []),
            ]}
          />
          {can('write_offs', 'read') && (
            <div>
              <Typography.Title level={5}>{t('receivable.detail.allocations')}</Typography.Title>
              {allocations.isError && <Alert type="error" showIcon title={errorText(t, allocations.error)} />}
              <Table<Row>
                size="small"
                rowKey="id"
                loading={allocations.isPending}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('receivable.detail.noAllocations')} /> }}
                columns={[
                  { title: t('writeOff.number'), dataIndex: 'writeOffNumber' },
                  { title: t('writeOff.appliedOn'), dataIndex: 'appliedOn', render: (v: string) => fmt.date(v) },
                  { title: t('receivable.fields.kind'), dataIndex: 'kind', render: (v: string, a) => <span><StatusTag kind="writeOffKind" value={v} />{a.reversed && <Tag style={{ marginInlineStart: 4 }}>{t('receivable.detail.reversed')}</Tag>}</span> },
                  { title: t('writeOff.sources'), render: (_v, a) => `${enumLabel(t, 'sourceType', a.sourceType)} ${a.paymentNumber ?? a.creditNoteNumber ?? ''}` },
                  { title: t('writeOff.total'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money amount={v} currency={rec.currency} /> },
                ]}
              />
            </div>
          )}
        </Flex>
      )}
      <CreditNoteModal receivable={dialog === 'credit' ? rec ?? null : null} onClose={() => setDialog(null)} onDone={() => void message.success(t('receivable.creditNote.created'))} />
      <BadDebtModal receivable={dialog === 'badDebt' ? rec ?? null : null} onClose={() => setDialog(null)} onDone={() => void message.success(t('receivable.badDebt.requested'))} />
    </Drawer>
  );
}
