// The customer's open receivables with one amount box per row: filled from the proposal, adjustable, checked
// against the row's open amount as the user types.
import { Button, Empty, Form, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { RowProblem } from '../../lib/allocation';
import { Money } from '../cash/Money';
import { MoneyInput } from '../cash/MoneyInput';
import { StatusTag } from '../cash/StatusTag';

export interface OpenRow {
  id: string; number: string; dueDate: string; amountOpen: string; amount: string | null; contractNumber: string | null;
  status: string | null; daysOverdue: number;
}

interface Props {
  rows: OpenRow[];
  loading: boolean;
  amounts: Record<string, string>;
  problems: Record<string, RowProblem>;
  currency: string;
  onAmount: (id: string, value: string) => void;
  onFill: (row: OpenRow) => void;
  disabled: boolean;
}

export function AllocationTable({ rows, loading, amounts, problems, currency, onAmount, onFill, disabled }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const problemText = (p: RowProblem | undefined) => {
    if (!p) return undefined;
    return p.kind === 'invalid' ? t('writeOff.invalidAmount') : t('writeOff.exceedsOpen', { amount: fmt.money(p.open, currency) });
  };
  return (
    <Table<OpenRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 480 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('writeOff.noReceivables')} /> }}
      onRow={(r) => ({ 'data-testid': 'workbench-receivable-row', 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('receivable.fields.number'), dataIndex: 'number',
          render: (v: string, r) => (
            <div>
              <span data-testid="workbench-receivable-number">{v}</span>
              {r.status && <div><StatusTag kind="receivableStatus" value={r.status} /></div>}
            </div>
          ),
        },
        { title: t('receivable.fields.contract'), dataIndex: 'contractNumber', render: (v: string | null) => v ?? '—' },
        {
          title: t('receivable.fields.dueDate'), dataIndex: 'dueDate',
          render: (v: string, r) => <span>{fmt.date(v)}{r.daysOverdue > 0 && <div><Typography.Text type="danger" style={{ fontSize: 12 }}>+{r.daysOverdue}</Typography.Text></div>}</span>,
        },
        {
          title: t('receivable.fields.amountOpen'), dataIndex: 'amountOpen', align: 'right',
          render: (v: string, r) => (
            <div>
              <Money amount={v} currency={currency} strong data-testid="workbench-receivable-open" />
              {r.amount && r.amount !== v && <div style={{ fontSize: 12 }}><Money amount={r.amount} currency={currency} type="secondary" /></div>}
            </div>
          ),
        },
        {
          title: t('writeOff.amount'), width: 190, fixed: 'right',
          render: (_v, r) => (
            <Form.Item validateStatus={problems[r.id] ? 'error' : undefined} help={problemText(problems[r.id])} style={{ margin: 0 }}>
              <div style={{ display: 'flex', gap: 4 }}>
                <MoneyInput
                  value={amounts[r.id] ?? ''}
                  onChange={(v) => onAmount(r.id, v)}
                  disabled={disabled}
                  placeholder="0.00"
                  aria-label={`${t('writeOff.amount')} ${r.number}`}
                  data-testid="workbench-amount-input"
                  style={{ width: 120 }}
                />
                <Button size="small" type="link" disabled={disabled} onClick={() => onFill(r)} style={{ paddingInline: 2 }}>{t('writeOff.fillAll')}</Button>
              </div>
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
