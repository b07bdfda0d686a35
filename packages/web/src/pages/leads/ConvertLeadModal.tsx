// Convert a lead: into a new customer, or into the existing customer dedup found (listed from the lead's matches);
// a contact from the lead's person and, by default, an opportunity. One Idempotency-Key per opened dialog, so a
// double click or a retry after a lost answer converts once.
import { Alert, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConvertLead, type ConvertFields, type LeadDetail } from '../../api/leads';
import { useAppApi } from '../../lib/appApi';

interface Values { into: 'new' | 'existing'; customerId?: string; customerName?: string; createOpportunity: boolean; opportunityName?: string; amount?: string; allowDuplicate: boolean }

export function ConvertLeadModal({ detail, open, onClose }: { detail: LeadDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useAppApi();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => `convert-${detail.lead.id}-${crypto.randomUUID()}`);
  const [summary, setSummary] = useState<string | null>(null);
  const convert = useConvertLead(detail.lead.id, { form, fields: ['customerName', 'amount', 'opportunityName'], onSummary: setSummary });
  const customers = detail.matches.filter((m) => m.kind === 'customer' || m.customerId);
  const into = Form.useWatch('into', form);
  const createOpportunity = Form.useWatch('createOpportunity', form);
  const submit = (v: Values) => {
    const body: ConvertFields = v.into === 'existing'
      ? { customerId: v.customerId, createOpportunity: v.createOpportunity, opportunityName: v.opportunityName || null, amount: v.amount || '0' }
      : { customerName: v.customerName || null, createOpportunity: v.createOpportunity, opportunityName: v.opportunityName || null, amount: v.amount || '0', allowDuplicate: v.allowDuplicate };
    convert.mutate({ body, key }, {
      onSuccess: (r) => { void message.success(t('lead.convert.done')); onClose(); if (r.opportunityId) navigate(`/opportunities/${r.opportunityId}`); else navigate(`/customers/${r.customerId}`); },
    });
  };
  return (
    <Modal open={open} title={t('lead.convert.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={convert.isPending} destroyOnHidden width={560}
      okButtonProps={{ 'data-testid': 'lead-convert-ok' } as never}>
      {customers.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('lead.convert.dedupHint')} />}
      {summary && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={summary} />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}
        initialValues={{ into: customers.length > 0 ? 'existing' : 'new', customerId: customers[0] ? (customers[0].customerId ?? customers[0].id) : undefined,
          customerName: detail.lead.companyName ?? '', createOpportunity: true, opportunityName: '', amount: '', allowDuplicate: false }}>
        <Form.Item name="into">
          <Radio.Group>
            <Radio value="new" data-testid="lead-convert-new">{t('lead.convert.intoNew')}</Radio>
            <Radio value="existing" disabled={customers.length === 0} data-testid="lead-convert-existing">{t('lead.convert.intoExisting')}</Radio>
          </Radio.Group>
        </Form.Item>
        {into === 'existing' ? (
          <Form.Item name="customerId" label={t('lead.convert.existing')}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {customers.map((m) => (
                <Radio key={m.id} value={m.customerId ?? m.id}>{m.name} · {t(`lead.kinds.${m.kind}`)} · {m.score} ({m.reasons.join(', ')})</Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : (
          <>
            <Form.Item name="customerName" label={t('lead.convert.customerName')}><Input data-testid="lead-convert-customer" /></Form.Item>
            <Form.Item name="allowDuplicate" valuePropName="checked"><Checkbox>{t('lead.convert.allowDuplicate')}</Checkbox></Form.Item>
          </>
        )}
        <Form.Item name="createOpportunity" valuePropName="checked"><Checkbox>{t('lead.convert.opportunity')}</Checkbox></Form.Item>
        {createOpportunity && (
          <>
            <Form.Item name="opportunityName" label={t('lead.convert.opportunityName')}><Input data-testid="lead-convert-opp-name" /></Form.Item>
            <Form.Item name="amount" label={t('lead.convert.amount')}><Input inputMode="decimal" placeholder="0.00" data-testid="lead-convert-amount" /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
