// The receivables behind one cell of the aging report (GET /aging/receivables), as of the report's date.
import { Alert, Drawer, Grid, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgingDrill } from '../../api/collections';
import type { OpenReceivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { LoadMore } from '../LoadMore';
import { Money } from '../cash/Money';

export interface Drill { asOf?: string; groupBy: string; key?: string; bucket?: string; title: string }

export function AgingDrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const compact = Grid.useBreakpoint().md === false;
  const params = drill ? { asOf: drill.asOf, groupBy: drill.key ? drill.groupBy : 'none', key: drill.key, bucket: drill.bucket } : null;
  const list = useAgingDrill(params);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`receivable.fields.${k}`);
  return (
    <Drawer open={!!drill} onClose={onClose} size={compact ? '100%' : 860} title={`${t('aging.drill')} · ${drill?.title ?? ''}`} destroyOnHidden>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Typography.Paragraph type="secondary">{t('aging.asOf')}: {fmt.date(list.data?.pages[0]?.asOf)}</Typography.Paragraph>
      <Table<OpenReceivable>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="aging-drill"
        onRow={() => ({ 'data-testid': 'aging-drill-row' }) as HTMLAttributes<HTMLElement>}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/receivables?id=${r.id}`}>{v}</Link> },
          { title: f('customer'), render: (_v, r) => <Link to={`/customers/${r.customer.id}?tab=accounts`}>{r.customer.name}</Link> },
          { title: f('contract'), render: (_v, r) => (r.contract ? <Link to={`/contracts/${r.contract.id}`}>{r.contract.number}</Link> : '—') },
          { title: f('dueDate'), dataIndex: 'dueDate', render: (v: string) => fmt.date(v) },
          { title: f('daysOverdue'), dataIndex: 'daysOverdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
          { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('amountOpen'), dataIndex: 'amountOpen', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} strong /> },
          { title: f('owner'), render: (_v, r) => r.owner?.name ?? '—' },
        ]}
      />
    </Drawer>
  );
}
