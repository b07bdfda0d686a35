// Assign a customer to a user (managers and admins): POST /customers/:id/assign {ownerId, version}.
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customers } from '../api/endpoints';
import type { Customer } from '../api/types';
import { useShowError } from '../lib/errors';
import { UserSelect } from './UserSelect';

export function AssignModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ ownerId: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ ownerId }: { ownerId: string }) => {
    if (!customer) return;
    setBusy(true);
    try {
      const updated = await customers.assign(customer.id, ownerId, customer.version);
      queryClient.setQueryData(['customer', customer.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['pool'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void message.success(t('pool.assigned'));
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
      title={`${t('pool.assignTitle')} · ${customer?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'assign-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="ownerId" label={t('pool.assignee')} rules={[{ required: true, message: t('common.required', { field: t('pool.assignee') }) }]}>
          <UserSelect activeOnly allowClear={false} data-testid="assign-user" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
