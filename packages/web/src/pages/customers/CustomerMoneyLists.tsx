// A customer's contracts, receivables, payments and write-offs on the customer page — the lists' own endpoints
// filtered by customer; every number links to its record, tables scroll sideways instead of clipping.
import { Alert, Progress, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContractList } from '../../api/contracts';
import { usePaymentList } from '../../api/payments';
import { useReceivableList } from '../../api/receivables';
import type { ContractSummary, Payment, Receivable, WriteOff } from '../../api/types';
import { useCustomerWriteOffs } from '../../api/write-offs';
import { Money } from '../../components/cash/Money';
import { StatusTag } from '../../components/cash/StatusTag';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';

const row = (testId: string) => () => ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;

export function CustomerContracts({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useContractList({ customerId, sort: '-createdAt' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<ContractSummary> = [
    { title: t('contract.fields.number'), dataIndex: 'number', width: 150, render: (v: string, c) => <Link to={`/contracts/${c.id}`}>{v}</Link> },
    { title: t('contract.fields.title'), dataIndex: 'title', render: (v: string, c) => <Link to={`/contracts/${c.id}`}>{v}</Link> },
    { title: t('contract.fields.status'), dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="contractStatus" value={v} /> },
    { title: t('contract.fields.signedOn'), dataIndex: 'signedOn', width: 120, render: (v: string | null) => fmt.date(v) },
    { title: t('contract.fields.amountInclTax'), dataIndex: 'amountInclTax', align: 'right', width: 140, render: (v: string, c) => <Money amount={v} currency={c.currency} /> },
    { title: t('lists.collected'), dataIndex: 'amountCollected', align: 'right', width: 140, render: (v: string, c) => <Money amount={v} currency={c.currency} /> },
    { title: t('lists.uncollected'), dataIndex: 'amountUncollected', align: 'right', width: 140, render: (v: string, c) => <Money amount={v} currency={c.currency} /> },
    { title: t('lists.progress'), dataIndex: 'collectedPercent', width: 140, render: (v: string | null) => (v === null ? '—' : <Progress percent={Number(v)} size="small" format={() => `${v}%`} />) },
  ];
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<ContractSummary> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false}
        scroll={{ x: 'max-content' }} onRow={row('c360-contract')}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />} />
    </>
  );
}

export function CustomerReceivables({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useReceivableList({ customerId, sort: '-dueDate' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`receivable.fields.${k}`);
  const columns: TableColumnsType<Receivable> = [
    { title: f('number'), dataIndex: 'number', width: 150, render: (v: string, r) => <Link to={`/receivables?id=${r.id}`}>{v}</Link> },
    { title: f('contract'), dataIndex: ['contract', 'number'], width: 150, render: (_: unknown, r) => (r.contract ? <Link to={`/contracts/${r.contract.id}`}>{r.contract.number}</Link> : '—') },
    { title: f('amount'), dataIndex: 'amount', align: 'right', width: 130, render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
    { title: f('amountOpen'), dataIndex: 'amountOpen', align: 'right', width: 130, render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
    { title: f('dueDate'), dataIndex: 'dueDate', width: 120, render: (v: string) => fmt.date(v) },
    { title: f('status'), dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="receivableStatus" value={v} /> },
    { title: f('daysOverdue'), dataIndex: 'daysOverdue', width: 90, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
  ];
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<Receivable> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false}
        scroll={{ x: 'max-content' }} onRow={row('c360-receivable')}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />} />
    </>
  );
}

export function CustomerPayments({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePaymentList({ customerId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`payment.fields.${k}`);
  const columns: TableColumnsType<Payment> = [
    { title: f('number'), dataIndex: 'number', width: 150, render: (v: string) => <Link to={`/payments?q=${encodeURIComponent(v)}`}>{v}</Link> },
    { title: f('receivedOn'), dataIndex: 'receivedOn', width: 120, render: (v: string) => fmt.date(v) },
    { title: f('amount'), dataIndex: 'amount', align: 'right', width: 130, render: (v: string, p) => <Money amount={v} currency={p.currency} /> },
    { title: f('amountUnapplied'), dataIndex: 'amountUnapplied', align: 'right', width: 130, render: (v: string, p) => <Money amount={v} currency={p.currency} /> },
    { title: f('method'), dataIndex: 'method', width: 110, render: (v: string) => <StatusTag kind="method" value={v} /> },
    { title: f('status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag kind="paymentStatus" value={v} /> },
    { title: f('payerName'), dataIndex: 'payerName', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<Payment> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false}
        scroll={{ x: 'max-content' }} onRow={row('c360-payment')}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />} />
    </>
  );
}

export function CustomerWriteOffs({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useCustomerWriteOffs(customerId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<WriteOff> = [
    { title: t('auditLabels.fields._.number'), dataIndex: 'number', width: 150 },
    { title: t('auditLabels.fields._.kind'), dataIndex: 'kind', width: 110, render: (v: string) => <StatusTag kind="writeOffKind" value={v} /> },
    { title: t('auditLabels.fields._.appliedOn'), dataIndex: 'appliedOn', width: 120, render: (v: string) => fmt.date(v) },
    { title: t('auditLabels.fields._.total'), dataIndex: 'total', align: 'right', width: 130, render: (v: string) => <Money amount={v} /> },
    {
      title: t('auditLabels.fields._.receivableId'), key: 'lines',
      render: (_: unknown, w) => w.allocations.map((a, i) => (
        <span key={a.id}>{i > 0 ? '、' : ''}<Link to={`/receivables?id=${a.receivableId}`}>{a.receivableNumber}</Link></span>
      )),
    },
    { title: t('auditLabels.fields._.memo'), dataIndex: 'memo', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<WriteOff> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false}
        scroll={{ x: 'max-content' }} onRow={row('c360-write-off')} locale={{ emptyText: t('c360.noWriteOffs') }}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />} />
    </>
  );
}
