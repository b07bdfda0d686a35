// Edit an open opportunity: contact, close date, forecast category, competitor, amount (without lines) or lines, and
// the rep's health ratings (0–3 per dimension, with a note) — what stage requirements and the health score read.
import { FORECAST_CATEGORIES, HEALTH_DIMENSIONS } from '@l2c/shared';
import { DatePicker, Divider, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../api/contacts';
import { useUpdateOpportunity, type LineFields, type Opportunity } from '../../api/opportunities';
import { LineFieldsList } from './OpportunityFormModal';

interface Values {
  name: string; contactId?: string | null; closeDate?: Dayjs | null; forecastCategory: (typeof FORECAST_CATEGORIES)[number]; competitor?: string | null; amount?: string;
  lines?: LineFields[]; health: Record<string, { score?: number; note?: string | null }>;
}
const FIELDS = ['name', 'contactId', 'closeDate', 'forecastCategory', 'competitor', 'amount', 'lines', 'health'] as const;

export function OpportunityEditModal({ opp, open, onClose }: { opp: Opportunity; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const contacts = useContacts(opp.customer.id);
  const update = useUpdateOpportunity(opp.id, { form, fields: FIELDS, nested: true });
  const initial: Values = {
    name: opp.name, contactId: opp.contact?.id ?? null, closeDate: opp.closeDate ? dayjs(opp.closeDate) : null, forecastCategory: opp.forecastCategory,
    competitor: opp.competitor, amount: opp.amount,
    lines: opp.lines.map((l) => ({ productId: l.productId, productCode: l.productCode, productName: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, discountRate: l.discountRate })),
    health: Object.fromEntries(opp.health.dimensions.map((d) => [d.dimension, { score: d.rated ?? undefined, note: d.note }])),
  };
  const submit = (v: Values) => {
    const lines = (v.lines ?? []).filter((l) => l?.productName);
    const health = Object.fromEntries(Object.entries(v.health ?? {}).filter(([, h]) => h?.score !== undefined && h?.score !== null)
      .map(([k, h]) => [k, { score: h.score!, note: h.note || null }]));
    update.mutate({
      version: opp.version, name: v.name, contactId: v.contactId ?? null, closeDate: v.closeDate?.format('YYYY-MM-DD') ?? null, forecastCategory: v.forecastCategory,
      competitor: v.competitor || null, lines, health, ...(lines.length === 0 ? { amount: v.amount || '0' } : {}),
    }, { onSuccess: onClose });
  };
  return (
    <Modal open={open} title={t('opp.editTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} width={820} destroyOnHidden data-testid="opp-edit">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="name" label={t('opp.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="contactId" label={t('opp.contact')}>
            <Select allowClear style={{ width: 180 }} data-testid="opp-edit-contact" options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="closeDate" label={t('opp.closeDate')}><DatePicker data-testid="opp-edit-close" /></Form.Item>
          <Form.Item name="forecastCategory" label={t('opp.forecastCategory')}>
            <Select style={{ width: 140 }} options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`opp.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="competitor" label={t('opp.competitor')}><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="amount" label={t('opp.amount')} extra={t('opp.lines.none')}><Input style={{ width: 160 }} disabled={opp.lines.length > 0} /></Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('opp.lines.title')}</Divider>
        <LineFieldsList />
        <Divider titlePlacement="start">{t('opp.health.title')}</Divider>
        {HEALTH_DIMENSIONS.map((d) => (
          <Space key={d} align="baseline" wrap>
            <span style={{ display: 'inline-block', width: 80 }}>{t(`opp.health.dimensions.${d}`)}</span>
            <Form.Item name={['health', d, 'score']}>
              <Select allowClear placeholder={t('opp.health.rating')} style={{ width: 130 }} data-testid={`opp-health-${d}`} options={[0, 1, 2, 3].map((n) => ({ value: n, label: String(n) }))} />
            </Form.Item>
            <Form.Item name={['health', d, 'note']}><Input placeholder={t('opp.health.note')} style={{ width: 360 }} /></Form.Item>
          </Space>
        ))}
      </Form>
    </Modal>
  );
}
