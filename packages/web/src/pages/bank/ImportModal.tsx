// Import a bank statement file: MT940 / camt.053 read as they are; CSV / Excel through a column mapping — a saved one
// of the bank, or a new one (saved for its next file when asked). The result says what was booked and what waits.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Typography, Upload, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBankMappings, useImportBankStatement, type BankImport, type BankImportBody } from '../../api/bank-statements';
import { errorText } from '../../lib/errors';

const COLUMNS = ['bookedOn', 'amount', 'credit', 'debit', 'payerName', 'payerAccount', 'remittance', 'bankReference', 'balance'] as const;
const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'];

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Props { open: boolean; onClose: () => void; onDone: (result: BankImport) => void }

export function ImportModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mappings = useBankMappings(open);
  const importer = useImportBankStatement({ silent: true });
  useEffect(() => {
    if (open) { form.resetFields(); setFile(null); setError(null); }
  }, [open, form]);
  const format = Form.useWatch('format', form) as string | undefined;
  const mappingId = Form.useWatch('mappingId', form) as string | undefined;
  const tabular = format === 'csv' || format === 'xlsx' || (format === 'auto' && !!file && /\.(csv|txt|xlsx)$/i.test(file.name));
  const f = (k: string) => t(`bank.mappingFields.${k}`);

  const submit = async () => {
    if (!file) return;
    const v = await form.validateFields();
    setError(null);
    const body: BankImportBody = { fileName: file.name, contentBase64: await toBase64(file), format: v.format };
    if (tabular && v.mappingId && v.mappingId !== 'new') body.mappingId = v.mappingId;
    if (tabular && (!v.mappingId || v.mappingId === 'new')) {
      const columns = Object.fromEntries(COLUMNS.filter((c) => v[`col_${c}`]).map((c) => [c, String(v[`col_${c}`]).trim()]));
      body.mapping = { bank: v.bank, account: v.account || null, currency: v.currency || 'CNY', headerRow: v.headerRow ?? 1, dateFormat: v.dateFormat, encoding: v.encoding, columns };
      body.saveMapping = !!v.saveMapping;
    }
    if (tabular && v.openingBalance) body.openingBalance = v.openingBalance;
    if (tabular && v.closingBalance) body.closingBalance = v.closingBalance;
    try {
      onDone(await importer.mutateAsync(body));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Modal open={open} title={t('bank.importTitle')} onCancel={onClose} onOk={() => void submit()} width={760} destroyOnHidden
      okButtonProps={{ disabled: !file, loading: importer.isPending, 'data-testid': 'bank-import-ok' } as ButtonProps}>
      <Typography.Paragraph type="secondary">{t('bank.importHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ format: 'auto', headerRow: 1, dateFormat: 'YYYY-MM-DD', encoding: 'utf-8', currency: 'CNY', saveMapping: true }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('bank.file')} required>
              <Upload maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} data-testid="bank-import-file">
                <Button icon={<UploadOutlined />}>{file ? file.name : t('bank.file')}</Button>
              </Upload>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="format" label={t('bank.format')}>
              <Select options={(['auto', 'mt940', 'camt053', 'csv', 'xlsx'] as const).map((v) => ({ value: v, label: t(`bank.formats.${v}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {tabular && (
          <>
            <Form.Item name="mappingId" label={t('bank.mapping')}>
              <Select allowClear placeholder={t('bank.mappingNew')} data-testid="bank-import-mapping"
                options={[...(mappings.data?.items ?? []).map((m) => ({ value: m.id, label: m.bank })), { value: 'new', label: t('bank.mappingNew') }]} />
            </Form.Item>
            {(!mappingId || mappingId === 'new') && (
              <Row gutter={12}>
                <Col span={8}><Form.Item name="bank" label={f('bank')} rules={[{ required: true }]}><Input data-testid="bank-mapping-bank" /></Form.Item></Col>
                <Col span={8}><Form.Item name="account" label={f('account')}><Input /></Form.Item></Col>
                <Col span={4}><Form.Item name="currency" label={f('currency')}><Input /></Form.Item></Col>
                <Col span={4}><Form.Item name="headerRow" label={f('headerRow')}><InputNumber min={1} max={50} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={8}><Form.Item name="dateFormat" label={f('dateFormat')}><Select options={DATE_FORMATS.map((v) => ({ value: v, label: v }))} /></Form.Item></Col>
                <Col span={8}><Form.Item name="encoding" label={f('encoding')}><Select options={['utf-8', 'gbk', 'gb18030'].map((v) => ({ value: v, label: v }))} /></Form.Item></Col>
                <Col span={8} />
                {COLUMNS.map((c) => (
                  <Col span={8} key={c}>
                    <Form.Item name={`col_${c}`} label={f(c)} rules={c === 'bookedOn' ? [{ required: true }] : []}><Input data-testid={`bank-mapping-${c}`} /></Form.Item>
                  </Col>
                ))}
                <Col span={24}><Form.Item name="saveMapping" valuePropName="checked"><Checkbox>{t('bank.mappingSave')}</Checkbox></Form.Item></Col>
              </Row>
            )}
            <Row gutter={12}>
              <Col span={12}><Form.Item name="openingBalance" label={t('bank.openingBalance')}><Input inputMode="decimal" /></Form.Item></Col>
              <Col span={12}><Form.Item name="closingBalance" label={t('bank.closingBalance')}><Input inputMode="decimal" /></Form.Item></Col>
            </Row>
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
