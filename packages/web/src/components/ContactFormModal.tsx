// Add or edit a contact. Edits send the changed fields with the version.
import { DECISION_ROLES } from '@l2c/shared';
import { App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveContactMutation } from '../api/contacts';
import type { Contact, ContactFields } from '../api/types';
import { enumOptions } from '../lib/labels';

type Values = Partial<Omit<ContactFields, 'isPrimary'>> & { isPrimary?: boolean };
const FIELDS = ['name', 'title', 'mobile', 'phone', 'email', 'decisionRole', 'isPrimary', 'remark'] as const;
const PHONE = /^\+?[\d\s()-]{5,20}$/;
const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function toFields(v: Values): ContactFields {
  return {
    name: (v.name ?? '').trim(), title: text(v.title), mobile: text(v.mobile), phone: text(v.phone),
    email: text(v.email)?.toLowerCase() ?? null, decisionRole: v.decisionRole ?? 'other', isPrimary: v.isPrimary ?? false,
    remark: text(v.remark),
  };
}

interface Props {
  customerId: string;
  /** null: closed; 'new': add; a contact: edit it. */
  target: Contact | 'new' | null;
  onClose: () => void;
}

export function ContactFormModal({ customerId, target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveContactMutation(customerId, { form, fields: FIELDS });
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, title: editing.title ?? undefined, mobile: editing.mobile ?? undefined,
      phone: editing.phone ?? undefined, email: editing.email ?? undefined, remark: editing.remark ?? undefined });
  }, [target, editing, form]);

  const submit = (v: Values) => {
    const body = toFields(v);
    const onSuccess = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (!editing) {
      save.mutate({ body }, { onSuccess });
      return;
    }
    const before = toFields({ ...editing, decisionRole: editing.decisionRole });
    const changed: Partial<ContactFields> = {};
    for (const k of Object.keys(body) as (keyof ContactFields)[]) {
      if (body[k] !== before[k]) (changed as Record<string, unknown>)[k] = body[k];
    }
    save.mutate({ id: editing.id, body: changed, version: editing.version }, { onSuccess });
  };

  const half = { xs: 24, sm: 12 };
  const f = (k: string) => t(`contact.fields.${k}`);
  return (
    <Modal
      open={target !== null}
      title={editing ? t('contact.editTitle') : t('contact.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decisionRole: 'other', isPrimary: false }}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('name') }) }, { max: 60 }]}>
              <Input maxLength={60} data-testid="contact-form-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={f('title')} rules={[{ max: 60 }]}><Input maxLength={60} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mobile" label={f('mobile')} rules={[{ pattern: PHONE, message: t('customer.form.phoneInvalid') }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={f('phone')} rules={[{ pattern: PHONE, message: t('customer.form.phoneInvalid') }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={f('email')} rules={[{ type: 'email', message: t('contact.emailInvalid') }]}>
              <Input inputMode="email" maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="decisionRole" label={f('decisionRole')}>
              <Select options={enumOptions(t, 'decisionRole', DECISION_ROLES)} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="isPrimary" label={f('isPrimary')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="remark" label={f('remark')} rules={[{ max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
