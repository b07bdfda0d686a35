// Pick a user, searching GET /users?q= as one types.
import { Select, Tag } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../api/identity';
import { roleLabel } from '../lib/labels';
import { useDebounced } from '../lib/useDebounced';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  activeOnly?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

export function UserSelect({ value, onChange, placeholder, allowClear = true, activeOnly = false, style, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useUserSearch(q);
  const options = (list.data?.items ?? [])
    .filter((u) => !activeOnly || u.active)
    .map((u) => ({
      value: u.id,
      label: (
        <span>
          {u.name} <span style={{ color: '#999' }}>{u.email}</span> <Tag>{roleLabel(t, u.role)}</Tag>
          {!u.active && <Tag color="default">{t('users.inactive')}</Tag>}
        </span>
      ),
      title: u.name,
    }));
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder ?? t('users.searchPlaceholder')}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
      optionLabelProp="title"
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
