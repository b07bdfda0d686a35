// Credit note 红冲 against an invoice: amount (at most what is open) and its tax, with a reason. Booked with an
// Idempotency-Key, so a double click books one note.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreditNoteMutation } from '../../api/receivables';
import type { Receivable } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { AMOUNT_PATTERN, gt, isAmount, normalizeAmount } from '../../lib/money';
import { MoneyInput } from '../cash/MoneyInput';

interface Values { amount?: string; taxAmount?: string; reason?: string }

export function CreditNoteModal({ receivable: r, onClose, onDone }: { receivable: Receivable | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const creditNote = useCreditNoteMutation({ form, fields: ['amount', 'taxAmount', 'reason'], nested: true, onSummary: setError });
  const c = (k: string, o?: Record<string, unknown>) => t(`receivable.creditNote.${k}`, o);
  useEffect(() => {
    if (r) {
      form.setFieldsValue({ amount: r.amountOpen, taxAmount: '0.00', reason: '' });
      idem.renew();
      setError(null);
    }
  }, [r, form, idem]);

  const submit = async () => {
    if (!r) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const body = { amount: normalizeAmount(v.amount), taxAmount: normalizeAmount(v.taxAmount) || '0.00', reason: (v.reason ?? '').trim() };
    creditNote.mutate({ id: r.id, body, key: idem.key() }, {
      onSuccess: () => {
        idem.renew();
        onDone();
        onClose();
      },
    });
  };

  return (
    <Modal open={!!r} title={`${c('title')} · ${r?.number ?? ''}`} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: creditNote.isPending, danger: true, 'data-testid': 'credit-note-ok' }} destroyOnHidden>
      <Alert type="info" showIcon title={c('hint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="amount"
          label={c('amount')}
          extra={r ? `${t('receivable.fields.amountOpen')}: ${fmt.money(r.amountOpen, r.currency)}` : undefined}
          rules={[{
            validator: async (_x, v?: string) => {
              if (!isAmount(v)) throw new Error(t('payment.form.amountInvalid'));
              if (r && gt(normalizeAmount(v), r.amountOpen)) throw new Error(c('exceeds', { amount: fmt.money(r.amountOpen, r.currency) }));
            },
          }]}
        >
          <MoneyInput data-testid="credit-note-amount" />
        </Form.Item>
        <Form.Item name="taxAmount" label={c('taxAmount')} rules={[{ validator: async (_x, v?: string) => { if (v && !AMOUNT_PATTERN.test(normalizeAmount(v))) throw new Error(t('payment.form.amountInvalid')); } }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="reason" label={c('reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('approval.actions.commentRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="credit-note-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
