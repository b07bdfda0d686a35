// The lines of a contract: one editable row per line, with its amounts computed live (the preview comes from the
// shared tax functions, exactly as the server computes them) and the document totals in the table's summary.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TAX_RATES } from '@l2c/shared';
import { Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_LINE, rateToPercent, validDiscount, validQuantity, validUnitPrice, type LinesPreview } from '../../lib/contractForm';
import { Money } from '../cash/Money';
import { CatalogLineCell } from '../catalog/CatalogLineCell';

interface Props {
  preview: LinesPreview;
  pricesIncludeTax: boolean;
  currency: string;
  /** The list's name in the form (default "lines"). */
  name?: string;
  /** The customer's grade and region: the product picker offers what is sellable to them. */
  buyer?: { grade?: string | null; region?: string | null };
}

const rateLabel = (r: string) => `${rateToPercent(r)}%`;

export function LinesEditor({ preview, pricesIncludeTax, currency, name = 'lines', buyer }: Props) {
  const { t } = useTranslation();
  const l = (k: string) => t(`contract.lines.${k}`);
  const rule = (ok: (v: string | undefined) => boolean, message: string) => ({
    validator: async (_r: unknown, v?: string) => { if (!ok(v)) throw new Error(message); },
  });
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            dataSource={fields}
            pagination={false}
            scroll={{ x: 1510 }}
            locale={{ emptyText: l('empty') }}
            data-testid="contract-lines"
            onRow={() => ({ 'data-testid': 'contract-line' }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: '#', width: 40, render: (_v, _f, i) => i + 1 },
              { title: t('catalog.nav'), width: 230, render: (_v, f) => <CatalogLineCell list={name} index={f.name} buyer={buyer} /> },
              {
                title: l('description'), width: 220,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, whitespace: true, message: l('descriptionRequired') }]} style={{ margin: 0 }}>
                    <Input maxLength={500} data-testid="line-description" />
                  </Form.Item>
                ),
              },
              {
                title: l('productCode'), width: 110,
                render: (_v, f) => <Form.Item name={[f.name, 'productCode']} style={{ margin: 0 }}><Input maxLength={60} /></Form.Item>,
              },
              {
                title: l('quantity'), width: 90,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'quantity']} rules={[rule(validQuantity, l('quantityInvalid'))]} style={{ margin: 0 }}>
                    <Input inputMode="decimal" style={{ textAlign: 'right' }} data-testid="line-quantity" />
                  </Form.Item>
                ),
              },
              {
                title: l('unit'), width: 70,
                render: (_v, f) => <Form.Item name={[f.name, 'unit']} style={{ margin: 0 }}><Input maxLength={20} /></Form.Item>,
              },
              {
                title: pricesIncludeTax ? l('unitPriceIncl') : l('unitPriceExcl'), width: 130,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'unitPrice']} rules={[rule(validUnitPrice, l('priceInvalid'))]} style={{ margin: 0 }}>
                    <Input inputMode="decimal" style={{ textAlign: 'right' }} data-testid="line-unit-price" />
                  </Form.Item>
                ),
              },
              {
                title: l('discount'), width: 80,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'discountPercent']} rules={[rule(validDiscount, l('discountInvalid'))]} style={{ margin: 0 }}>
                    <Input inputMode="decimal" style={{ textAlign: 'right' }} placeholder="0" data-testid="line-discount" />
                  </Form.Item>
                ),
              },
              {
                title: l('taxRate'), width: 90,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'taxRate']} style={{ margin: 0 }}>
                    <Select options={TAX_RATES.map((r) => ({ value: r, label: rateLabel(r) }))} data-testid="line-tax-rate" />
                  </Form.Item>
                ),
              },
              { title: l('amountExclTax'), width: 120, align: 'right', render: (_v, f) => <Money amount={preview.rows[f.name]?.amountExclTax} currency={currency} /> },
              { title: l('taxAmount'), width: 110, align: 'right', render: (_v, f) => <Money amount={preview.rows[f.name]?.taxAmount} currency={currency} /> },
              {
                title: l('amountInclTax'), width: 130, align: 'right',
                render: (_v, f) => <Money amount={preview.rows[f.name]?.amountInclTax} currency={currency} strong data-testid="line-amount-incl" />,
              },
              {
                title: '', width: 44, fixed: 'right',
                render: (_v, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={9}><Typography.Text strong>{l('total')}</Typography.Text></Table.Summary.Cell>
                <Table.Summary.Cell index={9} align="right"><Money amount={preview.totals.amountExclTax} currency={currency} strong data-testid="contract-total-excl" /></Table.Summary.Cell>
                <Table.Summary.Cell index={10} align="right"><Money amount={preview.totals.taxAmount} currency={currency} strong data-testid="contract-total-tax" /></Table.Summary.Cell>
                <Table.Summary.Cell index={11} align="right"><Money amount={preview.totals.amountInclTax} currency={currency} strong data-testid="contract-total-incl" /></Table.Summary.Cell>
                <Table.Summary.Cell index={12} />
              </Table.Summary.Row>
            )}
          />
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_LINE })} data-testid="line-add">{l('add')}</Button>
            <Flex gap={16} wrap>
              <span>{l('amountExclTax')}: <Money amount={preview.totals.amountExclTax} currency={currency} /></span>
              <span>{l('taxAmount')}: <Money amount={preview.totals.taxAmount} currency={currency} /></span>
              <span>{l('amountInclTax')}: <Money amount={preview.totals.amountInclTax} currency={currency} strong /></span>
            </Flex>
          </Flex>
        </>
      )}
    </Form.List>
  );
}
