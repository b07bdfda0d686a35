// API tokens for integrations: list, create (the token is shown once), revoke.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiTokenMutation, useRevokeApiTokenMutation } from '../api/identity';
import type { ApiToken, ApiTokenCreated } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { useFormat } from '../i18n/format';
import { errorText } from '../lib/errors';

interface NewToken { name: string; expiresInDays: number }

function status(tok: ApiToken): 'revoked' | 'expired' | 'active' {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && new Date(tok.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

export default function TokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewToken>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const list = useApiTokens();
  const createMutation = useCreateApiTokenMutation({ form, fields: ['name', 'expiresInDays'] });
  const revokeMutation = useRevokeApiTokenMutation();

  const create = (v: NewToken) => createMutation.mutate({ name: v.name.trim(), expiresInDays: v.expiresInDays }, {
    onSuccess: (tok) => {
      setCreating(false);
      setCreated(tok);
      form.resetFields();
    },
  });

  // a promise, so the Popconfirm shows its busy state until the answer
  const revoke = (tok: ApiToken) => revokeMutation.mutateAsync(tok.id)
    .then(() => void message.success(t('tokens.revokedOk')), () => undefined);

  const colors = { active: 'green', revoked: 'default', expired: 'orange' } as const;
  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.status'), key: 'status', render: (_: unknown, tok) => <Tag color={colors[status(tok)]}>{t(`tokens.${status(tok)}`)}</Tag> },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? fmt.instant(v) : t('tokens.never')) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? fmt.instant(v) : t('tokens.never')) },
  ];
  if (can('tokens', 'delete')) {
    columns.push({
      title: t('common.actions'), key: 'actions', fixed: 'right',
      render: (_: unknown, tok) => status(tok) === 'revoked' ? null : (
        <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => revoke(tok)}>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="token-revoke">{t('tokens.revoke')}</Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('tokens.title')}</Typography.Title>
          {can('tokens', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-new">{t('tokens.new')}</Button>
          )}
        </Flex>
        <Typography.Text type="secondary">{t('tokens.intro')}</Typography.Text>
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Flex>
      <Modal open={creating} title={t('tokens.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={createMutation.isPending} destroyOnHidden>
        <Form<NewToken> form={form} layout="vertical" initialValues={{ expiresInDays: 365 }} onFinish={create} preserve={false}>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('tokens.name') }) }, { max: 80 }]}>
            <Input maxLength={80} placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={created !== null} title={t('tokens.createdTitle')} onCancel={() => setCreated(null)}
        footer={<Button type="primary" onClick={() => setCreated(null)}>{t('common.ok')}</Button>}>
        <Alert type="warning" showIcon title={t('tokens.createdHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created?.token ?? '' }} code style={{ wordBreak: 'break-all' }} data-testid="token-value">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
