// Create or edit a duplicate rule: object, fields, blocking, threshold, action.
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_FIELDS, DUPLICATE_OBJECTS } from '@l2c/shared';
import { useSaveDuplicateRule, type DuplicateRule, type RuleFields } from '../../api/dedup';
import { useAppApi } from '../../lib/appApi';

const FIELDS = ['object', 'name', 'fields', 'blocking', 'threshold', 'action', 'active'] as const;

export function RuleModal({ rule, open, onClose }: { rule: DuplicateRule | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useAppApi();
  const [form] = Form.useForm<RuleFields>();
  const save = useSaveDuplicateRule({ form, fields: FIELDS });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(rule && !rule.builtIn
      ? { object: rule.object, name: rule.name, fields: rule.fields, blocking: rule.blocking, threshold: rule.threshold, action: rule.action, active: rule.active }
      : { object: rule?.object ?? 'lead', name: '', fields: ['company_name', 'phone', 'email', 'credit_code'], blocking: 'prefix', threshold: 0.8, action: 'flag', active: true });
  }, [open, rule, form]);
  const editing = rule && !rule.builtIn ? rule : null;
  const submit = (body: RuleFields) => save.mutate({ id: editing?.id ?? undefined, version: editing?.version, body }, {
    onSuccess: () => { void message.success(t('dedup.rule.saved')); onClose(); },
  });
  return (
    <Modal open={open} title={editing ? t('dedup.rule.edit') : t('dedup.rule.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="dedup-rule-form">
        <Form.Item name="object" label={t('dedup.rule.object')} rules={[{ required: true }]}>
          <Select options={DUPLICATE_OBJECTS.map((o) => ({ value: o, label: t(`dedup.objects.${o}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('dedup.rule.name')} rules={[{ required: true }]}><Input maxLength={100} data-testid="dedup-rule-name" /></Form.Item>
        <Form.Item name="fields" label={t('dedup.rule.fields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={DUPLICATE_FIELDS.map((f) => ({ value: f, label: t(`dedup.fields.${f}`) }))} />
        </Form.Item>
        <Form.Item name="blocking" label={t('dedup.rule.blocking')}>
          <Select options={(['prefix', 'exact'] as const).map((b) => ({ value: b, label: t(`dedup.rule.blockings.${b}`) }))} />
        </Form.Item>
        <Form.Item name="threshold" label={t('dedup.rule.threshold')}><InputNumber min={0.5} max={1} step={0.05} /></Form.Item>
        <Form.Item name="action" label={t('dedup.rule.action')}>
          <Select options={(['flag', 'block'] as const).map((a) => ({ value: a, label: t(`dedup.rule.actions.${a}`) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('dedup.rule.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
