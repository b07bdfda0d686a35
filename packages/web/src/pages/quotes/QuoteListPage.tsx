// Quotes 报价单: the caller's quotes (reps their own, managers their team's), newest first, with status and total.
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QUOTE_STATUSES } from '@l2c/shared';
import { useQuoteList } from '../../api/quotes';
import { useAuth } from '../../auth/useAuth';
import { Money } from '../../components/cash/Money';
import { LoadMore } from '../../components/LoadMore';
import { useDebounced } from '../../lib/useDebounced';

export default function QuoteListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [status, setStatus] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useQuoteList({ status, q: q || undefined });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('quote.title')}</Typography.Title>
          <Flex gap={8} wrap>
            <Input.Search allowClear placeholder={t('quote.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
            <Select allowClear placeholder={t('quote.allStatuses')} value={status} onChange={setStatus} style={{ width: 160 }}
              options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quote.statuses.${s}`) }))} />
            {can('quotes', 'create') && <Link to="/quotes/new"><Button type="primary" data-testid="quote-new">{t('quote.new')}</Button></Link>}
          </Flex>
        </Flex>
        <Table size="small" rowKey="id" pagination={false} loading={list.isPending} dataSource={rows} locale={{ emptyText: t('quote.none') }} data-testid="quote-list"
          columns={[
            { title: t('quote.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/quotes/${r.id}`}>{n}</Link> },
            { title: t('quote.titleField'), dataIndex: 'title' },
            { title: t('quote.customer'), render: (_, r) => r.customer.name },
            { title: t('quote.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`quote.statuses.${s}`)}</Tag> },
            { title: t('quote.version'), dataIndex: 'versionSeq', width: 70 },
            { title: t('quote.amount'), align: 'right', render: (_, r) => <Money amount={r.amountInclTax} currency={r.currency} /> },
            { title: t('quote.validUntil'), dataIndex: 'validUntil' },
            { title: t('quote.owner'), render: (_, r) => r.owner?.name ?? '—' },
          ]} />
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </Flex>
    </Card>
  );
}
