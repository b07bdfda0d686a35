// Red-letter confirmations 红字确认单: each reverses all or part of a blue invoice; pending until the buyer confirms,
// then the red invoice's number is recorded (or the confirmation is cancelled, which frees its amount).
import { Alert, App, Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRedConfirmationAction, useRedConfirmationList, type RedConfirmation } from '../../api/invoices';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { IssueModal } from './RequestsTab';

const COLOR: Record<string, string> = { pending: 'processing', confirmed: 'gold', cancelled: 'default', issued: 'red' };

export function RedTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>();
  const list = useRedConfirmationList({ status });
  const action = useRedConfirmationAction();
  const [issuing, setIssuing] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`invoice.fields.${k}`);
  const act = can('invoices', 'update');
  return (
    <Flex vertical gap={12}>
      <Select allowClear placeholder={f('status')} style={{ width: 160 }} value={status} onChange={setStatus}
        options={['pending', 'confirmed', 'issued', 'cancelled'].map((s) => ({ value: s, label: t(`invoice.redStatuses.${s}`) }))} />
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<RedConfirmation> rowKey="id" size="middle" dataSource={items} loading={list.isPending} pagination={false} scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': 'red-row', 'data-number': r.number }) as never}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('number'), dataIndex: 'number' },
          { title: f('blueInvoice'), render: (_v, r) => r.blueInvoice.number },
          { title: f('customer'), render: (_v, r) => r.customer.name },
          { title: f('reason'), dataIndex: 'reason', render: (v: string) => t(`invoice.redReasons.${v}`) },
          { title: f('amountInclTax'), dataIndex: 'amountInclTax', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('taxAmount'), dataIndex: 'taxAmount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('status'), dataIndex: 'status', render: (v: string) => <Tag color={COLOR[v]} data-testid="red-status">{t(`invoice.redStatuses.${v}`)}</Tag> },
          { title: f('invoiceNumber'), render: (_v, r) => r.redInvoice?.number ?? '—' },
          { title: f('creditNote'), render: (_v, r) => r.creditNote?.number ?? '—' },
          { title: f('requestedAt'), dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
          {
            title: '', render: (_v, r) => act && (
              <Flex gap={4}>
                {r.status === 'pending' && <Button size="small" onClick={() => action.mutate({ id: r.id, action: 'confirm' })} data-testid="red-confirm">{t('invoice.actions.confirm')}</Button>}
                {r.status === 'confirmed' && <Button size="small" type="primary" danger onClick={() => setIssuing(r.id)} data-testid="red-issue">{t('invoice.actions.issueRed')}</Button>}
                {(r.status === 'pending' || r.status === 'confirmed') && <Button size="small" onClick={() => action.mutate({ id: r.id, action: 'cancel' })}>{t('invoice.actions.cancelRed')}</Button>}
              </Flex>
            ),
          },
        ]} />
      <IssueModal open={!!issuing} requestId={null} onClose={() => setIssuing(null)} onDone={(n) => void message.success(t('invoice.issue.done', { number: n }))}
        issue={(body, done) => action.mutate({ id: issuing!, action: 'issue', ...body }, { onSuccess: done })} />
    </Flex>
  );
}
