// The actions a contract offers in its status (only those the server accepts): edit / submit a draft; sign an
// approved one; record deliveries, write an amendment, start performance or complete a signed one; terminate any
// open one. Each refreshes the contract, its approvals, receivables and timeline.
import { AuditOutlined, CheckOutlined, DownloadOutlined, EditOutlined, FileAddOutlined, SendOutlined, StopOutlined, TruckOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ComplianceRefusal, useContractStatusMutation, useDownloadSignedFileMutation, useSubmitContractMutation,
} from '../../api/contracts';
import type { Compliance, Contract } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { ReasonModal } from '../cash/ReasonModal';
import { AmendmentModal } from './AmendmentModal';
import { stepName } from './ApprovalProgress';
import { DeliveryModal, pendingDeliveries } from './DeliveryModal';
import { SignModal } from './SignModal';

type Dialog = 'sign' | 'deliver' | 'amend' | 'terminate' | null;

interface Props {
  contract: Contract;
  /** A refused submission's findings, for the page to show. */
  onIssues: (issues: { compliance: Compliance | null; errors: Array<{ path: string; message: string }> } | null) => void;
}

export function ContractActions({ contract: c, onIssues }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const a = (k: string, o?: Record<string, unknown>) => t(`contract.actions.${k}`, o);
  // a refused submission is not an error to toast: the page shows its findings
  const submitMutation = useSubmitContractMutation({
    onError: (e) => {
      if (!(e instanceof ComplianceRefusal)) return false;
      onIssues({ compliance: e.compliance, errors: e.errors });
      return true;
    },
  });
  const statusMutation = useContractStatusMutation();
  const terminateMutation = useContractStatusMutation({ silent: true });
  const signedFile = useDownloadSignedFileMutation();

  const submit = () => {
    onIssues(null);
    submitMutation.mutate(c, {
      onSuccess: (r) => {
        const steps = r.approval.steps.map((s) => stepName(t, s.name)).join(' → ');
        void message.success(r.approval.status === 'approved' ? a('approvedAtOnce') : a('submitted', { steps }));
      },
    });
  };
  const transition = (status: 'in_performance' | 'completed') => statusMutation.mutate({ contract: c, status, reason: null }, {
    onSuccess: () => void message.success(status === 'completed' ? a('completed') : a('performing')),
  });
  const moving = (status: string) => statusMutation.isPending && statusMutation.variables.status === status;

  if (!can('contracts', 'update')) {
    return c.signedFile ? <Button icon={<DownloadOutlined />} onClick={() => signedFile.mutate(c.id)}>{a('downloadFile')}</Button> : null;
  }
  const open = !['completed', 'terminated'].includes(c.status);
  const signedLike = c.status === 'signed' || c.status === 'in_performance';

  return (
    <Flex gap={8} wrap data-testid="contract-actions">
      {c.status === 'draft' && (
        <>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">{t('common.edit')}</Button>
          <Button type="primary" icon={<SendOutlined />} loading={submitMutation.isPending} onClick={submit} data-testid="contract-submit">{a('submit')}</Button>
        </>
      )}
      {c.status === 'approved' && (
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('sign')} data-testid="contract-sign">{a('sign')}</Button>
      )}
      {signedLike && pendingDeliveries(c).length > 0 && (
        <Button icon={<TruckOutlined />} onClick={() => setDialog('deliver')} data-testid="contract-deliver">{a('deliver')}</Button>
      )}
      {signedLike && !c.pendingAmendmentId && (
        <Button icon={<FileAddOutlined />} onClick={() => setDialog('amend')} data-testid="contract-amend">{a('amend')}</Button>
      )}
      {c.status === 'signed' && (
        <Popconfirm title={a('performConfirm')} onConfirm={() => transition('in_performance')}>
          <Button loading={moving('in_performance')} data-testid="contract-perform">{a('startPerformance')}</Button>
        </Popconfirm>
      )}
      {signedLike && (
        <Popconfirm title={a('completeConfirm')} onConfirm={() => transition('completed')}>
          <Button icon={<CheckOutlined />} loading={moving('completed')} data-testid="contract-complete">{a('complete')}</Button>
        </Popconfirm>
      )}
      {c.signedFile && (
        <Button icon={<DownloadOutlined />} onClick={() => signedFile.mutate(c.id)} data-testid="contract-file">{a('downloadFile')}</Button>
      )}
      {open && (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('terminate')} data-testid="contract-terminate">{a('terminate')}</Button>
      )}
      <SignModal contract={c} open={dialog === 'sign'} onClose={() => setDialog(null)} onDone={() => void message.success(a('signed'))} />
      <DeliveryModal contract={c} open={dialog === 'deliver'} onClose={() => setDialog(null)} onDone={() => void message.success(a('delivered'))} />
      <AmendmentModal contract={c} open={dialog === 'amend'} onClose={() => setDialog(null)} onDone={() => void message.success(a('amended'))} />
      <ReasonModal
        open={dialog === 'terminate'}
        title={`${a('terminate')} · ${c.number}`}
        label={a('terminateReason')}
        hint={a('terminateHint')}
        danger
        testId="terminate"
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          await terminateMutation.mutateAsync({ contract: c, status: 'terminated', reason });
          void message.success(a('terminated'));
        }}
      />
    </Flex>
  );
}
