// One contract line's product cell: the catalog picker, and a tag saying whether the line is a catalog product or a
// one-off free line (自由行). Picking a SKU fills the line's code, description, unit, unit price (its list price) and
// tax rate; the person may still change them. Clearing the pick keeps the text: the line becomes a free line.
import { Flex, Form, Input, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../api/catalog';
import { SkuPicker } from './SkuPicker';

export function CatalogLineCell({ list, index, buyer }: { list: string; index: number; buyer?: { grade?: string | null; region?: string | null } | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const skuId = Form.useWatch([list, index, 'skuId'], form) as string | null | undefined;
  const code = Form.useWatch([list, index, 'productCode'], form) as string | undefined;
  const pick = (sku: Sku | null) => {
    const at = (field: string) => [list, index, field];
    form.setFieldValue(at('skuId'), sku?.id ?? null);
    if (!sku) return;
    form.setFieldValue(at('productCode'), sku.code);
    form.setFieldValue(at('description'), sku.name);
    form.setFieldValue(at('unit'), sku.unit.name);
    form.setFieldValue(at('unitPrice'), sku.listPrice);
    form.setFieldValue(at('taxRate'), sku.taxRate);
  };
  return (
    <Flex gap={4} align="center">
      <Form.Item name={[index, 'skuId']} hidden><Input /></Form.Item>
      <SkuPicker value={skuId ?? null} currentLabel={code} onPick={pick} buyer={buyer} style={{ width: 170 }} />
      {skuId
        ? <Tag color="blue" data-testid="line-catalog">{t('catalog.picker.fromCatalog')}</Tag>
        : <Tooltip title={t('catalog.picker.freeHint')}><Tag data-testid="line-free">{t('catalog.picker.free')}</Tag></Tooltip>}
    </Flex>
  );
}
