// In the receivable drawer: the bad-debt request waiting for a decision, if any (with approve / reject for someone
// who may decide it), or else the reason the last one was rejected.
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReceivableBadDebtRequestList, type BadDebtRequest } from '../../api/bad-debt-requests';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { BadDebtDecisionButtons } from './BadDebtDecisionButtons';
import { useBadDebtDecision } from './useBadDebtDecision';

/** The bad-debt requests of one receivable, newest first. */
export function useReceivableBadDebtRequests(receivableId: string | null) {
  const { can } = useAuth();
  const q = useReceivableBadDebtRequestList(receivableId, can('receivables', 'read'));
  const items = q.data?.items ?? [];
  return { query: q, items, pending: items.find((r) => r.status === 'pending') ?? null };
}

export function ReceivableBadDebtNotice({ requests }: { requests: BadDebtRequest[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const decision = useBadDebtDecision();
  const d = (k: string, o?: Record<string, unknown>) => t(`badDebtRequest.drawer.${k}`, o);
  const pending = requests.find((r) => r.status === 'pending');
  const latest = requests[0];
  if (pending) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          data-testid="receivable-bad-debt-pending"
          title={d('pending', { amount: fmt.money(pending.amount, pending.currency) })}
          description={
            <Flex vertical gap={8}>
              <Typography.Text>
                {d('requested', { name: pending.requestedBy?.name ?? '—', time: fmt.instant(pending.requestedAt), reason: pending.reason })}
              </Typography.Text>
              {decision.canDecide(pending) && <BadDebtDecisionButtons request={pending} onDecide={decision.start} size="small" />}
              {decision.isOwn(pending) && <Typography.Text type="secondary">{t('badDebtRequest.actions.ownRequest')}</Typography.Text>}
            </Flex>
          }
        />
        {decision.modal}
      </>
    );
  }
  if (latest?.status === 'rejected') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="receivable-bad-debt-rejected"
        title={d('lastRejected', { name: latest.decidedBy?.name ?? '—', comment: latest.decisionComment ?? '—' })}
      />
    );
  }
  return null;
}
