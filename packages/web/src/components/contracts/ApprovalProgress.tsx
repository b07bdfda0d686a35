// Approval progress of a document: the latest request's steps (who approves, who acted, their comment) and the
// earlier requests folded away.
import { Collapse, Empty, Flex, Steps, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { StatusTag } from '../cash/StatusTag';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';
const STEP_STATUS: Record<string, StepStatus> = {
  waiting: 'wait', pending: 'process', approved: 'finish', rejected: 'error', returned: 'error', cancelled: 'wait',
};

export function stepName(t: TFunction, name: string): string {
  return t(`approval.stepNames.${name}`, { defaultValue: name });
}

function RequestSteps({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Flex vertical gap={8} data-testid="approval-request">
      <Flex gap={8} align="center" wrap>
        <StatusTag kind="approvalStatus" value={request.status} testId="approval-status" />
        <Typography.Text type="secondary">
          {t('approval.progress.submitted', { name: request.submittedBy?.name ?? '—', time: fmt.instant(request.createdAt) })}
        </Typography.Text>
      </Flex>
      <Steps
        orientation="vertical"
        size="small"
        items={request.steps.map((s) => ({
          title: stepName(t, s.name),
          status: STEP_STATUS[s.status] ?? 'wait',
          content: (
            <div data-testid="approval-step" data-status={s.status}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approval.progress.approvers', { names: s.approvers.map((a) => a.name).join('、') || '—' })}
              </Typography.Text>
              {s.actedBy && (
                <div>
                  <Typography.Text style={{ fontSize: 12 }}>{t('approval.progress.actedBy', { name: s.actedBy.name, time: fmt.instant(s.actedAt) })}</Typography.Text>
                </div>
              )}
              {s.comment && <div><Typography.Text italic style={{ fontSize: 12 }}>“{s.comment}”</Typography.Text></div>}
            </div>
          ),
        }))}
      />
    </Flex>
  );
}

export function ApprovalProgress({ requests }: { requests: ApprovalRequest[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (requests.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.detail.noApproval')} />;
  const sorted = [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [latest, ...earlier] = sorted;
  return (
    <Flex vertical gap={12}>
      <RequestSteps request={latest!} />
      {earlier.length > 0 && (
        <Collapse
          size="small"
          items={[{
            key: 'history',
            label: `${t('approval.progress.history')} (${earlier.length})`,
            children: (
              <Flex vertical gap={16}>
                {earlier.map((r) => (
                  <div key={r.id}>
                    <Typography.Text type="secondary">{r.docNumber} · {fmt.instant(r.createdAt)}</Typography.Text>
                    <RequestSteps request={r} />
                  </div>
                ))}
              </Flex>
            ),
          }]}
        />
      )}
    </Flex>
  );
}
