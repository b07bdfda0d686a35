// The compliance check's findings in words: what is wrong (by code), where (the field), and the customer's limits.
import { Alert, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { enumLabel } from '../../lib/labels';

/** "instalments.0.dueDaysAfterTrigger" → "第 1 期 · 触发后天数". */
export function compliancePathLabel(t: TFunction, path: string): string {
  const parts = path.split('.');
  const head = parts[0] ?? '';
  if (head === 'instalments' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const field = parts[2] === 'dueDaysAfterTrigger' ? t('contract.plan.dueDays') : parts[2] ? t(`contract.plan.${parts[2]}`, { defaultValue: parts[2] }) : '';
    return [t('contract.compliance.paths.instalment', { n: Number(parts[1]) + 1 }), field].filter(Boolean).join(' · ');
  }
  return t(`contract.compliance.paths.${head}`, { defaultValue: path });
}

interface Props {
  compliance?: Compliance | null;
  /** Field problems from a refused submission, when the full check is not (yet) loaded. */
  errors?: ReadonlyArray<{ path: string; message: string }>;
  currency?: string;
}

export function ComplianceIssues({ compliance, errors, currency }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!compliance && !errors?.length) return null;
  const block = compliance ? compliance.issues.filter((i) => i.severity === 'block') : [];
  const approval = compliance ? compliance.issues.filter((i) => i.severity === 'approval') : [];
  const summary = compliance && t('contract.compliance.summary', {
    days: compliance.allowedTermDays, limit: fmt.money(compliance.creditLimit, currency), available: fmt.money(compliance.creditAvailable, currency),
    risk: enumLabel(t, 'riskLevel', compliance.riskLevel),
  });
  const item = (title: string, path: string, message: string, key: string) => (
    <li key={key} data-testid="compliance-issue">
      <Typography.Text strong>{title}</Typography.Text>
      {path && <Typography.Text> · {compliancePathLabel(t, path)}</Typography.Text>}
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{message}</Typography.Text></div>
    </li>
  );
  const list = compliance
    ? block.map((i, k) => item(t(`contract.compliance.codes.${i.code}`), i.path, i.message, `b${k}`))
    : (errors ?? []).map((e, k) => item(compliancePathLabel(t, e.path), '', e.message, `e${k}`));

  if (compliance && block.length === 0 && approval.length === 0) {
    return <Alert type="success" showIcon title={t('contract.compliance.passed')} description={summary} data-testid="compliance-ok" />;
  }
  return (
    <>
      {list.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="compliance-issues"
          title={t('contract.compliance.failed')}
          description={<><ul style={{ margin: 0, paddingInlineStart: 18 }}>{list}</ul>{summary && <div style={{ marginTop: 8 }}>{summary}</div>}</>}
        />
      )}
      {approval.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: list.length ? 8 : 0 }}
          title={t('contract.compliance.approvalNeeded')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{approval.map((i, k) => item(t(`contract.compliance.codes.${i.code}`), i.path, i.message, `a${k}`))}</ul>}
        />
      )}
    </>
  );
}
