// The submitter's "withdraw approval" 撤回审批 on a contract waiting for approval: the contract returns to draft and the
// request leaves the approvers' inboxes (the server refuses once it is decided).
import { App, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWithdrawApprovalMutation } from '../../api/approval-admin';
import type { ApprovalRequest } from '../../api/types';
import { useAuth } from '../../auth/useAuth';

export function WithdrawApproval({ requests, docId }: { requests: ApprovalRequest[]; docId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawApprovalMutation();
  const pending = requests.find((r) => r.status === 'pending' && r.docId === docId && r.submittedBy?.id === user?.id);
  if (!pending) return null;
  return (
    <Popconfirm
      title={t('approvalWithdraw.confirm')}
      description={<Space direction="vertical"><Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('approvalWithdraw.reason')} maxLength={200} /></Space>}
      okButtonProps={{ 'data-testid': 'withdraw-approval-confirm' } as Record<`data-${string}`, string>}
      onConfirm={() => withdraw.mutateAsync({ id: pending.id, docId, reason: reason.trim() || null }).then(() => void message.success(t('approvalWithdraw.done')))}
    >
      <Button danger size="small" loading={withdraw.isPending} data-testid="withdraw-approval">{t('approvalWithdraw.button')}</Button>
    </Popconfirm>
  );
}
