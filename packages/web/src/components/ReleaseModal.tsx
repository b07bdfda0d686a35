// Release a customer to the public pool, with a reason: POST /customers/:id/release {reason}.
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReleaseCustomerMutation } from '../api/customers';
import type { Customer } from '../api/types';

export function ReleaseModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const release = useReleaseCustomerMutation();

  const submit = ({ reason }: { reason: string }) => {
    if (!customer) return;
    release.mutate({ id: customer.id, reason: reason.trim() }, {
      onSuccess: () => {
        void message.success(t('pool.released'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open={customer !== null}
      title={`${t('pool.releaseTitle')} · ${customer?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={release.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
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
