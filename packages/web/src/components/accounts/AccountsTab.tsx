// A customer's accounts: prepaid and rebate balances, credit limit and what is still available, open receivables;
// the ledger of each account; and the statement of account 对账单 with downloads.
import { Alert, Card, Col, Divider, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountEntries, useCustomerAccounts } from '../../api/accounts';
import { useCustomerOpenReceivables } from '../../api/collections';
import type { AccountEntry, AccountName, OpenReceivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { isNegative } from '../../lib/money';
import { Money } from '../cash/Money';
import { StatusTag } from '../cash/StatusTag';
import { StatementPanel } from './StatementPanel';

export function AccountsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [account, setAccount] = useState<AccountName>('prepaid');
  const summary = useCustomerAccounts(customerId);
  const entries = useAccountEntries(customerId, account);
  const open = useCustomerOpenReceivables(customerId);
  const a = (k: string) => t(`account.${k}`);
  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <Alert type="error" showIcon title={errorText(t, summary.error)} />;
  const s = summary.data;
  const money = (v: string, testId: string, danger = false) => (
    <span data-testid={testId} data-value={v} style={{ color: danger ? '#cf1322' : undefined }}>{fmt.money(v, s.currency)}</span>
  );

  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]}>
        {([
          ['prepaid', money(s.prepaid, 'account-prepaid')], ['rebate', money(s.rebate, 'account-rebate')],
          ['creditLimit', money(s.creditLimit, 'account-credit-limit')],
          ['creditAvailable', money(s.creditAvailable, 'account-credit-available', isNegative(s.creditAvailable))],
          ['receivablesOpen', money(s.receivablesOpen, 'account-receivables-open')],
          ['paymentTermDays', t('account.days', { days: s.paymentTermDays })],
        ] as const).map(([k, v]) => (
          <Col xs={12} md={8} xl={4} key={k}>
            <Card size="small"><Statistic title={a(k)} valueRender={() => <span style={{ fontSize: 18 }}>{v}</span>} /></Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{a('riskLevel')}: <StatusTag kind="riskLevel" value={s.riskLevel} /></Typography.Text>
      <Divider titlePlacement="start">{a('openReceivables')}</Divider>
      {open.isError && <Alert type="error" showIcon title={errorText(t, open.error)} />}
      <Table<OpenReceivable>
        size="small"
        rowKey="id"
        loading={open.isPending}
        dataSource={open.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('receivable.fields.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/receivables?id=${r.id}`}>{v}</Link> },
          { title: t('receivable.fields.contract'), render: (_v, r) => (r.contract ? <Link to={`/contracts/${r.contract.id}`}>{r.contract.number}</Link> : '—') },
          { title: t('receivable.fields.dueDate'), dataIndex: 'dueDate', render: (v: string) => fmt.date(v) },
          { title: t('receivable.fields.daysOverdue'), dataIndex: 'daysOverdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
          { title: t('receivable.fields.amount'), dataIndex: 'amount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: t('receivable.fields.amountOpen'), dataIndex: 'amountOpen', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} strong /> },
        ]}
      />
      <Divider titlePlacement="start">{a('ledger')}</Divider>
      <Segmented<AccountName>
        value={account}
        onChange={setAccount}
        options={(['prepaid', 'rebate', 'credit'] as const).map((k) => ({ value: k, label: <span data-testid={`ledger-${k}`}>{a(`accounts.${k}`)}</span> }))}
      />
      {entries.isError && <Alert type="error" showIcon title={errorText(t, entries.error)} />}
      <Table<AccountEntry>
        size="small"
        rowKey="id"
        loading={entries.isPending}
        dataSource={entries.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: a('noEntries') }}
        data-testid="ledger-entries"
        columns={[
          { title: a('entry.date'), dataIndex: 'businessDate', render: (v: string) => fmt.date(v) },
          { title: a('entry.kind'), dataIndex: 'kind', render: (v: string) => enumLabel(t, 'accountEntryKind', v) },
          { title: a('entry.memo'), dataIndex: 'memo', render: (v: string | null) => v ?? '—' },
          { title: a('entry.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money amount={v} currency={s.currency} type={isNegative(v) ? 'danger' : undefined} /> },
          { title: a('entry.balance'), dataIndex: 'balanceAfter', align: 'right', render: (v: string) => <Money amount={v} currency={s.currency} strong /> },
        ]}
      />
      <Divider titlePlacement="start">{t('statement.title')}</Divider>
      <StatementPanel customerId={customerId} />
    </Flex>
  );
}
