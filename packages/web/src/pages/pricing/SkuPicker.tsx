// A SKU picked by code or name from the catalog (searched as the user types): the pricing admin's forms use it.
import { Select } from 'antd';
import { useState } from 'react';
import { useSkuSearch } from '../../api/quotes';
import { useDebounced } from '../../lib/useDebounced';

export function SkuPicker({ value, onChange, testId, width = 260 }: { value?: string; onChange?: (v: string) => void; testId?: string; width?: number }) {
  const [search, setSearch] = useState('');
  const hits = useSkuSearch(useDebounced(search.trim(), 200));
  return (
    <Select showSearch={{ filterOption: false, onSearch: setSearch }} value={value} onChange={onChange} style={{ minWidth: width }} data-testid={testId}
      options={(hits.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))} />
  );
}
