// The approval inbox's bad-debt tab 坏账审批: the pending requests awaiting my decision (for those with the approve
// right), then every request in my data scope, filterable by status and searchable, a page at a time.
import { BAD_DEBT_REQUEST_STATUSES } from '@l2c/shared';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Select, Skeleton, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAwaitingBadDebtRequests, useBadDebtRequestList, type BadDebtRequest } from '../../api/bad-debt-requests';
import { useAuth } from '../../auth/useAuth';
import { BadDebtDecisionButtons } from '../../components/baddebt/BadDebtDecisionButtons';
import { BadDebtStatusTag } from '../../components/baddebt/BadDebtStatusTag';
import { useBadDebtDecision } from '../../components/baddebt/useBadDebtDecision';
import { LoadMore } from '../../components/LoadMore';
import { Money } from '../../components/cash/Money';
import { SearchBox } from '../../components/SearchBox';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { useUrlFilters } from '../../lib/url';

const FILTER_KEYS = ['bdStatus', 'bdQ'] as const;

/** The requests waiting for the signed-in user's decision (also the tab's badge). */
export function useAwaitingBadDebt() {
  const { can } = useAuth();
  return useAwaitingBadDebtRequests(can('receivables', 'approve'));
}

const receivableLink = (r: BadDebtRequest) => `/receivables?id=${encodeURIComponent(r.receivable.id)}`;

export function BadDebtRequestsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const decision = useBadDebtDecision();
  const awaiting = useAwaitingBadDebt();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const query = { status: filters.bdStatus, q: filters.bdQ };
  const list = useBadDebtRequestList(query, can('receivables', 'read'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`badDebtRequest.fields.${k}`);
  const selected = filters.bdStatus ? filters.bdStatus.split(',') : [];

  return (
    <Flex vertical gap={24}>
      {can('receivables', 'approve') && (
        <Flex vertical gap={12} data-testid="bad-debt-inbox">
          <div>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('badDebtRequest.inbox.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('badDebtRequest.inbox.intro')}</Typography.Text>
          </div>
          {awaiting.isPending && <Skeleton active />}
          {awaiting.isError && <Alert type="error" showIcon title={errorText(t, awaiting.error)} />}
          {awaiting.data && awaiting.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('badDebtRequest.inbox.empty')} />}
          <Row gutter={[16, 16]}>
            {awaiting.data?.items.map((r) => (
              <Col xs={24} lg={12} key={r.id}>
                <Card
                  size="small"
                  data-testid="bad-debt-inbox-item"
                  data-id={r.id}
                  title={
                    <Flex gap={8} align="center" wrap>
                      <Link to={receivableLink(r)} data-testid="bad-debt-receivable-link">{r.receivable.number}</Link>
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>{r.customer.name}</Typography.Text>
                    </Flex>
                  }
                  extra={<Money amount={r.amount} currency={r.currency} strong type="danger" data-testid="bad-debt-inbox-amount" />}
                >
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'reason', label: f('reason'), children: r.reason },
                      { key: 'by', label: f('requestedBy'), children: `${r.requestedBy?.name ?? '—'} · ${fmt.instant(r.requestedAt)}` },
                    ]}
                  />
                  <div style={{ marginTop: 8 }}>
                    <BadDebtDecisionButtons request={r} onDecide={decision.start} />
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
        </Flex>
      )}

      <Flex vertical gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('badDebtRequest.list.title')}</Typography.Title>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} lg={8}>
            <SearchBox value={filters.bdQ} onSearch={(q) => setFilters({ bdQ: q })} placeholder={t('badDebtRequest.list.searchPlaceholder')} testId="bad-debt-search" />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('badDebtRequest.list.allStatuses')}
              value={selected}
              onChange={(v: string[]) => setFilters({ bdStatus: v.length ? v.join(',') : null })}
              options={BAD_DEBT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`badDebtRequest.statuses.${s}`) }))}
              data-testid="bad-debt-status-filter"
            />
          </Col>
        </Row>
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<BadDebtRequest>
          rowKey="id"
          size="middle"
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('badDebtRequest.list.empty')} /> }}
          onRow={(r) => ({ 'data-testid': 'bad-debt-row', 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
          footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
          columns={[
            { title: f('receivable'), render: (_v, r) => <Link to={receivableLink(r)}>{r.receivable.number}</Link> },
            { title: f('customer'), render: (_v, r) => <Link to={`/customers/${r.customer.id}?tab=accounts`}>{r.customer.name}</Link> },
            { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} strong /> },
            { title: f('reason'), dataIndex: 'reason', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>{v}</Typography.Text> },
            { title: f('status'), dataIndex: 'status', render: (v: string) => <BadDebtStatusTag status={v} testId="bad-debt-row-status" /> },
            { title: f('requestedBy'), render: (_v, r) => r.requestedBy?.name ?? '—' },
            { title: f('requestedAt'), dataIndex: 'requestedAt', render: (v: string) => fmt.instant(v) },
            { title: f('decidedBy'), render: (_v, r) => <span data-testid="bad-debt-row-decider">{r.decidedBy?.name ?? '—'}</span> },
            { title: f('decidedAt'), dataIndex: 'decidedAt', render: (v: string | null) => fmt.instant(v) },
            { title: f('decisionComment'), dataIndex: 'decisionComment', render: (v: string | null) => v ?? '—' },
            {
              title: t('common.actions'),
              render: (_v, r) => (decision.canDecide(r) ? <BadDebtDecisionButtons request={r} onDecide={decision.start} size="small" /> : null),
            },
          ]}
        />
      </Flex>
      {decision.modal}
    </Flex>
  );
}
