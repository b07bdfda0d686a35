// Coloured tags for the statuses of contracts, receivables, payments, approvals and write-offs.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel, type EnumKind } from '../../lib/labels';

const COLORS: Partial<Record<EnumKind, Record<string, string>>> = {
  contractStatus: {
    draft: 'default', in_approval: 'processing', approved: 'cyan', signed: 'blue', in_performance: 'geekblue', completed: 'success', terminated: 'error',
  },
  receivableStatus: { open: 'orange', partially_paid: 'gold', paid: 'success', bad_debt: 'error', applied: 'default' },
  paymentStatus: { claimed: 'processing', confirmed: 'success', rejected: 'error' },
  approvalStatus: { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', cancelled: 'default', withdrawn: 'default' },
  writeOffKind: { apply: 'blue', reverse: 'magenta', bad_debt: 'error' },
  riskLevel: { low: 'green', normal: 'blue', high: 'red' },
};

export function StatusTag({ kind, value, testId }: { kind: EnumKind; value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[kind]?.[value] ?? 'default'} data-testid={testId} data-status={value} style={{ marginInlineEnd: 0 }}>
      {enumLabel(t, kind, value)}
    </Tag>
  );
}
