// A contract's lines as booked (read-only), with the document totals.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractLine } from '../../api/types';
import { rateToPercent } from '../../lib/contractForm';
import { Money } from '../cash/Money';

export function ContractLinesTable({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const l = (k: string) => t(`contract.lines.${k}`);
  const c = contract.currency;
  return (
    <Table<ContractLine>
      size="small"
      rowKey="id"
      dataSource={contract.lines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: l('empty') }}
      columns={[
        { title: '#', dataIndex: 'lineNo', width: 40 },
        { title: l('description'), dataIndex: 'description' },
        {
          title: l('productCode'), dataIndex: 'productCode',
          // A line picked from the catalog carries its SKU; one without is a one-off free line (issue 11 §4).
          render: (v: string | null, line: ContractLine) => <>{v ?? '—'} {line.skuId ? <Tag color="blue">{t('catalog.picker.fromCatalog')}</Tag> : <Tag data-testid="line-free">{t('catalog.picker.free')}</Tag>}</>,
        },
        { title: l('quantity'), dataIndex: 'quantity', align: 'right', render: (v: string, r) => `${v}${r.unit ? ` ${r.unit}` : ''}` },
        { title: contract.pricesIncludeTax ? l('unitPriceIncl') : l('unitPriceExcl'), dataIndex: 'unitPrice', align: 'right', render: (v: string) => <Money amount={v} currency={c} /> },
        { title: l('discount'), dataIndex: 'discountRate', align: 'right', render: (v: string) => `${rateToPercent(v)}%` },
        { title: l('taxRate'), dataIndex: 'taxRate', align: 'right', render: (v: string) => `${rateToPercent(v)}%` },
        { title: l('amountExclTax'), dataIndex: 'amountExclTax', align: 'right', render: (v: string) => <Money amount={v} currency={c} /> },
        { title: l('taxAmount'), dataIndex: 'taxAmount', align: 'right', render: (v: string) => <Money amount={v} currency={c} /> },
        { title: l('amountInclTax'), dataIndex: 'amountInclTax', align: 'right', render: (v: string) => <Money amount={v} currency={c} strong /> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={7}><Typography.Text strong>{l('total')}</Typography.Text></Table.Summary.Cell>
          <Table.Summary.Cell index={7} align="right"><Money amount={contract.amountExclTax} currency={c} strong /></Table.Summary.Cell>
          <Table.Summary.Cell index={8} align="right"><Money amount={contract.taxAmount} currency={c} strong /></Table.Summary.Cell>
          <Table.Summary.Cell index={9} align="right"><Money amount={contract.amountInclTax} currency={c} strong data-testid="contract-amount" /></Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
