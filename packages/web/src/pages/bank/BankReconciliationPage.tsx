// The reconciliation workbench 对账工作台: finance imports bank statements and most lines are matched by themselves; the
// rest wait here — with a proposal for finance to confirm, split or reject, or without one for a rep to claim 认领 for
// her own customer. The statements tab shows every statement's balance check and holds the ones that do not reconcile.
import { ImportOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Table, Tabs, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useBankLines, useConfirmBankMatch, useRejectBankMatch, useRematchBankLines, type BankLine, type BankLineFilters,
} from '../../api/bank-statements';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { ReasonModal } from '../../components/cash/ReasonModal';
import { SearchBox } from '../../components/SearchBox';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { useUrlFilters } from '../../lib/url';
import { ClaimModal } from './ClaimModal';
import { ImportModal } from './ImportModal';
import { StatementsTab } from './StatementsTab';
import { BankAmount, LineStatus, Proposal } from './parts';

const KEYS = ['tab', 'q'] as const;
const TAB_FILTERS: Record<string, BankLineFilters> = {
  proposed: { status: 'unclaimed', proposal: 'with' },
  unclaimed: { status: 'unclaimed', proposal: 'without' },
  matched: { status: 'matched' },
  other: {},
};

function LinesTab({ filters }: { filters: BankLineFilters }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const list = useBankLines(filters);
  const confirm = useConfirmBankMatch();
  const reject = useRejectBankMatch({ silent: true });
  const [claiming, setClaiming] = useState<{ line: BankLine; mode: 'claim' | 'split' } | null>(null);
  const [rejecting, setRejecting] = useState<{ line: BankLine; what: 'proposal' | 'line' } | null>(null);
  const finance = can('payments', 'confirm');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`bank.fields.${k}`);
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<BankLine> rowKey="id" size="middle" dataSource={items} pagination={false} scroll={{ x: 'max-content' }}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} locale={{ emptyText: t('bank.empty') }}
        onRow={(l) => ({ 'data-testid': 'bank-line-row', 'data-id': l.id, 'data-reference': l.bankReference ?? '' }) as HTMLAttributes<HTMLElement>}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('bookedOn'), dataIndex: 'bookedOn', render: (v: string) => fmt.date(v) },
          { title: f('amount'), align: 'right', render: (_v, l) => <BankAmount amount={l.direction === 'debit' ? `-${l.amount}` : l.amount} currency={l.currency} strong testId="bank-line-amount" /> },
          {
            title: f('payer'), render: (_v, l) => (
              <Flex vertical><span>{l.payerName ?? '—'}</span>{l.payerAccount && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.payerAccount}</Typography.Text>}</Flex>
            ),
          },
          { title: f('remittance'), render: (_v, l) => <Typography.Text style={{ maxWidth: 260 }} ellipsis={{ tooltip: l.remittance }}>{l.remittance ?? '—'}</Typography.Text> },
          { title: f('proposal'), render: (_v, l) => <Proposal line={l} /> },
          {
            title: f('payment'), render: (_v, l) => l.payment && (
              <Flex vertical>
                <span data-testid="bank-line-payment">{l.payment.number}</span>
                {l.payment.customer && <Link to={`/customers/${l.payment.customer.id}?tab=accounts`}>{l.payment.customer.name}</Link>}
              </Flex>
            ),
          },
          { title: f('status'), render: (_v, l) => <LineStatus line={l} /> },
          {
            title: t('common.actions'), fixed: 'right', render: (_v, l) => l.status === 'unclaimed' && (
              <Flex gap={4} wrap>
                {finance && l.proposal?.status === 'pending' && (
                  <Button size="small" type="primary" loading={confirm.isPending && confirm.variables?.id === l.id} data-testid="bank-line-confirm"
                    onClick={() => confirm.mutate(l, { onSuccess: () => void message.success(l.proposal?.payment ? t('bank.linkOk', { number: l.proposal.payment.number }) : t('bank.confirmOk')) })}>{t('bank.actions.confirm')}</Button>
                )}
                {/* a line proposed as a payment registered by hand has no payment of its own yet: finance decides that first */}
                {finance && l.payment && <Button size="small" onClick={() => setClaiming({ line: l, mode: 'split' })} data-testid="bank-line-split">{t('bank.actions.split')}</Button>}
                {finance && <Button size="small" danger onClick={() => setRejecting({ line: l, what: l.proposal?.status === 'pending' ? 'proposal' : 'line' })} data-testid="bank-line-reject">{t('bank.actions.reject')}</Button>}
                {!finance && l.payment && can('payments', 'create') && <Button size="small" type="primary" onClick={() => setClaiming({ line: l, mode: 'claim' })} data-testid="bank-line-claim">{t('bank.actions.claim')}</Button>}
              </Flex>
            ),
          },
        ]}
      />
      <ClaimModal line={claiming?.line ?? null} mode={claiming?.mode ?? 'claim'} onClose={() => setClaiming(null)}
        onDone={() => { void message.success(t(claiming?.mode === 'split' ? 'bank.splitOk' : 'bank.claimOk')); setClaiming(null); }} />
      <ReasonModal open={!!rejecting} title={`${t('bank.rejectTitle')} · ${rejecting ? t(rejecting.what === 'proposal' && rejecting.line.proposal?.payment ? 'bank.rejectWhat.existing' : `bank.rejectWhat.${rejecting.what}`) : ''}`} label={t('bank.rejectReason')} danger testId="bank-reject"
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (!rejecting) return;
          await reject.mutateAsync({ ...rejecting, reason });
          void message.success(t('bank.rejectOk'));
        }} />
    </>
  );
}

export default function BankReconciliationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message, notification } = App.useApp();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [importing, setImporting] = useState(false);
  const rematch = useRematchBankLines();
  const finance = can('payments', 'confirm');
  const tab = filters.tab ?? (finance ? 'proposed' : 'unclaimed');
  // a rep's 待认领 tab holds every waiting line: a proposal she may see (her customer's) does not hide it from her
  const lineFilters = (key: string): BankLineFilters => (!finance && key === 'unclaimed' ? { status: 'unclaimed' } : TAB_FILTERS[key]!);
  const lineTab = (key: string) => ({
    key, label: t(`bank.tabs.${key}`),
    children: <LinesTab filters={{ ...lineFilters(key), ...(filters.q ? { q: filters.q } : {}) }} />,
  });
  const tabs = [
    ...(finance ? [lineTab('proposed')] : []), lineTab('unclaimed'), lineTab('matched'),
    ...(finance ? [{ key: 'statements', label: t('bank.tabs.statements'), children: <StatementsTab /> }, lineTab('other')] : []),
  ];
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('bank.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('bank.subtitle')}</Typography.Text>
          </Flex>
          {finance && (
            <Flex gap={8}>
              <Button icon={<SyncOutlined />} loading={rematch.isPending} data-testid="bank-rematch"
                onClick={() => rematch.mutate(undefined, { onSuccess: (r) => void message.success(t('bank.rematchDone', r)) })}>{t('bank.rematch')}</Button>
              <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="bank-import">{t('bank.import')}</Button>
            </Flex>
          )}
        </Flex>
        <Row><Col xs={24} md={12}><SearchBox value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('bank.search')} testId="bank-search" /></Col></Row>
        <Tabs activeKey={tab} onChange={(k) => setFilters({ tab: k })} items={tabs} destroyOnHidden />
      </Flex>
      <ImportModal open={importing} onClose={() => setImporting(false)}
        onDone={(r) => {
          setImporting(false);
          const unbalanced = r.statements.filter((s) => s.status === 'unbalanced').length;
          notification.info({
            title: r.alreadyImported ? t('bank.alreadyImported') : t('bank.importDone', r),
            description: unbalanced > 0 ? t('bank.unbalancedWarning', { count: unbalanced }) : undefined,
            placement: 'topRight', duration: 8,
          });
        }} />
    </Card>
  );
}
