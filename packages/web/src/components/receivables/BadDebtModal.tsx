// Request a bad-debt write-off 坏账 of (part of) what is open on a receivable; someone else approves it.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestBadDebtMutation } from '../../api/bad-debt-requests';
import type { Receivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { gt, isAmount, normalizeAmount } from '../../lib/money';
import { MoneyInput } from '../cash/MoneyInput';

export function BadDebtModal({ receivable: r, onClose, onDone }: { receivable: Receivable | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [form] = Form.useForm<{ amount?: string; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const request = useRequestBadDebtMutation({ onSummary: setError });
  const b = (k: string) => t(`receivable.badDebt.${k}`);
  useEffect(() => {
    if (r) {
      form.setFieldsValue({ amount: r.amountOpen, reason: '' });
      setError(null);
    }
  }, [r, form]);

  const submit = async () => {
    if (!r) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    request.mutate({ receivableId: r.id, amount: normalizeAmount(v.amount), reason: (v.reason ?? '').trim() }, {
      onSuccess: () => {
        onDone();
        onClose();
      },
    });
  };

  return (
    <Modal open={!!r} title={`${b('title')} · ${r?.number ?? ''}`} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: request.isPending, danger: true, 'data-testid': 'bad-debt-ok' }} destroyOnHidden>
      <Alert type="warning" showIcon title={b('hint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="amount"
          label={b('amount')}
          rules={[{
            validator: async (_x, v?: string) => {
              if (!isAmount(v)) throw new Error(t('payment.form.amountInvalid'));
              if (r && gt(normalizeAmount(v), r.amountOpen)) throw new Error(t('receivable.creditNote.exceeds', { amount: fmt.money(r.amountOpen, r.currency) }));
            },
          }]}
        >
          <MoneyInput data-testid="bad-debt-amount" />
        </Form.Item>
        <Form.Item name="reason" label={b('reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('approval.actions.commentRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="bad-debt-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
