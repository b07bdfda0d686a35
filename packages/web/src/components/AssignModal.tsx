// Assign a customer to a user (managers and admins): POST /customers/:id/assign {ownerId, version}.
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAssignCustomerMutation } from '../api/customers';
import type { Customer } from '../api/types';
import { UserSelect } from './UserSelect';

export function AssignModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownerId: string }>();
  const assign = useAssignCustomerMutation();

  const submit = ({ ownerId }: { ownerId: string }) => {
    if (!customer) return;
    assign.mutate({ id: customer.id, ownerId, version: customer.version }, {
      onSuccess: () => {
        void message.success(t('pool.assigned'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open={customer !== null}
      title={`${t('pool.assignTitle')} · ${customer?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'assign-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="ownerId" label={t('pool.assignee')} rules={[{ required: true, message: t('common.required', { field: t('pool.assignee') }) }]}>
          <UserSelect activeOnly allowClear={false} data-testid="assign-user" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
