// Release a customer to the public pool, with a reason: POST /customers/:id/release {reason}.
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customers } from '../api/endpoints';
import type { Customer } from '../api/types';
import { useShowError } from '../lib/errors';

export function ReleaseModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    if (!customer) return;
    setBusy(true);
    try {
      const updated = await customers.release(customer.id, reason.trim());
      if (updated && typeof updated === 'object') queryClient.setQueryData(['customer', customer.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['customer', customer.id] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['pool'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void message.success(t('pool.released'));
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={customer !== null}
      title={`${t('pool.releaseTitle')} · ${customer?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item
          name="reason"
          label={t('pool.releaseReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('pool.releaseReason') }) }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
