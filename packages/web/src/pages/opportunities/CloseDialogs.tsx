// Win and lose dialogs. Winning drafts the order contract (unless unticked) and opens it; losing asks the reason and
// the competitor.
import { LOST_REASONS } from '@l2c/shared';
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLoseOpportunity, useWinOpportunity, type Opportunity } from '../../api/opportunities';

export function WinDialog({ opp, open, onClose }: { opp: Opportunity; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [createContract, setCreateContract] = useState(true);
  const win = useWinOpportunity(opp.id);
  const ok = () => win.mutate({ version: opp.version, createContract }, {
    onSuccess: (r) => {
      onClose();
      if (r.contractId) {
        void message.success(t('opp.wonContract', { number: r.contractNumber }));
        navigate(`/contracts/${r.contractId}`);
      }
    },
  });
  return (
    <Modal open={open} title={t('opp.winTitle')} onCancel={onClose} onOk={ok} confirmLoading={win.isPending} okButtonProps={{ 'data-testid': 'opp-win-ok' } as never} destroyOnHidden>
      <p>{opp.number} · {opp.name}</p>
      <Checkbox checked={createContract} onChange={(e) => setCreateContract(e.target.checked)} data-testid="opp-win-contract">{t('opp.winContract')}</Checkbox>
    </Modal>
  );
}

interface LoseValues { reason: (typeof LOST_REASONS)[number]; competitor?: string; note?: string }

export function LoseDialog({ opp, open, onClose }: { opp: Opportunity; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoseValues>();
  const lose = useLoseOpportunity(opp.id, { form, fields: ['reason', 'competitor', 'note'] });
  const submit = (v: LoseValues) => lose.mutate({ version: opp.version, reason: v.reason, competitor: v.competitor || null, note: v.note || null }, { onSuccess: onClose });
  return (
    <Modal open={open} title={t('opp.loseTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={lose.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ competitor: opp.competitor ?? undefined }}>
        <Form.Item name="reason" label={t('opp.lostReason')} rules={[{ required: true }]}>
          <Select data-testid="opp-lose-reason" options={LOST_REASONS.map((r) => ({ value: r, label: t(`opp.lostReasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="competitor" label={t('opp.competitor')}><Input /></Form.Item>
        <Form.Item name="note" label={t('opp.lostNote')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
