// A search input that searches on Enter, on the button, and shortly after typing stops.
// (data-testid lands on the <input> itself, so tests can type into it.)
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string | undefined;
  onSearch: (q: string | null) => void;
  placeholder?: string;
  testId?: string;
  delayMs?: number;
}

export function SearchBox({ value, onSearch, placeholder, testId, delayMs = 400 }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const last = useRef(value ?? '');
  useEffect(() => {
    setText(value ?? '');
    last.current = value ?? '';
  }, [value]);

  const fire = (raw: string) => {
    const q = raw.trim();
    if (q === last.current) return;
    last.current = q;
    onSearch(q || null);
  };

  useEffect(() => {
    const id = setTimeout(() => fire(text), delayMs);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, delayMs]);

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => fire(text)}
        placeholder={placeholder}
        data-testid={testId}
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={() => fire(text)} aria-label={t('common.search')} />
    </Space.Compact>
  );
}
