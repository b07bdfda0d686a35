// Create a campaign (optionally under a parent) or change one; a change sends the fields with the version read.
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, REQUEST_CURRENCIES, moneyPattern } from '@l2c/shared';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateCampaign, useUpdateCampaign, type Campaign, type CampaignFields } from '../../api/campaigns';
import { UserSelect } from '../../components/UserSelect';

interface Values {
  name: string; type: CampaignFields['type']; status: NonNullable<CampaignFields['status']>; period?: [Dayjs | null, Dayjs | null] | null;
  budget?: string; ownerId?: string; description?: string; currency?: string;
}
const FIELDS = ['name', 'type', 'status', 'budget', 'ownerId', 'description', 'currency', 'parentId', 'startOn', 'endOn'] as const;

interface Props {
  /** null: closed; { parent } to create (under parent, or top level); { campaign } to edit. */
  target: { parent: Campaign | null } | { campaign: Campaign } | null;
  onClose: () => void;
}

export function CampaignFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const editing = target && 'campaign' in target ? target.campaign : null;
  const parent = target && 'parent' in target ? target.parent : null;
  const create = useCreateCampaign({ form, fields: FIELDS });
  const update = useUpdateCampaign(editing?.id ?? '', { form, fields: FIELDS });

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name, type: editing.type, status: editing.status, budget: editing.budget, ownerId: editing.owner?.id,
        description: editing.description ?? undefined, period: [editing.startOn ? dayjs(editing.startOn) : null, editing.endOn ? dayjs(editing.endOn) : null],
      });
    } else {
      form.setFieldsValue({ type: 'event', status: 'planned', budget: '0.00', currency: parent?.currency ?? 'CNY' });
    }
  }, [target, editing, parent, form]);

  const submit = (v: Values) => {
    const startOn = v.period?.[0]?.format('YYYY-MM-DD') ?? null;
    const endOn = v.period?.[1]?.format('YYYY-MM-DD') ?? null;
    const common = { name: v.name.trim(), type: v.type, status: v.status, startOn, endOn, budget: v.budget?.trim() || '0.00', description: v.description?.trim() || null, ...(v.ownerId ? { ownerId: v.ownerId } : {}) };
    if (editing) {
      update.mutate({ ...common, version: editing.version }, { onSuccess: () => { void message.success(t('campaign.updated')); onClose(); } });
    } else {
      create.mutate({ ...common, parentId: parent?.id ?? null, ...(parent ? {} : { currency: v.currency }) }, {
        onSuccess: (c) => { void message.success(t('campaign.created')); onClose(); navigate(`/campaigns/${c.id}`); },
      });
    }
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal open={target !== null} title={editing ? t('campaign.edit') : parent ? t('campaign.newChild') : t('campaign.new')} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={create.isPending || update.isPending} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'campaign-save' }}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="campaign-form">
        {parent && <p>{t('campaign.parent')}: <b>{parent.name}</b></p>}
        <Form.Item name="name" label={t('campaign.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="type" label={t('campaign.type')} rules={[{ required: true }]}>
              <Select data-testid="campaign-type" options={CAMPAIGN_TYPES.map((v) => ({ value: v, label: t(`campaign.types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('campaign.status')} rules={[{ required: true }]}>
              <Select data-testid="campaign-status" options={CAMPAIGN_STATUSES.map((v) => ({ value: v, label: t(`campaign.statuses.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="period" label={t('campaign.period')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="campaign-period" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="budget" label={t('campaign.budget')} rules={[{ pattern: moneyPattern('CNY'), message: t('campaign.budget') }]}>
              <Input inputMode="decimal" data-testid="campaign-budget" addonAfter={editing?.currency ?? parent?.currency ?? form.getFieldValue('currency') ?? 'CNY'} />
            </Form.Item>
          </Col>
          {!editing && !parent && (
            <Col {...half}>
              <Form.Item name="currency" label={t('campaign.currency')}>
                <Select options={REQUEST_CURRENCIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="ownerId" label={t('campaign.owner')}>
              <UserSelect activeOnly />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('campaign.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
