// The aging report as a table: one row per group (or the total), one column per bucket; every amount is a link to
// the receivables behind it.
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgingReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { bucketLabel } from '../../lib/aging';
import { isZero } from '../../lib/money';

type Row = AgingReport['rows'][number];

interface Props {
  report: AgingReport;
  onDrill: (groupKey: string | undefined, groupLabel: string | undefined, bucket: string | undefined) => void;
}

export function AgingTable({ report, onDrill }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const grouped = report.groupBy !== 'none';
  const cell = (v: string, r: Row | null, bucket: string | undefined) => (isZero(v) ? <span style={{ color: '#bbb' }}>—</span> : (
    <Button type="link" size="small" style={{ padding: 0, fontVariantNumeric: 'tabular-nums' }} data-testid="aging-cell"
      onClick={() => onDrill(r && grouped ? r.key : undefined, r && grouped ? r.label : undefined, bucket)}>
      {fmt.money(v, report.currency)}
    </Button>
  ));
  const rows: Row[] = grouped ? report.rows : [{ ...report.totals, key: '__all', label: t('aging.all') }];
  // by customer the report carries unapplied cash and net overdue (overdue − unapplied): money paid but not yet applied
  const withCash = report.groupBy === 'customer';
  const plain = (v: string | undefined) => (v === undefined ? '—' : isZero(v) ? <span style={{ color: '#bbb' }}>—</span>
    : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fmt.money(v, report.currency)}</span>);
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="aging-table"
      columns={[
        { title: grouped ? t(`aging.groups.${report.groupBy}`) : t('aging.group'), dataIndex: 'label', fixed: 'left', width: 200, ellipsis: true },
        { title: t('aging.count'), dataIndex: 'count', align: 'right' },
        ...report.buckets.map((b, i) => ({
          title: bucketLabel(t, b), key: b.key, align: 'right' as const,
          render: (_v: unknown, r: Row) => cell(r.amounts[i] ?? '0', r, b.key),
        })),
        { title: t('aging.overdue'), dataIndex: 'overdue', align: 'right', render: (v: string, r) => cell(v, r, 'overdue') },
        { title: t('aging.total'), dataIndex: 'total', align: 'right', render: (v: string, r) => cell(v, r, undefined) },
        ...(withCash ? [
          { title: t('dunning.worklist.unapplied'), key: 'unapplied', align: 'right' as const, render: (_v: unknown, r: Row) => plain(r.unapplied) },
          { title: t('dunning.worklist.netOverdue'), key: 'netOverdue', align: 'right' as const, render: (_v: unknown, r: Row) => <span data-testid="aging-net-overdue">{plain(r.netOverdue)}</span> },
        ] : []),
      ]}
      summary={() => (!grouped ? null : (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><b>{t('aging.total')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{report.totals.count}</Table.Summary.Cell>
            {report.buckets.map((b, i) => (
              <Table.Summary.Cell key={b.key} index={i + 2} align="right">{cell(report.totals.amounts[i] ?? '0', null, b.key)}</Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={report.buckets.length + 2} align="right">{cell(report.totals.overdue, null, 'overdue')}</Table.Summary.Cell>
            <Table.Summary.Cell index={report.buckets.length + 3} align="right">{cell(report.totals.total, null, undefined)}</Table.Summary.Cell>
            {withCash && <Table.Summary.Cell index={report.buckets.length + 4} align="right">{plain(report.totals.unapplied)}</Table.Summary.Cell>}
            {withCash && <Table.Summary.Cell index={report.buckets.length + 5} align="right">{plain(report.totals.netOverdue)}</Table.Summary.Cell>}
          </Table.Summary.Row>
        </Table.Summary>
      ))}
    />
  );
}
