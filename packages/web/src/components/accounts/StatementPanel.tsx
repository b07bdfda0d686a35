// Statement of account 对账单 of a customer for a period: opening balance, every receivable, payment, credit note and
// rebate offset with the running balance, the period totals, closing balance and what it is made of; downloads as
// .xlsx and .pdf (rendered by the server, Chinese included) in the UI's language.
import { DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Descriptions, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatement, useStatementFileMutation } from '../../api/collections';
import type { Statement } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { today, toYmd } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { Money } from '../cash/Money';

type Line = Statement['lines'][number];

export function StatementPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().startOf('year'), today()]);
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const s = (k: string) => t(`statement.${k}`);
  const statement = useStatement(customerId, period);
  const statementFile = useStatementFileMutation();
  const downloading = statementFile.isPending ? statementFile.variables.format : null;
  const from = toYmd(range[0])!;
  const to = toYmd(range[1])!;
  const download = (format: 'xlsx' | 'pdf') =>
    statementFile.mutate({ customerId, from, to, format, lang: i18n.language === 'zh-CN' ? 'zh' : 'en' });
  const st = statement.data;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{s('period')}</Typography.Text>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }} data-testid="statement-range" />
        <Button type="primary" icon={<FileSearchOutlined />} onClick={() => setPeriod({ from, to })} data-testid="statement-view">{s('view')}</Button>
        <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => download('xlsx')} data-testid="statement-xlsx">{s('xlsx')}</Button>
        <Button icon={<DownloadOutlined />} loading={downloading === 'pdf'} onClick={() => download('pdf')} data-testid="statement-pdf">{s('pdf')}</Button>
      </Flex>
      {statement.isError && <Alert type="error" showIcon title={errorText(t, statement.error)} />}
      {st && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'o', label: s('opening'), children: <Money amount={st.openingBalance} currency={st.currency} strong data-testid="statement-opening" /> },
              { key: 'd', label: s('debit'), children: <Money amount={st.totals.debit} currency={st.currency} /> },
              { key: 'c', label: s('credit'), children: <Money amount={st.totals.credit} currency={st.currency} /> },
              { key: 'z', label: s('closing'), children: <Money amount={st.closingBalance} currency={st.currency} strong data-testid="statement-closing" /> },
            ]}
          />
          <Table<Line>
            size="small"
            rowKey={(l, i) => `${l.number}-${l.kind}-${i}`}
            dataSource={st.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: s('empty') }}
            data-testid="statement-lines"
            columns={[
              { title: s('date'), dataIndex: 'date', render: (v: string) => fmt.date(v) },
              { title: s('kind'), dataIndex: 'kind', render: (v: string) => enumLabel(t, 'statementKind', v) },
              { title: s('number'), dataIndex: 'number' },
              { title: s('ref'), dataIndex: 'ref', render: (v: string | null) => v ?? '—' },
              { title: s('debit'), dataIndex: 'debit', align: 'right', render: (v: string) => <Money amount={v} currency={st.currency} /> },
              { title: s('credit'), dataIndex: 'credit', align: 'right', render: (v: string) => <Money amount={v} currency={st.currency} /> },
              { title: s('balance'), dataIndex: 'balance', align: 'right', render: (v: string) => <Money amount={v} currency={st.currency} strong /> },
            ]}
          />
          <Typography.Text type="secondary">
            {s('closingMade')}: {s('receivablesOpen')} {fmt.money(st.closing.receivablesOpen, st.currency)} − {s('paymentsUnapplied')} {fmt.money(st.closing.paymentsUnapplied, st.currency)} − {s('creditNotesUnapplied')} {fmt.money(st.closing.creditNotesUnapplied, st.currency)}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}
