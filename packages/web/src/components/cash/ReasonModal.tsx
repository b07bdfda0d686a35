// A modal asking for a reason (or comment) before an action: reject, return, terminate, reverse.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsyncAction } from '../../api/query';
import { errorText } from '../../lib/errors';

interface Props {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  /** Require at least 2 characters (the server's rule for reasons). */
  required?: boolean;
  okText?: string;
  danger?: boolean;
  /** The write to run; its error shows in the dialog (so the caller's mutation should not report it too). */
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}

export function ReasonModal({ open, title, label, hint, required = true, okText, danger, onSubmit, onClose, testId }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const action = useAsyncAction(onSubmit);
  const { reset } = action;
  useEffect(() => {
    if (open) {
      form.resetFields();
      reset();
    }
  }, [open, form, reset]);
  const error = action.error ? errorText(t, action.error) : null;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    action.mutate((values.reason ?? '').trim(), { onSuccess: onClose });
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('common.ok')}
      okButtonProps={{ danger, loading: action.isPending, 'data-testid': `${testId ?? 'reason'}-ok` }}
      destroyOnHidden
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={required ? [{ required: true, whitespace: true, min: 2, message: t('approval.actions.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId ?? 'reason'}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
