// A money input that keeps the amount as the exact string typed (no float on the way): digits and at most 2
// decimals; thousands separators and currency signs pasted in are stripped.
import { Input } from 'antd';
import type { CSSProperties } from 'react';
import { normalizeAmount } from '../../lib/money';

interface Props {
  value?: string | null;
  onChange?: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error' | 'warning';
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
  onBlur?: () => void;
}

export function MoneyInput({ value, onChange, style, ...rest }: Props) {
  return (
    <Input
      {...rest}
      value={value ?? ''}
      inputMode="decimal"
      autoComplete="off"
      onChange={(e) => onChange?.(normalizeAmount(e.target.value))}
      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', ...style }}
    />
  );
}
