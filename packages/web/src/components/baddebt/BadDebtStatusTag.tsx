// The status of a bad-debt request as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { pending: 'processing', approved: 'error', rejected: 'default' };

export function BadDebtStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`badDebtRequest.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
