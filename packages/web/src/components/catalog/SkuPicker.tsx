// Pick a product from the catalog 从目录选择产品 (the contract editor's lines; reusable): searches sellable SKUs as one
// types — for the customer's grade and region when given — and hands back the SKU, so the line takes its code, name,
// unit, list price and tax rate. Clearing it leaves a one-off free line.
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkuSearch, type Sku } from '../../api/catalog';
import { useDebounced } from '../../lib/useDebounced';

export interface SkuPickerProps {
  value?: string | null;
  /** The label of the current value when it is not among the search results (an existing line: its code). */
  currentLabel?: string;
  onPick: (sku: Sku | null) => void;
  buyer?: { grade?: string | null; region?: string | null; channel?: string | null };
  style?: React.CSSProperties;
}

export function SkuPicker({ value, currentLabel, onPick, buyer, style }: SkuPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useSkuSearch({ q: q || undefined, grade: buyer?.grade ?? null, region: buyer?.region ?? null, channel: buyer?.channel ?? null });
  const items = found.data?.items ?? [];
  const options = items.map((s) => ({ value: s.id, label: <span>{s.code} {s.name} {s.isBundle && <Tag color="purple">{t('catalog.isBundle')}</Tag>}</span> }));
  if (value && !items.some((s) => s.id === value)) options.unshift({ value, label: <span>{currentLabel ?? value}</span> });
  return (
    <Select
      showSearch allowClear filterOption={false} value={value ?? undefined} onSearch={setSearch} loading={found.isFetching} style={style ?? { width: '100%' }}
      placeholder={t('catalog.picker.placeholder')} options={options} popupMatchSelectWidth={360} data-testid="sku-picker"
      onChange={(id?: string) => onPick(id ? items.find((s) => s.id === id) ?? null : null)}
    />
  );
}
