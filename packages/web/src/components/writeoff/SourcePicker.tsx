// Where the money for a write-off comes from: a confirmed payment with unapplied money (the usual case), an open
// credit note 红字, or the customer's rebate account 返利.
import { Empty, Flex, Radio, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment, Receivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { isPositive } from '../../lib/money';
import { Money } from '../cash/Money';

export type Source = { type: 'payment'; id: string } | { type: 'credit_note'; id: string } | { type: 'rebate' };

interface Props {
  payments: Payment[];
  creditNotes: Receivable[];
  rebate: string | null;
  loading: boolean;
  value: Source | null;
  onChange: (s: Source) => void;
}

export function sourceKey(s: Source | null): string | null {
  return s ? (s.type === 'rebate' ? 'rebate' : `${s.type}:${s.id}`) : null;
}

export function SourcePicker({ payments, creditNotes, rebate, loading, value, onChange }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const selected = sourceKey(value);
  return (
    <Flex vertical gap={12}>
      <Table<Payment>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={payments}
        pagination={false}
        scroll={{ x: 'max-content', y: 320 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('writeOff.noPayments')} /> }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: value?.type === 'payment' ? [value.id] : [],
          onChange: (keys) => { if (keys[0]) onChange({ type: 'payment', id: String(keys[0]) }); },
        }}
        onRow={(p) => ({
          'data-testid': 'workbench-payment-row', 'data-id': p.id, 'data-selected': selected === `payment:${p.id}` ? 'true' : 'false',
          onClick: () => onChange({ type: 'payment', id: p.id }), style: { cursor: 'pointer' },
        }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('payment.fields.number'), dataIndex: 'number',
            render: (v: string, p) => (
              <div>
                {v}
                {(p.remark ?? p.bankReference) && <div><Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{p.remark ?? p.bankReference}</Typography.Text></div>}
              </div>
            ),
          },
          { title: t('payment.fields.receivedOn'), dataIndex: 'receivedOn', render: (v: string) => fmt.date(v) },
          {
            title: t('payment.fields.amountUnapplied'), dataIndex: 'amountUnapplied', align: 'right',
            render: (v: string, p) => (
              <div>
                <Money amount={v} currency={p.currency} strong />
                {v !== p.amount && <div style={{ fontSize: 12 }}><Money amount={p.amount} currency={p.currency} type="secondary" /></div>}
              </div>
            ),
          },
        ]}
      />
      {creditNotes.length > 0 && (
        <div>
          <Typography.Text strong>{t('writeOff.creditNotes')}</Typography.Text>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
            value={selected}
            onChange={(e) => onChange({ type: 'credit_note', id: String(e.target.value).replace('credit_note:', '') })}
            options={creditNotes.map((c) => ({
              value: `credit_note:${c.id}`,
              label: <span data-testid="workbench-credit-note">{c.number} · {t('writeOff.available')} <Money amount={c.amountOpen} currency={c.currency} /></span>,
            }))}
          />
        </div>
      )}
      {rebate !== null && isPositive(rebate) && (
        <Radio checked={selected === 'rebate'} onChange={() => onChange({ type: 'rebate' })} data-testid="workbench-rebate">
          {t('writeOff.rebate')} · {t('writeOff.rebateBalance', { amount: fmt.money(rebate) })}
        </Radio>
      )}
    </Flex>
  );
}
