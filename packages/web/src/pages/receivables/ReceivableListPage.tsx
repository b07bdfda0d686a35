// Receivables 应收: filters in the URL (customer, status, overdue, due range, owner), sortable due date / open amount /
// number, amounts right-aligned; a row opens its drawer (also reachable as ?id=). It opens on what is still owed (open and
// partially paid, oldest due first; `status=all` shows everything) with a totals row the server sums for the whole filter.
import { Alert, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReceivableList, useReceivableTotals } from '../../api/receivables';
import type { Receivable } from '../../api/types';
import { LoadMore } from '../../components/LoadMore';
import { ReceivableDrawer } from '../../components/receivables/ReceivableDrawer';
import { ReceivableFilters } from '../../components/receivables/ReceivableFilters';
import { Money } from '../../components/cash/Money';
import { StatusTag } from '../../components/cash/StatusTag';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { useUrlFilters } from '../../lib/url';

const KEYS = ['q', 'customerId', 'contractId', 'status', 'kind', 'overdue', 'dueFrom', 'dueTo', 'ownerId', 'sort', 'id'] as const;
const DEFAULT_SORT = 'dueDate';
const DEFAULT_STATUS = 'open,partially_paid';

export default function ReceivableListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const { id, ...rest } = filters;
  const statusParam = rest.status ?? DEFAULT_STATUS;
  const query = { ...rest, status: statusParam === 'all' ? undefined : statusParam, sort: rest.sort ?? DEFAULT_SORT };
  const list = useReceivableList(query);
  const totals = useReceivableTotals(query);
  // a cleared status filter means every status (the URL says all); absent, the list opens on what is still owed
  const onFilters = (patch: Parameters<typeof setFilters>[0]) => setFilters('status' in patch ? { ...patch, status: patch.status ?? 'all' } : patch);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`receivable.fields.${k}`);
  const sortField = query.sort.replace(/^-/, '');
  const order = (key: string): SortOrder => (sortField === key ? (query.sort.startsWith('-') ? 'descend' : 'ascend') : null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: order(key), sortDirections: ['ascend', 'descend'] as SortOrder[] });
  const onChange: TableProps<Receivable>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Receivable> | undefined;
    const next = !s?.order || !s.columnKey ? null : `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}`;
    setFilters({ sort: next === DEFAULT_SORT ? null : next });
  };

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('receivable.list.title')}</Typography.Title>
        <ReceivableFilters value={query} onChange={onFilters} />
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<Receivable>
          rowKey="id"
          size="middle"
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onChange={onChange}
          showSorterTooltip={false}
          onRow={(r) => ({ 'data-testid': 'receivable-row', 'data-id': r.id, onClick: () => setFilters({ id: r.id }), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
          summary={() => (totals.data?.totals ?? []).map((s) => (
            <Table.Summary.Row key={s.currency} data-testid="receivable-totals" data-currency={s.currency}>
              <Table.Summary.Cell index={0} colSpan={4}><Typography.Text strong>{t('lists.totals', { count: s.count })}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><Money amount={s.amount} currency={s.currency} strong data-testid="receivable-total-amount" /></Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><Money amount={s.open} currency={s.currency} strong data-testid="receivable-total-open" /></Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={4}>
                <Typography.Text type="danger">{t('lists.totalOverdue')} </Typography.Text><Money amount={s.overdue} currency={s.currency} type="danger" data-testid="receivable-total-overdue" />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ))}
          footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
          columns={[
            { title: f('number'), dataIndex: 'number', ...sortable('number'), render: (v: string, r) => <span>{v}{r.kind === 'credit_note' && <Tag color="red" style={{ marginInlineStart: 4 }}>{enumLabel(t, 'receivableKind', r.kind)}</Tag>}</span> },
            { title: f('customer'), dataIndex: ['customer', 'name'], render: (_v, r) => <Link to={`/customers/${r.customer.id}?tab=accounts`} onClick={(e) => e.stopPropagation()}>{r.customer.name}</Link> },
            { title: f('contract'), render: (_v, r) => (r.contract ? <Link to={`/contracts/${r.contract.id}`} onClick={(e) => e.stopPropagation()}>{r.contract.number}</Link> : '—') },
            { title: f('source'), dataIndex: 'source', render: (v: string) => enumLabel(t, 'receivableSource', v) },
            { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
            { title: f('amountOpen'), dataIndex: 'amountOpen', align: 'right', ...sortable('amountOpen'), render: (v: string, r) => <Money amount={v} currency={r.currency} strong data-testid="receivable-row-open" /> },
            { title: f('status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="receivableStatus" value={v} testId="receivable-row-status" /> },
            { title: f('dueDate'), dataIndex: 'dueDate', ...sortable('dueDate'), render: (v: string) => fmt.date(v) },
            { title: f('daysOverdue'), dataIndex: 'daysOverdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
            { title: f('owner'), render: (_v, r) => r.owner?.name ?? '—' },
          ]}
        />
      </Flex>
      <ReceivableDrawer id={id ?? null} onClose={() => setFilters({ id: null })} />
    </Card>
  );
}
