// Approve or reject a bad-debt request: who may (the approve right, a pending request, not one's own), the comment
// dialog (optional on approval, required on rejection), and the refresh of everything the decision changes.
import { App } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBadDebtDecisionMutation, type BadDebtRequest } from '../../api/bad-debt-requests';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { ReasonModal } from '../cash/ReasonModal';

type Decision = 'approve' | 'reject';

export function useBadDebtDecision(): {
  canDecide: (r: BadDebtRequest) => boolean;
  isOwn: (r: BadDebtRequest) => boolean;
  start: (r: BadDebtRequest, decision: Decision) => void;
  modal: ReactNode;
} {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  // the comment dialog shows a failure itself
  const decide = useBadDebtDecisionMutation({ silent: true });
  const [act, setAct] = useState<{ request: BadDebtRequest; decision: Decision } | null>(null);
  const a = (k: string, o?: Record<string, unknown>) => t(`badDebtRequest.actions.${k}`, o);

  const isOwn = useCallback((r: BadDebtRequest) => !!user && r.requestedBy?.id === user.id, [user]);
  const canDecide = useCallback(
    (r: BadDebtRequest) => r.status === 'pending' && can('receivables', 'approve') && !isOwn(r),
    [can, isOwn],
  );

  const submit = async (comment: string) => {
    if (!act) return;
    const { request: r, decision } = act;
    await decide.mutateAsync({ request: r, decision, comment: comment || null });
    void message.success(a(decision === 'approve' ? 'approved' : 'rejected'));
  };

  const modal = (
    <ReasonModal
      open={act !== null}
      title={act ? `${a(act.decision)} · ${act.request.receivable.number}` : ''}
      label={act?.decision === 'approve' ? a('commentOptional') : a('comment')}
      hint={act ? (act.decision === 'approve' ? a('approveHint', { amount: fmt.money(act.request.amount, act.request.currency) }) : a('rejectHint')) : undefined}
      required={act?.decision === 'reject'}
      okText={act ? a(act.decision) : undefined}
      danger={act?.decision === 'approve'}
      testId="bad-debt-decide"
      onClose={() => setAct(null)}
      onSubmit={submit}
    />
  );
  return { canDecide, isOwn, start: (request, decision) => setAct({ request, decision }), modal };
}
