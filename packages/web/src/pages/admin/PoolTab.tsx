// Public-pool rules 公海规则: after how many days without a follow-up a customer returns to the pool, and how many
// customers a rep may claim a day. Audited by the server.
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePoolRules, useSavePoolRulesMutation, type PoolRules } from '../../api/admin';
import { EntityTimeline } from '../../components/EntityTimeline';
import { useAuth } from '../../auth/useAuth';

export function PoolTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const rules = usePoolRules();
  const [form] = Form.useForm<PoolRules>();
  const save = useSavePoolRulesMutation({ form, fields: ['reclaimDays', 'claimDailyCap'] });
  // The saved rules fill the form once: a later refetch (after a save, on focus) must not overwrite what is typed.
  const filled = useRef(false);
  useEffect(() => {
    if (rules.data && !filled.current) {
      filled.current = true;
      form.setFieldsValue(rules.data);
    }
  }, [rules.data, form]);
  if (!rules.data) return <Card style={{ maxWidth: 760 }} loading />; // nothing to type into before the saved values are in
  return (
    <Card style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('admin.pool.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('admin.saved')) })}>
        <Form.Item name="reclaimDays" label={t('admin.pool.reclaimDays')} rules={[{ required: true }]}><InputNumber min={1} max={3650} data-testid="pool-reclaim-days" /></Form.Item>
        <Form.Item name="claimDailyCap" label={t('admin.pool.claimDailyCap')} rules={[{ required: true }]}><InputNumber min={0} max={1000} data-testid="pool-claim-cap" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pool-save">{t('admin.pool.save')}</Button>
      </Form>
      {user && <div style={{ marginTop: 16 }}><EntityTimeline entityType="tenant_settings" entityId={user.tenantId} /></div>}
    </Card>
  );
}
