// Credit limits: the tenant's default per customer grade, and one customer's limit, payment term and risk level with
// its available credit explained (limit − open − committed) and the history of its changes.
import { Alert, Button, Card, Col, Descriptions, Flex, Form, InputNumber, Row, Select, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreditDefaults, useCreditPosition, useSaveCreditDefaultsMutation, useSetCreditProfileMutation, type CreditDefaults, type Grade,
} from '../../api/admin';
import { CustomerSelect } from '../../components/CustomerSelect';
import { EntityTimeline } from '../../components/EntityTimeline';
import { dec } from '@l2c/shared';
import { useFormat } from '../../i18n/format';
import { reasonText } from '../../lib/auditLabels';

const GRADES: Grade[] = ['A', 'B', 'C', 'D'];
// Amounts stay decimal strings from the server to the input and back (InputNumber in stringMode): never a float.
const money = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : dec(v).toFixed(2));

function Defaults() {
  const { t } = useTranslation();
  const defaults = useCreditDefaults();
  const [form] = Form.useForm<Record<Grade, string | null>>();
  const save = useSaveCreditDefaultsMutation();
  useEffect(() => {
    if (defaults.data) form.setFieldsValue(Object.fromEntries(GRADES.map((g) => [g, defaults.data.defaultLimits[g]])) as Record<Grade, string | null>);
  }, [defaults.data, form]);
  const submit = (v: Record<Grade, string | null>) => {
    const body: CreditDefaults = { defaultLimits: Object.fromEntries(GRADES.map((g) => [g, money(v[g])])) as CreditDefaults['defaultLimits'] };
    save.mutate(body);
  };
  return (
    <Card title={t('admin.credit.defaultsTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('admin.credit.defaultsIntro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit}>
        {GRADES.map((g) => (
          <Form.Item key={g} name={g} label={t('admin.credit.grade', { grade: g })}>
            <InputNumber<string> stringMode min="0" step="10000" precision={2} placeholder={t('admin.credit.noDefault')} style={{ width: 160 }} data-testid={`default-${g}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="defaults-save">{t('admin.credit.saveDefaults')}</Button>
      </Form>
    </Card>
  );
}

function CustomerCredit({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pos = useCreditPosition(customerId);
  const [form] = Form.useForm<{ creditLimit: string; paymentTermDays: number; riskLevel: 'low' | 'normal' | 'high' }>();
  const save = useSetCreditProfileMutation({ form, fields: ['creditLimit', 'paymentTermDays', 'riskLevel'] });
  const p = pos.data;
  useEffect(() => {
    if (p) form.setFieldsValue({ creditLimit: p.limit, paymentTermDays: p.paymentTermDays, riskLevel: p.riskLevel as 'normal' });
  }, [p, form]);
  if (!p) return null;
  const source = p.limitSource === 'profile' ? t('admin.credit.fromProfile') : p.gradeDefault ? t('admin.credit.fromGrade', { grade: p.grade }) : t('admin.credit.fromNone');
  const over = dec(p.available).isNegative();
  return (
    <Flex vertical gap={12}>
      {p.onHold && <Alert type="error" showIcon title={t('admin.credit.onHold', { reason: reasonText(t, p.holdReason) ?? '' })} />}
      <Card size="small" title={t('admin.credit.position')} data-testid="credit-position">
        <Row gutter={16}>
          <Col xs={12} md={6}><Statistic title={t('admin.credit.limit')} value={fmt.money(p.limit, p.currency)} /><Typography.Text type="secondary" data-testid="limit-source">{source}</Typography.Text></Col>
          <Col xs={12} md={6}><Statistic title={`− ${t('admin.credit.open')}`} value={fmt.money(p.open, p.currency)} /></Col>
          <Col xs={12} md={6}><Statistic title={`− ${t('admin.credit.committed')}`} value={fmt.money(p.committed, p.currency)} /><Typography.Text type="secondary">{t('admin.credit.committedHint')}</Typography.Text></Col>
          <Col xs={12} md={6}>
            <Statistic title={`= ${t('admin.credit.available')}`} value={fmt.money(p.available, p.currency)} valueStyle={{ color: over ? '#cf1322' : '#3f8600' }} />
            <span data-testid="credit-available" hidden>{p.available}</span>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('admin.credit.formula')}</Typography.Text>
        {over && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('admin.credit.over', { amount: fmt.money(dec(p.available).negated().toFixed(2), p.currency) })} />}
      </Card>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={(v) => save.mutate({ customerId, creditLimit: dec(v.creditLimit).toFixed(2), paymentTermDays: v.paymentTermDays, riskLevel: v.riskLevel })}>
          <Form.Item name="creditLimit" label={t('admin.credit.limit')} rules={[{ required: true }]}><InputNumber<string> stringMode min="0" step="10000" precision={2} style={{ width: 180 }} data-testid="credit-limit" /></Form.Item>
          <Form.Item name="paymentTermDays" label={t('admin.credit.term')} rules={[{ required: true }]}><InputNumber min={0} max={3650} /></Form.Item>
          <Form.Item name="riskLevel" label={t('admin.credit.risk')}>
            <Select style={{ width: 100 }} options={(['low', 'normal', 'high'] as const).map((r) => ({ value: r, label: t(`admin.credit.riskLevels.${r}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="credit-save">{t('admin.credit.save')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('admin.credit.history')}>
        <Descriptions size="small" items={[{ label: p.customerName, children: p.grade ? t('admin.credit.grade', { grade: p.grade }) : '—' }]} />
        <EntityTimeline entityType="credit_profile" entityId={customerId} />
      </Card>
    </Flex>
  );
}

export function CreditTab() {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      <Defaults />
      <Card title={t('admin.credit.customerTitle')} size="small">
        <CustomerSelect value={customerId} onChange={setCustomerId} placeholder={t('admin.credit.pick')} style={{ width: 420, maxWidth: '100%' }} id="credit-customer" />
      </Card>
      {customerId && <CustomerCredit customerId={customerId} />}
    </Flex>
  );
}
