// Pick a customer (e.g. the parent company), searching GET /customers?q= as one types.
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useCustomerSearch } from '../api/customers';
import { useDebounced } from '../lib/useDebounced';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The current choice, so its name shows before any search. */
  initial?: { id: string; name: string } | null;
  /** A customer that may not be chosen (the one being edited). */
  excludeId?: string;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

export function CustomerSelect({ value, onChange, initial, excludeId, placeholder, id, style }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useCustomerSearch(q);
  const options = (list.data?.items ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: `${c.name} (${c.number})` }));
  if (initial && !options.some((o) => o.value === initial.id)) options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
    />
  );
}
