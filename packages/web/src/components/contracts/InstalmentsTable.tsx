// The payment plan of a contract as booked: each instalment's trigger, due date, amount and tax, and the status of
// the receivable it became (open / partially paid / paid …) with what is still open.
import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instalment, Receivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { enumLabel, milestoneLabel } from '../../lib/labels';
import { Money } from '../cash/Money';
import { StatusTag } from '../cash/StatusTag';

interface Props {
  instalments: Instalment[];
  receivables: Receivable[];
  currency: string;
}

export function InstalmentsTable({ instalments, receivables, currency }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = (k: string) => t(`contract.plan.${k}`);
  const byId = new Map(receivables.map((r) => [r.id, r]));
  return (
    <Table<Instalment>
      size="small"
      rowKey="id"
      dataSource={instalments}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: p('empty') }}
      onRow={() => ({ 'data-testid': 'instalment-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: p('seq'), dataIndex: 'seq', width: 50 },
        {
          title: p('trigger'), dataIndex: 'trigger',
          render: (v: string, i) => (
            <span>{enumLabel(t, 'trigger', v)}{i.milestone ? ` · ${milestoneLabel(t, i.milestone)}` : ''}{i.dueDaysAfterTrigger ? ` +${i.dueDaysAfterTrigger}` : ''}</span>
          ),
        },
        { title: p('percent'), dataIndex: 'percent', align: 'right', render: (v: string | null) => (v ? `${v}%` : '—') },
        { title: p('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money amount={v} currency={currency} /> },
        { title: t('contract.lines.taxAmount'), dataIndex: 'taxAmount', align: 'right', render: (v: string) => <Money amount={v} currency={currency} type="secondary" /> },
        { title: `${p('dueDate')} / ${p('expectedDate')}`, dataIndex: 'dueDate', render: (v: string | null) => fmt.date(v) },
        { title: p('method'), dataIndex: 'method', render: (v: string | null) => enumLabel(t, 'method', v) },
        { title: p('owner'), render: (_v, i) => i.owner?.name ?? '—' },
        {
          title: p('receivable'),
          render: (_v, i) => {
            const r = i.receivableId ? byId.get(i.receivableId) : undefined;
            if (!i.receivableId) {
              return <Typography.Text type="secondary">{i.triggeredOn ? t('contract.plan.triggeredOn', { date: fmt.date(i.triggeredOn) }) : p('notTriggered')}</Typography.Text>;
            }
            return (
              <span data-testid="instalment-receivable">
                <Link to={`/receivables?id=${i.receivableId}`}>{r?.number ?? t('contract.detail.openReceivable')}</Link>{' '}
                {r && <StatusTag kind="receivableStatus" value={r.status} />}
              </span>
            );
          },
        },
        {
          title: t('receivable.fields.amountOpen'), align: 'right',
          render: (_v, i) => {
            const r = i.receivableId ? byId.get(i.receivableId) : undefined;
            return r ? <Money amount={r.amountOpen} currency={currency} type={r.daysOverdue > 0 ? 'danger' : undefined} /> : '—';
          },
        },
      ]}
    />
  );
}
