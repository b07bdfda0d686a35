// A priced line's trace: which rule did what, in order, with the amount before and after (docs/pricing.md).
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '@l2c/shared';

export function TraceTable({ line }: { line: PricedLine }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={line.trace} data-testid="trace-table"
      columns={[
        { title: t('pricing.step'), dataIndex: 'step', width: 90, render: (s: string) => t(`pricing.steps.${s}`, { defaultValue: s }) },
        { title: t('pricing.note'), dataIndex: 'note' },
        { title: t('pricing.before'), dataIndex: 'before', align: 'right', width: 100 },
        { title: t('pricing.after'), dataIndex: 'after', align: 'right', width: 100 },
      ]}
    />
  );
}
