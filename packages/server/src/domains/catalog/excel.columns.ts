// The catalog workbook's columns, in both languages: export writes them, import reads either header.
export type CatalogField = 'spuCode' | 'spuName' | 'kind' | 'productLine' | 'unit' | 'taxRate' | 'taxCode' | 'skuCode' | 'skuName' | 'specs' | 'listPrice' | 'cost' | 'status';
export type Lang = 'zh' | 'en';

export interface Column { key: CatalogField; zh: string; en: string; width: number; readOnly?: boolean }

export const COLUMNS: Column[] = [
  { key: 'spuCode', zh: '产品编码', en: 'Product code', width: 16 },
  { key: 'spuName', zh: '产品名称', en: 'Product name', width: 24 },
  { key: 'kind', zh: '产品类型', en: 'Kind', width: 10 },
  { key: 'productLine', zh: '产品线', en: 'Product line', width: 12 },
  { key: 'unit', zh: '基本单位', en: 'Base unit', width: 10 },
  { key: 'taxRate', zh: '税率', en: 'Tax rate', width: 8 },
  { key: 'taxCode', zh: '税收分类编码', en: 'Tax classification code', width: 22 },
  { key: 'skuCode', zh: 'SKU编码', en: 'SKU code', width: 20 },
  { key: 'skuName', zh: 'SKU名称', en: 'SKU name', width: 30 },
  { key: 'specs', zh: '规格', en: 'Specification', width: 24, readOnly: true },
  { key: 'listPrice', zh: '标准价', en: 'List price', width: 12 },
  { key: 'cost', zh: '成本', en: 'Cost', width: 12 },
  { key: 'status', zh: '状态', en: 'Status', width: 10 },
];

export const KIND_LABELS: Record<string, { zh: string; en: string }> = {
  goods: { zh: '实物', en: 'goods' }, virtual: { zh: '虚拟', en: 'virtual' }, service: { zh: '服务', en: 'service' }, project: { zh: '项目', en: 'project' },
};
export const STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  active: { zh: '在售', en: 'active' }, inactive: { zh: '停售', en: 'inactive' },
};

/** A label in either language (or the code itself) back to its code. */
export function codeOf(labels: Record<string, { zh: string; en: string }>, text: string): string | null {
  const t = text.trim().toLowerCase();
  for (const [code, l] of Object.entries(labels)) if (t === code || t === l.zh || t === l.en.toLowerCase()) return code;
  return null;
}

export function fieldOfHeader(text: string): CatalogField | null {
  const t = text.trim().toLowerCase();
  return COLUMNS.find((c) => c.zh === text.trim() || c.en.toLowerCase() === t || c.key.toLowerCase() === t)?.key ?? null;
}
