// New opportunity: customer, name, process, amount or product lines (priced exactly by the server), expected close
// date and forecast category. Field errors land on the fields.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FORECAST_CATEGORIES } from '@l2c/shared';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOpportunity, useSalesProcesses, type LineFields } from '../../api/opportunities';
import { CustomerSelect } from '../../components/CustomerSelect';

interface Values { name: string; customerId: string; processId?: string; amount?: string; closeDate?: Dayjs; forecastCategory: (typeof FORECAST_CATEGORIES)[number]; lines?: LineFields[] }
const FIELDS = ['name', 'customerId', 'processId', 'amount', 'closeDate', 'forecastCategory', 'lines'] as const;

export function OpportunityFormModal({ open, onClose, customer }: { open: boolean; onClose: () => void; customer?: { id: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const processes = useSalesProcesses();
  const create = useCreateOpportunity({ form, fields: FIELDS, nested: true });
  const submit = (v: Values) => create.mutate({
    name: v.name, customerId: v.customerId, processId: v.processId ?? null, amount: v.amount || '0', closeDate: v.closeDate?.format('YYYY-MM-DD') ?? null,
    forecastCategory: v.forecastCategory, lines: (v.lines ?? []).filter((l) => l?.productName),
  }, { onSuccess: (o) => { onClose(); form.resetFields(); navigate(`/opportunities/${o.id}`); } });

  return (
    <Modal open={open} title={t('opp.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={760} destroyOnHidden data-testid="opp-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ forecastCategory: 'pipeline', customerId: customer?.id }}>
        <Form.Item name="customerId" label={t('opp.customer')} rules={[{ required: true }]}>
          <CustomerSelect initial={customer ?? null} />
        </Form.Item>
        <Form.Item name="name" label={t('opp.name')} rules={[{ required: true, max: 120 }]}><Input data-testid="opp-name" /></Form.Item>
        <Space wrap>
          <Form.Item name="processId" label={t('opp.process')}>
            <Select allowClear style={{ width: 200 }} options={(processes.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('opp.amount')} extra={t('opp.lines.none')}><Input style={{ width: 180 }} data-testid="opp-amount" /></Form.Item>
          <Form.Item name="closeDate" label={t('opp.closeDate')}><DatePicker /></Form.Item>
          <Form.Item name="forecastCategory" label={t('opp.forecastCategory')}>
            <Select style={{ width: 140 }} options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`opp.categories.${c}`) }))} />
          </Form.Item>
        </Space>
        <LineFieldsList />
      </Form>
    </Modal>
  );
}

/** The product lines of a form (name "lines"): code, name, quantity, unit price, discount rate. */
export function LineFieldsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item name={[f.name, 'productCode']}><Input placeholder={t('opp.lines.productCode')} style={{ width: 110 }} /></Form.Item>
              <Form.Item name={[f.name, 'productName']} rules={[{ required: true }]}><Input placeholder={t('opp.lines.productName')} style={{ width: 200 }} /></Form.Item>
              <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}><Input placeholder={t('opp.lines.quantity')} style={{ width: 90 }} /></Form.Item>
              <Form.Item name={[f.name, 'unitPrice']} rules={[{ required: true }]}><Input placeholder={t('opp.lines.unitPrice')} style={{ width: 120 }} /></Form.Item>
              <Form.Item name={[f.name, 'discountRate']}><Input placeholder={t('opp.lines.discount')} style={{ width: 100 }} /></Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: '1', discountRate: '0' })} data-testid="opp-add-line">{t('opp.lines.add')}</Button>
        </>
      )}
    </Form.List>
  );
}
