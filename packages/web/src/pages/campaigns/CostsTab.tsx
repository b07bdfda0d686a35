// A campaign's costs: facts in the campaign's currency, recorded once per submission (Idempotency-Key) and never
// edited — a wrong one is reversed, which books its negative beside it.
import { PlusOutlined } from '@ant-design/icons';
import { COST_CATEGORIES, moneyPattern, type CostCategory } from '@l2c/shared';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddCost, useCampaignCosts, useReverseCost, type Campaign, type CampaignCost } from '../../api/campaigns';
import { useFormat } from '../../i18n/format';
import { newIdempotencyKey, useIdempotencyKey } from '../../lib/idempotency';

interface Values { category: CostCategory; amount: string; incurredOn: Dayjs; vendor?: string; memo?: string }

function AddCostModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const add = useAddCost(campaign.id, { form, fields: ['category', 'amount', 'incurredOn', 'vendor', 'memo'] });
  const submit = (v: Values) => {
    const body = { category: v.category, amount: v.amount.trim(), incurredOn: v.incurredOn.format('YYYY-MM-DD'), vendor: v.vendor?.trim() || null, memo: v.memo?.trim() || null };
    add.mutate({ body, key: idem.key() }, { onSuccess: () => { idem.renew(); void message.success(t('campaign.cost.added')); form.resetFields(); onClose(); } });
  };
  return (
    <Modal open={open} title={t('campaign.cost.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'cost-save' }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: 'venue' }} data-testid="cost-form">
        <Form.Item name="category" label={t('campaign.cost.category')} rules={[{ required: true }]}>
          <Select options={COST_CATEGORIES.map((c) => ({ value: c, label: t(`campaign.costCategories.${c}`) }))} data-testid="cost-category" />
        </Form.Item>
        <Form.Item name="amount" label={t('campaign.cost.amount')} rules={[{ required: true }, { pattern: moneyPattern(campaign.currency), message: t('campaign.cost.amount') }]}>
          <Input inputMode="decimal" addonAfter={campaign.currency} data-testid="cost-amount" />
        </Form.Item>
        <Form.Item name="incurredOn" label={t('campaign.cost.incurredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="cost-date" />
        </Form.Item>
        <Form.Item name="vendor" label={t('campaign.cost.vendor')} rules={[{ max: 200 }]}><Input /></Form.Item>
        <Form.Item name="memo" label={t('campaign.cost.memo')} rules={[{ max: 500 }]}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CostsTab({ campaign, canEdit }: { campaign: Campaign; canEdit: boolean }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const [adding, setAdding] = useState(false);
  const costs = useCampaignCosts(campaign.id);
  const reverse = useReverseCost();
  const columns: ColumnsType<CampaignCost> = [
    { title: t('campaign.cost.incurredOn'), key: 'on', render: (_, c) => date(c.incurredOn) },
    { title: t('campaign.cost.category'), key: 'category', render: (_, c) => t(`campaign.costCategories.${c.category}`) },
    { title: t('campaign.cost.amount'), key: 'amount', align: 'right', render: (_, c) => <span data-testid={`cost-amount-${c.id}`}>{money(c.amount, c.currency)}</span> },
    { title: t('campaign.cost.vendor'), key: 'vendor', render: (_, c) => c.vendor ?? '—' },
    { title: t('campaign.cost.memo'), key: 'memo', render: (_, c) => c.memo ?? '—' },
    {
      title: '', key: 'state',
      render: (_, c) => c.reversesId ? <Tag>{t('campaign.cost.reversal')}</Tag> : c.reversedBy ? <Tag color="red">{t('campaign.cost.reversed')}</Tag>
        : canEdit && (
          <Popconfirm title={t('campaign.cost.confirmReverse')} onConfirm={() => reverse.mutate({ costId: c.id, key: newIdempotencyKey() })}>
            <Button size="small" danger data-testid={`cost-reverse-${c.id}`}>{t('campaign.cost.reverse')}</Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cost-add">{t('campaign.cost.add')}</Button>}
        <Typography.Text>{t('campaign.cost.total')}: <b data-testid="cost-total">{costs.data ? money(costs.data.total, costs.data.currency) : '—'}</b></Typography.Text>
      </Space>
      <Table<CampaignCost> rowKey="id" size="small" columns={columns} dataSource={costs.data?.items ?? []} loading={costs.isLoading} pagination={false}
        locale={{ emptyText: t('campaign.cost.empty') }} data-testid="cost-table" />
      <AddCostModal campaign={campaign} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
