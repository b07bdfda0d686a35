// The company profile: legal name, taxpayer id, address, phone, bank accounts and logo — the seller on statements and,
// later, on quotes and invoices.
import { Button, Card, Flex, Form, Image, Input, Space, Typography, Upload, App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyProfile, useSaveCompanyMutation, type CompanyProfile } from '../../api/admin';

const MAX_LOGO = 200 * 1024;

export function CompanyTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const profile = useCompanyProfile();
  const [form] = Form.useForm<CompanyProfile>();
  const [logo, setLogo] = useState<string | null>(null);
  const save = useSaveCompanyMutation({ form, fields: ['legalName', 'taxpayerId', 'address', 'phone', 'logo'] });
  // The saved profile fills the form once: a later refetch (after a save, on focus) must not overwrite what is typed.
  const filled = useRef(false);
  useEffect(() => {
    if (profile.data && !filled.current) {
      filled.current = true;
      form.setFieldsValue(profile.data);
      setLogo(profile.data.logo);
    }
  }, [profile.data, form]);
  const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  const submit = (v: CompanyProfile) => save.mutate(
    { legalName: v.legalName, taxpayerId: blank(v.taxpayerId), address: blank(v.address), phone: blank(v.phone), bankAccounts: v.bankAccounts ?? [], logo },
    { onSuccess: () => void message.success(t('admin.saved')) },
  );
  if (!profile.data) return <Card style={{ maxWidth: 760 }} loading />; // nothing to type into before the saved values are in
  return (
    <Card style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('admin.company.usedOn')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="legalName" label={t('admin.company.legalName')} rules={[{ required: true }]}><Input data-testid="company-legal-name" /></Form.Item>
        <Form.Item name="taxpayerId" label={t('admin.company.taxpayerId')}><Input data-testid="company-taxpayer-id" /></Form.Item>
        <Form.Item name="address" label={t('admin.company.address')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('admin.company.phone')}><Input /></Form.Item>
        <Form.Item label={t('admin.company.bankAccounts')}>
          <Form.List name="bankAccounts">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Space key={f.key} wrap>
                    <Form.Item name={[f.name, 'bank']} noStyle rules={[{ required: true }]}><Input placeholder={t('admin.company.bank')} /></Form.Item>
                    <Form.Item name={[f.name, 'accountName']} noStyle rules={[{ required: true }]}><Input placeholder={t('admin.company.accountName')} /></Form.Item>
                    <Form.Item name={[f.name, 'accountNumber']} noStyle rules={[{ required: true, min: 4 }]}><Input placeholder={t('admin.company.accountNumber')} /></Form.Item>
                    <Button onClick={() => remove(f.name)}>×</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ bank: '', accountName: '', accountNumber: '' })} style={{ alignSelf: 'flex-start' }}>{t('admin.company.addBank')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('admin.company.logo')} extra={t('admin.company.logoHint')}>
          <Space align="center">
            {logo && <Image src={logo} height={48} preview={false} alt="logo" />}
            <Upload accept="image/png,image/jpeg,image/svg+xml" showUploadList={false} beforeUpload={(file) => {
              if (file.size > MAX_LOGO) {
                void message.error(t('admin.company.logoTooBig'));
                return Upload.LIST_IGNORE;
              }
              const reader = new FileReader();
              reader.onload = () => setLogo(String(reader.result));
              reader.readAsDataURL(file);
              return false;
            }}>
              <Button>{t('admin.company.logo')}</Button>
            </Upload>
            {logo && <Button onClick={() => setLogo(null)}>{t('admin.company.removeLogo')}</Button>}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="company-save">{t('admin.company.save')}</Button>
      </Form>
    </Card>
  );
}
