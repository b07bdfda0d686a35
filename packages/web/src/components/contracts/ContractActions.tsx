// The actions a contract offers in its status (only those the server accepts): edit / submit a draft; sign an
// approved one; record deliveries, write an amendment, start performance or complete a signed one; terminate any
// open one. Each refreshes the contract, its approvals, receivables and timeline.
import { AuditOutlined, CheckOutlined, DownloadOutlined, EditOutlined, FileAddOutlined, SendOutlined, StopOutlined, TruckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { contracts } from '../../api/endpoints';
import type { Compliance, Contract } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { useShowError } from '../../lib/errors';
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
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const a = (k: string, o?: Record<string, unknown>) => t(`contract.actions.${k}`, o);

  const refresh = (updated?: Contract) => {
    if (updated) queryClient.setQueryData(['contract', c.id], updated);
    for (const key of [['contract', c.id], ['contracts'], ['contract-approvals', c.id], ['contract-receivables', c.id], ['contract-amendments', c.id], ['audit'], ['approvals']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
  const run = async (name: string, fn: () => Promise<void>) => {
    setBusy(name);
    try {
      await fn();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  const submit = () => run('submit', async () => {
    onIssues(null);
    try {
      const r = await contracts.submit(c.id, c.version);
      refresh(r.contract);
      const steps = r.approval.steps.map((s) => stepName(t, s.name)).join(' → ');
      void message.success(r.approval.status === 'approved' ? a('approvedAtOnce') : a('submitted', { steps }));
    } catch (e) {
      if (isApiError(e) && e.code === 'contracts.compliance_failed') {
        onIssues({ compliance: await contracts.compliance(c.id).catch(() => null), errors: e.errors });
        return;
      }
      throw e;
    }
  });
  const transition = (status: 'in_performance' | 'completed') => run(status, async () => {
    refresh(await contracts.transition(c.id, status, null, c.version));
    void message.success(status === 'completed' ? a('completed') : a('performing'));
  });

  if (!can('contracts', 'update')) {
    return c.signedFile ? <Button icon={<DownloadOutlined />} onClick={() => void contracts.signedFile(c.id).catch(showError)}>{a('downloadFile')}</Button> : null;
  }
  const open = !['completed', 'terminated'].includes(c.status);
  const signedLike = c.status === 'signed' || c.status === 'in_performance';

  return (
    <Flex gap={8} wrap data-testid="contract-actions">
      {c.status === 'draft' && (
        <>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">{t('common.edit')}</Button>
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()} data-testid="contract-submit">{a('submit')}</Button>
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
        <Popconfirm title={a('performConfirm')} onConfirm={() => void transition('in_performance')}>
          <Button loading={busy === 'in_performance'} data-testid="contract-perform">{a('startPerformance')}</Button>
        </Popconfirm>
      )}
      {signedLike && (
        <Popconfirm title={a('completeConfirm')} onConfirm={() => void transition('completed')}>
          <Button icon={<CheckOutlined />} loading={busy === 'completed'} data-testid="contract-complete">{a('complete')}</Button>
        </Popconfirm>
      )}
      {c.signedFile && (
        <Button icon={<DownloadOutlined />} onClick={() => void contracts.signedFile(c.id).catch(showError)} data-testid="contract-file">{a('downloadFile')}</Button>
      )}
      {open && (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('terminate')} data-testid="contract-terminate">{a('terminate')}</Button>
      )}
      <SignModal contract={c} open={dialog === 'sign'} onClose={() => setDialog(null)} onDone={(u) => { refresh(u); void message.success(a('signed')); }} />
      <DeliveryModal contract={c} open={dialog === 'deliver'} onClose={() => setDialog(null)} onDone={(u) => { refresh(u); void message.success(a('delivered')); }} />
      <AmendmentModal contract={c} open={dialog === 'amend'} onClose={() => setDialog(null)} onDone={() => { refresh(); void message.success(a('amended')); }} />
      <ReasonModal
        open={dialog === 'terminate'}
        title={`${a('terminate')} · ${c.number}`}
        label={a('terminateReason')}
        hint={a('terminateHint')}
        danger
        testId="terminate"
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          refresh(await contracts.transition(c.id, 'terminated', reason, c.version));
          void message.success(a('terminated'));
        }}
      />
    </Flex>
  );
}
