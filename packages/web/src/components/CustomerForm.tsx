// The customer form (create and edit). Single column on phones, two columns from md up.
import { CUSTOMER_GRADES, CUSTOMER_SOURCES, INDUSTRIES, isValidCreditCode, normalizeCreditCode } from '@l2c/shared';
import { Button, Col, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerFields } from '../api/types';
import { enumOptions } from '../lib/labels';
import { CustomerSelect } from './CustomerSelect';

export interface CustomerFormValues {
  name?: string; creditCode?: string; industry?: string; region?: string; grade?: string; source?: string;
  phone?: string; address?: string; website?: string; parentId?: string | null; remark?: string;
}

export const CUSTOMER_FORM_FIELDS = [
  'name', 'creditCode', 'industry', 'region', 'grade', 'source', 'phone', 'address', 'website', 'parentId', 'remark',
] as const;

const PHONE = /^\+?[\d\s()-]{5,20}$/;

export function toFormValues(c: Customer): CustomerFormValues {
  return {
    name: c.name, creditCode: c.creditCode ?? undefined, industry: c.industry ?? undefined, region: c.region ?? undefined,
    grade: c.grade ?? undefined, source: c.source, phone: c.phone ?? undefined, address: c.address ?? undefined,
    website: c.website ?? undefined, parentId: c.parent?.id ?? null, remark: c.remark ?? undefined,
  };
}

const text = (v: string | undefined | null): string | null => (v && v.trim() ? v.trim() : null);

export function toCustomerFields(v: CustomerFormValues): CustomerFields {
  return {
    name: (v.name ?? '').trim(),
    creditCode: v.creditCode && v.creditCode.trim() ? normalizeCreditCode(v.creditCode) : null,
    industry: v.industry ?? null, region: text(v.region), grade: v.grade ?? null, source: v.source ?? 'manual',
    phone: text(v.phone), address: text(v.address), website: text(v.website), parentId: v.parentId ?? null,
    remark: text(v.remark),
  };
}

interface Props {
  form: FormInstance<CustomerFormValues>;
  initialValues?: CustomerFormValues;
  onFinish: (values: CustomerFormValues) => void;
  submitting: boolean;
  submitLabel: string;
  parent?: { id: string; name: string } | null;
  selfId?: string;
  extraButtons?: ReactNode;
}

export function CustomerForm({ form, initialValues, onFinish, submitting, submitLabel, parent, selfId, extraButtons }: Props) {
  const { t } = useTranslation();
  const half = { xs: 24, md: 12 };
  const f = (k: string) => t(`customer.fields.${k}`);
  return (
    <Form<CustomerFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues ?? { source: 'manual' }}
      onFinish={onFinish}
      scrollToFirstError
      data-testid="customer-form"
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="name"
            label={f('name')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: f('name') }) },
              { min: 2, message: t('customer.form.nameMin') },
              { max: 120 },
            ]}
          >
            <Input placeholder={t('customer.form.namePlaceholder')} maxLength={120} data-testid="customer-form-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="creditCode"
            label={f('creditCode')}
            normalize={(v?: string) => (v ? v.toUpperCase() : v)}
            rules={[{
              validator: async (_r, v?: string) => {
                if (v && v.trim() && !isValidCreditCode(normalizeCreditCode(v))) throw new Error(t('customer.form.creditCodeInvalid'));
              },
            }]}
          >
            <Input placeholder={t('customer.form.creditCodePlaceholder')} maxLength={24} data-testid="customer-form-creditCode" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="industry" label={f('industry')}>
            <Select allowClear options={enumOptions(t, 'industry', INDUSTRIES)} placeholder={t('common.selectPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="region" label={f('region')} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="grade" label={f('grade')}>
            <Select allowClear options={enumOptions(t, 'grade', CUSTOMER_GRADES)} placeholder={t('common.selectPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="source" label={f('source')}>
            <Select options={enumOptions(t, 'source', CUSTOMER_SOURCES)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label={f('phone')} rules={[{ pattern: PHONE, message: t('customer.form.phoneInvalid') }]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="website" label={f('website')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={f('address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="parentId" label={f('parent')}>
            <CustomerSelect initial={parent} excludeId={selfId} placeholder={t('customer.form.parentPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="remark" label={f('remark')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="customer-form-submit">{submitLabel}</Button>
        {extraButtons}
      </Flex>
    </Form>
  );
}
