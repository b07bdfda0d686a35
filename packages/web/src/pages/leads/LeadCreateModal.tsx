// Manual entry of a lead: the fields people have at hand; phone, email and company are normalised by the server.
import { COMPANY_SIZES, INDUSTRIES } from '@l2c/shared';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateLead, type LeadFields } from '../../api/leads';
import { useAppApi } from '../../lib/appApi';

const FIELDS = ['companyName', 'contactName', 'title', 'phone', 'email', 'industry', 'companySize', 'region', 'remark'] as const;

export function LeadCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useAppApi();
  const navigate = useNavigate();
  const [form] = Form.useForm<LeadFields>();
  const create = useCreateLead({ form, fields: FIELDS });
  const submit = (v: LeadFields) => create.mutate({ ...v, source: 'manual' }, {
    onSuccess: (lead) => { void message.success(t('lead.created')); onClose(); navigate(`/leads/${lead.id}`); },
  });
  return (
    <Modal open={open} title={t('lead.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'lead-create-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="companyName" label={t('lead.company')}><Input data-testid="lead-company" /></Form.Item>
        <Form.Item name="contactName" label={t('lead.contact')}><Input data-testid="lead-contact" /></Form.Item>
        <Form.Item name="title" label={t('lead.title_')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('lead.phone')}><Input data-testid="lead-phone" /></Form.Item>
        <Form.Item name="email" label={t('lead.email')}><Input /></Form.Item>
        <Form.Item name="industry" label={t('lead.industry')}>
          <Select allowClear options={INDUSTRIES.map((v) => ({ value: v, label: t(`enums.industry.${v}`) }))} />
        </Form.Item>
        <Form.Item name="companySize" label={t('lead.size')}><Select allowClear options={COMPANY_SIZES.map((v) => ({ value: v, label: v }))} /></Form.Item>
        <Form.Item name="region" label={t('lead.region')}><Input /></Form.Item>
        <Form.Item name="remark" label={t('lead.remark')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
