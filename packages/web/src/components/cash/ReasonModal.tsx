// A modal asking for a reason (or comment) before an action: reject, return, terminate, reverse.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
  testId?: string;
}

export function ReasonModal({ open, title, label, hint, required = true, okText, danger, onSubmit, onClose, testId }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    setBusy(true);
    setError(null);
    try {
      await onSubmit((reason ?? '').trim());
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('common.ok')}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId ?? 'reason'}-ok` }}
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
