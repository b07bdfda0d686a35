// Web forms 网页表单 and assignment rules 分配规则: the marketer's capture set-up. A form shows its embed code (the
// snippet posts to the public endpoint with the form's key); rules are evaluated in order and show today's count
// against each member's quota.
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { INDUSTRIES, LEAD_FORM_FIELDS, LEAD_SOURCES } from '@l2c/shared';
import { Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAssignmentRules, useCreateLeadForm, useCreateRule, useDeleteRule, useLeadForms, useUpdateLeadForm, type AssignmentRule, type FormFields, type LeadForm, type RuleFields,
} from '../../api/leads';
import { useAuth } from '../../auth/useAuth';
import { UserSelect } from '../../components/UserSelect';
import { useAppApi } from '../../lib/appApi';
import { formSnippet } from './snippet';

function FormRow({ form }: { form: LeadForm }) {
  const toggle = useUpdateLeadForm(form.id);
  return <Switch size="small" checked={form.active} loading={toggle.isPending} onChange={(active) => toggle.mutate({ active, version: form.version })} />;
}

function Forms() {
  const { t, i18n } = useTranslation();
  const { message } = useAppApi();
  const forms = useLeadForms();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<LeadForm | null>(null);
  const [form] = Form.useForm<FormFields & { origins: string }>();
  const create = useCreateLeadForm({ form, fields: ['name', 'consentText', 'allowedOrigins', 'fields'] });
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const snippet = shown ? formSnippet(shown, window.location.origin, lang) : '';
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)} data-testid="lead-form-new">{t('lead.forms.new')}</Button>
      <Table<LeadForm> rowKey="id" size="middle" pagination={false} loading={forms.isLoading} dataSource={forms.data?.items ?? []} data-testid="lead-forms"
        columns={[
          { title: t('lead.forms.name'), dataIndex: 'name' },
          { title: t('lead.campaign'), dataIndex: ['campaign', 'name'], render: (v?: string) => v ?? '—' },
          { title: t('lead.forms.origins'), dataIndex: 'allowedOrigins', render: (o: string[]) => (o.length ? o.map((x) => <Tag key={x}>{x}</Tag>) : '—') },
          { title: t('lead.forms.submissions'), dataIndex: 'submissions', width: 90 },
          { title: t('lead.forms.active'), dataIndex: 'active', width: 80, render: (_: boolean, r) => <FormRow form={r} /> },
          { title: '', key: 's', width: 120, render: (_: unknown, r) => <Button size="small" onClick={() => setShown(r)} data-testid="lead-form-snippet">{t('lead.forms.snippet')}</Button> },
        ]} />
      <Modal open={creating} title={t('lead.forms.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ fields: ['companyName', 'contactName', 'phone', 'email'], origins: '' }}
          onFinish={(v) => create.mutate({ name: v.name, consentText: v.consentText, fields: v.fields, allowedOrigins: v.origins.split(/\s+/).filter(Boolean) }, {
            onSuccess: (f) => { setCreating(false); setShown(f); void message.success(t('lead.forms.created')); },
          })}>
          <Form.Item name="name" label={t('lead.forms.name')} rules={[{ required: true }]}><Input data-testid="lead-form-name" /></Form.Item>
          <Form.Item name="fields" label={t('lead.forms.fields')}>
            <Checkbox.Group options={LEAD_FORM_FIELDS.map((f) => ({ value: f, label: t(`lead.forms.fieldNames.${f}`) }))} />
          </Form.Item>
          <Form.Item name="origins" label={t('lead.forms.origins')} extra={t('lead.forms.originsHint')}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="consentText" label={t('lead.forms.consent')} rules={[{ required: true }]}><Input.TextArea rows={2} data-testid="lead-form-consent" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!shown} title={`${t('lead.forms.snippet')} · ${shown?.name ?? ''}`} onCancel={() => setShown(null)} footer={null} width={720}>
        <Typography.Paragraph type="secondary">{t('lead.forms.snippetHint')}</Typography.Paragraph>
        <Typography.Paragraph><Typography.Text type="secondary">{t('lead.forms.key')}: </Typography.Text><Typography.Text code>{shown?.key}</Typography.Text></Typography.Paragraph>
        <pre style={{ maxHeight: 360, overflow: 'auto', background: '#f6f8fa', padding: 12, fontSize: 12 }} data-testid="lead-form-code">{snippet}</pre>
        <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(snippet).then(() => message.success(t('lead.forms.copied')))}>{t('lead.forms.copy')}</Button>
      </Modal>
    </>
  );
}

function Rules() {
  const { t } = useTranslation();
  const { message } = useAppApi();
  const rules = useAssignmentRules();
  const del = useDeleteRule();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<RuleFields & { regionsText: string }>();
  const create = useCreateRule({ form, fields: ['name', 'position', 'members'] });
  const any = t('lead.rules.any');
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)} data-testid="lead-rule-new">{t('lead.rules.new')}</Button>
      <Table<AssignmentRule> rowKey="id" size="middle" pagination={false} loading={rules.isLoading} dataSource={rules.data?.items ?? []}
        columns={[
          { title: t('lead.rules.position'), dataIndex: 'position', width: 70 },
          { title: t('lead.rules.name'), dataIndex: 'name', render: (v: string, r) => <span>{v} {!r.active && <Tag>off</Tag>}</span> },
          { title: t('lead.rules.strategy'), dataIndex: 'strategy', width: 100, render: (v: string) => t(`lead.rules.strategies.${v}`) },
          { title: t('lead.rules.conditions'), key: 'c', render: (_: unknown, r) => (
            <Space direction="vertical" size={0}>
              <span>{t('lead.source')}: {r.sources.map((s) => t(`lead.sources.${s}`)).join('、') || any}</span>
              <span>{t('lead.region')}: {r.regions.join('、') || any}</span>
              <span>{t('lead.industry')}: {r.industries.map((s) => t(`enums.industry.${s}`)).join('、') || any}</span>
            </Space>
          ) },
          { title: t('lead.rules.members'), key: 'm', render: (_: unknown, r) => r.members.map((m) => (
            <div key={m.userId}>{m.name} · ×{m.weight} · {t('lead.rules.today')} {m.assignedToday}{m.dailyQuota !== null ? `/${m.dailyQuota}` : ''} · {t('lead.rules.total')} {m.assignedCount}</div>
          )) },
          { title: '', key: 'd', width: 80, render: (_: unknown, r) => (
            <Popconfirm title={t('common.confirmDelete')} onConfirm={() => del.mutate(r.id, { onSuccess: () => void message.success(t('lead.rules.deleted')) })}>
              <Button size="small" danger>{t('common.delete')}</Button>
            </Popconfirm>
          ) },
        ]} />
      <Modal open={creating} title={t('lead.rules.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ position: (rules.data?.items.length ?? 0) + 1, active: true, strategy: 'round_robin', sources: [], industries: [], regionsText: '', members: [{ weight: 1, dailyQuota: null }] }}
          onFinish={(v) => create.mutate({ ...v, regions: v.regionsText.split(/[\s,，、]+/).filter(Boolean), members: v.members.filter((m) => m.userId) }, {
            onSuccess: () => { setCreating(false); void message.success(t('lead.rules.created')); },
          })}>
          <Space>
            <Form.Item name="name" label={t('lead.rules.name')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="position" label={t('lead.rules.position')}><InputNumber min={0} /></Form.Item>
            <Form.Item name="strategy" label={t('lead.rules.strategy')}>
              <Select style={{ width: 120 }} options={(['round_robin', 'weighted'] as const).map((s) => ({ value: s, label: t(`lead.rules.strategies.${s}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="sources" label={t('lead.source')}><Select mode="multiple" allowClear options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))} /></Form.Item>
          <Form.Item name="regionsText" label={t('lead.region')}><Input placeholder="浙江 上海 华东" /></Form.Item>
          <Form.Item name="industries" label={t('lead.industry')}><Select mode="multiple" allowClear options={INDUSTRIES.map((s) => ({ value: s, label: t(`enums.industry.${s}`) }))} /></Form.Item>
          <Form.List name="members">
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} align="baseline">
                    <Form.Item name={[item.name, 'userId']} label={t('lead.rules.members')}><UserSelect activeOnly style={{ width: 180 }} /></Form.Item>
                    <Form.Item name={[item.name, 'weight']} label={t('lead.rules.weight')}><InputNumber min={1} max={100} /></Form.Item>
                    <Form.Item name={[item.name, 'dailyQuota']} label={t('lead.rules.quota')}><InputNumber min={0} /></Form.Item>
                    <Button onClick={() => remove(item.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ weight: 1, dailyQuota: null })}>+</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

export default function LeadFormsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('lead.formsNav')}</Typography.Title>
      <Tabs items={[
        ...(can('lead_forms', 'read') ? [{ key: 'forms', label: t('lead.forms.title'), children: <Forms /> }] : []),
        ...(can('leads', 'assign') ? [{ key: 'rules', label: t('lead.rules.title'), children: <Rules /> }] : []),
      ]} />
    </Card>
  );
}
