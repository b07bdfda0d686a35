// Webhooks (admins): subscriptions — URL, events, on/off, a test event, the secret shown once and rotatable — and the
// delivery log (status, response code, latency, attempts, next try) with redelivery.
import { App, Button, Card, Checkbox, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus } from '@l2c/shared';
import {
  useCreateWebhookMutation, useRedeliverWebhookMutation, useRotateWebhookSecretMutation, useSendTestWebhookMutation, useUpdateWebhookMutation,
  useWebhookDeliveries, useWebhookSubscriptions, type SubscriptionInput, type WebhookDelivery, type WebhookSubscription,
} from '../../api/webhooks';
import { useFormat } from '../../i18n/format';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', delivering: 'processing', succeeded: 'success', dead: 'error' };

function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!secret} title={t('webhooks.secretTitle')} onCancel={onClose} onOk={onClose} okButtonProps={{ 'data-testid': 'webhook-secret-close' } as Record<`data-${string}`, string>} cancelButtonProps={{ style: { display: 'none' } }}>
      <Typography.Paragraph type="secondary">{t('webhooks.secretIntro')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: secret ?? '' }} code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">{secret}</Typography.Paragraph>
    </Modal>
  );
}

function NewSubscription({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SubscriptionInput>();
  const create = useCreateWebhookMutation({ form, fields: ['url', 'description', 'events'] });
  return (
    <Modal open={open} title={t('webhooks.add')} onCancel={onClose} okText={t('webhooks.create')} confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'webhook-create' } as Record<`data-${string}`, string>} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ events: [...WEBHOOK_EVENT_TYPES], active: true }}
        onFinish={(v) => create.mutate({ ...v, description: v.description || null, active: true }, { onSuccess: (r) => { form.resetFields(); onCreated(r.secret); } })}>
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true }]}><Input placeholder="https://erp.example.com/l2c/webhooks" data-testid="webhook-url" /></Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true }]}>
          <Checkbox.Group data-testid="webhook-events" options={WEBHOOK_EVENT_TYPES.map((e) => ({ value: e, label: t(`webhooks.eventNames.${e}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeliveryLog({ subscriptions }: { subscriptions: WebhookSubscription[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [subscriptionId, setSubscriptionId] = useState<string | undefined>();
  const [status, setStatus] = useState<WebhookDeliveryStatus | undefined>();
  const log = useWebhookDeliveries(subscriptionId, status);
  const redeliver = useRedeliverWebhookMutation();
  return (
    <Card size="small" title={t('webhooks.log')} data-testid="webhook-log"
      extra={(
        <Space wrap>
          <Select allowClear placeholder={t('webhooks.logFilter')} style={{ width: 260 }} value={subscriptionId} onChange={setSubscriptionId}
            options={subscriptions.map((s) => ({ value: s.id, label: s.url }))} />
          <Select allowClear placeholder={t('webhooks.allStatuses')} style={{ width: 140 }} value={status} onChange={setStatus}
            options={WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.deliveryStatus.${s}`) }))} />
        </Space>
      )}>
      <Table<WebhookDelivery>
        rowKey="id" size="small" loading={log.isLoading} dataSource={log.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('webhooks.none') }}
        onRow={(d) => ({ 'data-testid': 'delivery-row', 'data-status': d.status, 'data-event': d.eventType } as object)}
        expandable={{
          expandedRowRender: (d) => (
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('webhooks.history')}</Typography.Text>
              {d.history.map((h) => (
                <Typography.Text key={h.attempt} type={h.statusCode && h.statusCode < 300 ? undefined : 'danger'}>
                  #{h.attempt} · {fmt.instant(h.at)} · {h.statusCode ?? '—'} · {h.latencyMs} ms{h.error ? ` · ${h.error}` : ''}
                </Typography.Text>
              ))}
              <Typography.Text strong>{t('webhooks.body')}</Typography.Text>
              <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', marginBottom: 0 }}>{d.body}</Typography.Paragraph>
            </Flex>
          ),
        }}
        columns={[
          { title: t('webhooks.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
          { title: t('webhooks.event'), dataIndex: 'eventType', render: (v: string, d) => <Space size={4}>{t(`webhooks.eventNames.${v}`, { defaultValue: v })}{d.kind !== 'event' && <Tag>{t(`webhooks.kind.${d.kind}`)}</Tag>}</Space> },
          { title: t('webhooks.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="delivery-status">{t(`webhooks.deliveryStatus.${v}`)}</Tag> },
          { title: t('webhooks.response'), dataIndex: 'lastStatusCode', render: (v: number | null, d) => <span data-testid="delivery-code">{v ?? (d.lastError ? '—' : '')}</span> },
          { title: t('webhooks.latency'), dataIndex: 'lastLatencyMs', render: (v: number | null) => (v === null ? '' : `${v} ms`) },
          { title: t('webhooks.attempts'), key: 'attempts', render: (_: unknown, d) => `${d.attempts} / ${d.maxAttempts}` },
          { title: t('webhooks.nextTry'), dataIndex: 'nextAttemptAt', render: (v: string | null) => (v ? fmt.instant(v) : '') },
          {
            title: '', key: 'actions', render: (_: unknown, d) => (
              <Button size="small" onClick={() => redeliver.mutate(d.id, { onSuccess: () => void message.success(t('webhooks.redelivered')) })}>{t('webhooks.redeliver')}</Button>
            ),
          },
        ]}
      />
      {log.data?.items.length === 0 && <Typography.Text type="secondary">{t('webhooks.none')}</Typography.Text>}
    </Card>
  );
}

export function WebhooksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const subs = useWebhookSubscriptions();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const update = useUpdateWebhookMutation();
  const rotate = useRotateWebhookSecretMutation();
  const test = useSendTestWebhookMutation();
  const items = subs.data?.items ?? [];
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="webhook-add" style={{ marginBottom: 12 }}>{t('webhooks.add')}</Button>
        <Table<WebhookSubscription>
          rowKey="id" size="small" loading={subs.isLoading} dataSource={items} pagination={false} scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'webhook-row' } as object)}
          columns={[
            { title: t('webhooks.url'), dataIndex: 'url', render: (v: string, s) => <Flex vertical><Typography.Text code>{v}</Typography.Text>{s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}</Flex> },
            { title: t('webhooks.events'), dataIndex: 'events', render: (v: string[]) => <Flex wrap gap={4} style={{ maxWidth: 360 }}>{v.map((e) => <Tag key={e}>{t(`webhooks.eventNames.${e}`, { defaultValue: e })}</Tag>)}</Flex> },
            { title: t('webhooks.status'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? t('webhooks.on') : t('webhooks.off')}</Tag> },
            { title: t('webhooks.secret'), dataIndex: 'secretHint', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: '', key: 'stats', render: (_: unknown, s) => <Typography.Text type="secondary">{t('webhooks.stats', s.stats)}</Typography.Text> },
            {
              title: '', key: 'actions', render: (_: unknown, s) => (
                <Space wrap>
                  <Button size="small" disabled={!s.active} loading={test.isPending} data-testid="webhook-test"
                    onClick={() => test.mutate(s.id, { onSuccess: () => void message.success(t('webhooks.testSent')) })}>{t('webhooks.test')}</Button>
                  <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => rotate.mutate(s.id, { onSuccess: (r) => setSecret(r.secret) })}>
                    <Button size="small">{t('webhooks.rotate')}</Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => update.mutate({ id: s.id, active: !s.active, version: s.version })}>{s.active ? t('webhooks.switchOff') : t('webhooks.switchOn')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <DeliveryLog subscriptions={items} />
      <NewSubscription open={adding} onClose={() => setAdding(false)} onCreated={(s) => { setAdding(false); setSecret(s); }} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Flex>
  );
}
