// Money for people: formatted through formatMoney (exact strings, never floats), tabular digits, no wrapping.
import { Typography } from 'antd';
import { useFormat } from '../../i18n/format';

interface Props {
  amount: string | null | undefined;
  currency?: string;
  strong?: boolean;
  type?: 'secondary' | 'danger' | 'success' | 'warning';
  'data-testid'?: string;
}

export function Money({ amount, currency, strong, type, ...rest }: Props) {
  const fmt = useFormat();
  if (amount === null || amount === undefined || amount === '') return <span>—</span>;
  return (
    <Typography.Text
      strong={strong}
      type={type}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid={rest['data-testid']}
      data-value={amount}
    >
      {fmt.money(amount, currency)}
    </Typography.Text>
  );
}
