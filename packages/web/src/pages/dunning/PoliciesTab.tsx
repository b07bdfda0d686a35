// Dunning policies 催收策略: per customer grade and/or risk level, steps relative to the due date, each one action.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUNNING_ACTIONS, DUNNING_RECIPIENTS, GRADES, RISK_LEVELS } from '@l2c/shared';
import { useDunningPolicies, useSavePolicyMutation, type DunningPolicy, type PolicyFields } from '../../api/dunning';

export function PoliciesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const list = useDunningPolicies();
  const [editing, setEditing] = useState<DunningPolicy | 'new' | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('dunning.policy.hint')}</Typography.Text>
        {canManage && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('dunning.policy.new')}</Button>}
      </Flex>
      {(list.data?.items ?? []).map((p) => (
        <Card key={p.id} size="small" data-testid="dunning-policy"
          title={<Space>{p.name}{!p.active && <Tag>off</Tag>}<Tag>{t('dunning.policy.grade')}: {p.grade ?? t('dunning.policy.any')}</Tag>
            <Tag>{t('dunning.policy.risk')}: {p.riskLevel ?? t('dunning.policy.any')}</Tag><Tag>{t('dunning.policy.priority')} {p.priority}</Tag></Space>}
          extra={canManage && <Button size="small" onClick={() => setEditing(p)}>{t('dunning.policy.edit')}</Button>}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.steps}
            columns={[
              { title: t('dunning.policy.offset'), dataIndex: 'offsetDays', render: (v: number) => (v > 0 ? `+${v}` : String(v)) },
              { title: t('dunning.policy.stepName'), dataIndex: 'name' },
              { title: t('dunning.policy.action'), render: (_, s) => <Tag color={s.action === 'hold' ? 'red' : s.action === 'letter' ? 'orange' : 'blue'}>{t(`dunning.actions.${s.action}`)}</Tag> },
              { title: t('dunning.policy.recipient'), render: (_, s) => t(`dunning.recipients.${s.recipient}`) },
            ]} />
        </Card>
      ))}
      <PolicyModal policy={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

function PolicyModal({ policy, onClose }: { policy: DunningPolicy | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyFields>();
  const save = useSavePolicyMutation({ form, nested: true, fields: ['name', 'grade', 'riskLevel', 'priority', 'steps'] });
  const existing = policy && policy !== 'new' ? policy : null;
  const initial: PolicyFields = existing
    ? { name: existing.name, grade: existing.grade, riskLevel: existing.riskLevel, priority: existing.priority, active: existing.active, steps: existing.steps.map(({ offsetDays, action, recipient, name }) => ({ offsetDays, action, recipient, name })) }
    : { name: '', grade: null, riskLevel: null, priority: 100, active: true, steps: [{ offsetDays: 0, action: 'email', recipient: 'customer', name: '' }] };
  return (
    <Modal open={!!policy} width={760} title={existing ? existing.name : t('dunning.policy.new')} onCancel={onClose} destroyOnHidden okText={t('dunning.policy.save')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.validateFields().then((v) => save.mutate(
        { id: existing?.id ?? null, body: { ...v, grade: v.grade ?? null, riskLevel: v.riskLevel ?? null, ...(existing ? { version: existing.version } : {}) } },
        { onSuccess: onClose },
      ))}>
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Space wrap>
          <Form.Item name="name" label={t('dunning.policy.name')} rules={[{ required: true }]}><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item name="grade" label={t('dunning.policy.grade')}><Select allowClear style={{ width: 100 }} options={GRADES.map((g) => ({ value: g, label: g }))} /></Form.Item>
          <Form.Item name="riskLevel" label={t('dunning.policy.risk')}><Select allowClear style={{ width: 120 }} options={RISK_LEVELS.map((g) => ({ value: g, label: g }))} /></Form.Item>
          <Form.Item name="priority" label={t('dunning.policy.priority')}><InputNumber min={0} max={1000} /></Form.Item>
          <Form.Item name="active" label={t('dunning.policy.active')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'offsetDays']} rules={[{ required: true }]}><InputNumber min={-365} max={3650} placeholder={t('dunning.policy.offset')} /></Form.Item>
                  <Form.Item name={[f.name, 'action']}><Select style={{ width: 130 }} options={DUNNING_ACTIONS.map((a) => ({ value: a, label: t(`dunning.actions.${a}`) }))} /></Form.Item>
                  <Form.Item name={[f.name, 'recipient']}><Select style={{ width: 120 }} options={DUNNING_RECIPIENTS.map((a) => ({ value: a, label: t(`dunning.recipients.${a}`) }))} /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input style={{ width: 220 }} placeholder={t('dunning.policy.stepName')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ offsetDays: 7, action: 'task', recipient: 'owner', name: '' })}>{t('dunning.policy.addStep')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
