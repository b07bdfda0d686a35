// Invoice settings: the seller on every invoice, and the column mapping of the tax platform's export workbook (no file
// format is assumed: the headers are the tenant's platform's, a pattern may pick the request number out of a column).
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_FIELDS, type InvoiceSettings } from '@l2c/shared';
import { useInvoiceSettings, useSaveInvoiceSettings } from '../../api/invoices';
import { errorText } from '../../lib/errors';

type Mapping = NonNullable<InvoiceSettings['importMapping']>;
const FIELDS = ['requestNumber', 'invoiceNumber', 'issueDate', 'amountInclTax'] as const;

export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useInvoiceSettings();
  const [form] = Form.useForm<{ seller: { name: string; taxpayerId: string }; mapping: Mapping; batch: Record<string, string | undefined> }>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveInvoiceSettings({ onSummary: setError });
  const s = (k: string) => t(`invoice.settings.${k}`);
  useEffect(() => {
    if (q.data) {
      const d = q.data;
      // An empty header leaves the column out of the batch-issue workbook.
      const batch = Object.fromEntries(BATCH_FIELDS.map((f) => [f, d.batchHeaders && f in d.batchHeaders ? d.batchHeaders[f] ?? '' : d.defaultBatchHeaders[f]]));
      form.setFieldsValue({ seller: d.seller ?? { name: d.effectiveSeller.name, taxpayerId: '' }, mapping: d.importMapping ?? d.defaultImportMapping, batch });
    }
  }, [q.data, form]);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const m = v.mapping;
    const ref = (r: { header?: string; pattern?: string | null } | null | undefined) => (r?.header?.trim() ? { header: r.header.trim(), pattern: r.pattern?.trim() || null } : null);
    save.mutate({
      seller: { name: v.seller.name.trim(), taxpayerId: v.seller.taxpayerId.trim() },
      importMapping: { headerRow: m.headerRow ?? 1, requestNumber: ref(m.requestNumber)!, invoiceNumber: ref(m.invoiceNumber)!, issueDate: ref(m.issueDate)!, amountInclTax: ref(m.amountInclTax) },
      batchHeaders: Object.fromEntries(BATCH_FIELDS.map((f) => [f, v.batch?.[f]?.trim() || null])),
    }, { onSuccess: () => void message.success(s('saved')) });
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 760 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" title={s('seller')} style={{ marginBottom: 12 }}>
        <Flex gap={12}>
          <Form.Item name={['seller', 'name']} label={s('sellerName')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
          <Form.Item name={['seller', 'taxpayerId']} label={s('sellerTaxpayerId')} rules={[{ required: true, min: 15, max: 20 }]} style={{ flex: 1 }}><Input maxLength={20} /></Form.Item>
        </Flex>
      </Card>
      <Card size="small" title={s('mapping')} extra={<Button size="small" onClick={() => form.setFieldValue('mapping', q.data!.defaultImportMapping)}>{s('useDefault')}</Button>}>
        <Alert type="info" showIcon title={s('mappingHint')} style={{ marginBottom: 12 }} />
        <Form.Item name={['mapping', 'headerRow']} label={s('headerRow')}><InputNumber min={1} max={20} /></Form.Item>
        {FIELDS.map((k) => (
          <Flex key={k} gap={12}>
            <Form.Item name={['mapping', k, 'header']} label={`${s(k)} · ${s('header')}`} rules={k === 'amountInclTax' ? [] : [{ required: true, whitespace: true }]} style={{ flex: 1 }}><Input maxLength={60} /></Form.Item>
            <Form.Item name={['mapping', k, 'pattern']} label={s('pattern')} style={{ flex: 1 }}><Input maxLength={120} /></Form.Item>
          </Flex>
        ))}
      </Card>
      <Card size="small" title={s('batch')} style={{ marginTop: 12 }}
        extra={<Button size="small" onClick={() => form.setFieldValue('batch', { ...q.data!.defaultBatchHeaders })}>{s('useDefault')}</Button>}>
        <Alert type="info" showIcon title={s('batchHint')} style={{ marginBottom: 12 }} />
        <Flex gap={12} wrap>
          {BATCH_FIELDS.map((f) => (
            <Form.Item key={f} name={['batch', f]} label={t(`invoice.settings.batchFields.${f}`)} style={{ width: 220 }}><Input maxLength={60} allowClear /></Form.Item>
          ))}
        </Flex>
      </Card>
      <Button type="primary" onClick={() => void submit()} loading={save.isPending} style={{ marginTop: 12 }}>{t('invoice.actions.save')}</Button>
    </Form>
  );
}
