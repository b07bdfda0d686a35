// Users: search, create (with a password, or invited by a one-time link), role, team, deactivate, reset the password,
// and the user's live sessions and API tokens. Every change is audited by the server.
import { Alert, App, Button, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAdminUsers, useCreateUserMutation, usePasswordLinkMutation, useRevokeUserTokenMutation, useTeams, useUpdateUserMutation, useUserTokens,
  type AdminUser, type NewUser, type PasswordLink, type Role,
} from '../../api/admin';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { roleLabel } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';

const ROLES: Role[] = ['admin', 'executive', 'sales_manager', 'sales_rep', 'finance', 'marketer'];

function LinkModal({ link, name, onClose }: { link: PasswordLink | null; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const url = link ? `${window.location.origin}${link.linkPath}` : '';
  return (
    <Modal open={!!link} title={t('admin.users.linkTitle')} onCancel={onClose} footer={<Button onClick={onClose}>OK</Button>}>
      <Typography.Paragraph>{t('admin.users.linkIntro', { name, expires: fmt.instant(link?.expiresAt) })}</Typography.Paragraph>
      <Input.TextArea readOnly value={url} autoSize data-testid="password-link" />
      <Button style={{ marginTop: 8 }} onClick={() => void navigator.clipboard?.writeText(url).then(() => message.success(t('admin.users.copied')))}>{t('admin.users.copy')}</Button>
    </Modal>
  );
}

function TokensDrawer({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tokens = useUserTokens(user?.id ?? null);
  const revoke = useRevokeUserTokenMutation();
  return (
    <Drawer open={!!user} title={`${user?.name ?? ''} · ${t('admin.users.sessions')}`} size="large" onClose={onClose}>
      <Table
        rowKey="id" size="small" loading={tokens.isPending} dataSource={tokens.data?.items ?? []} pagination={false}
        locale={{ emptyText: t('admin.users.tokens.none') }}
        columns={[
          { title: t('admin.users.tokens.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`admin.users.tokens.${k}`)}</Tag> },
          { title: t('admin.users.tokens.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
          { title: t('admin.users.tokens.created'), dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
          { title: t('admin.users.tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => fmt.instant(v) },
          { title: t('admin.users.tokens.expires'), dataIndex: 'expiresAt', render: (v: string | null) => fmt.instant(v) },
          {
            title: '', key: 'x', render: (_: unknown, r: { id: string }) => (
              <Button size="small" danger loading={revoke.isPending} onClick={() => user && revoke.mutate({ id: user.id, tokenId: r.id })} data-testid="revoke-token">
                {t('admin.users.tokens.revoke')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

export function UsersTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useAdminUsers(q);
  const teams = useTeams();
  const teamOptions = [{ value: '', label: t('admin.users.noTeam') }, ...(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))];
  const [form] = Form.useForm<NewUser & { teamId: string }>();
  const [creating, setCreating] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const create = useCreateUserMutation({ form, fields: ['email', 'name', 'role', 'teamId', 'password'], onSummary: setSummary });
  const update = useUpdateUserMutation();
  const linkMut = usePasswordLinkMutation();
  const [link, setLink] = useState<{ link: PasswordLink; name: string } | null>(null);
  const [tokensOf, setTokensOf] = useState<AdminUser | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (v: NewUser & { teamId: string }) => {
    setSummary(null);
    create.mutate({ ...v, teamId: v.teamId || null, password: v.password || undefined, locale: v.locale ?? 'zh-CN' }, {
      onSuccess: (u) => {
        setCreating(false);
        form.resetFields();
        void message.success(t('admin.users.created'));
        if (u.invite) setLink({ link: u.invite, name: u.name });
      },
    });
  };
  const issue = (u: AdminUser, purpose: 'invite' | 'reset') => {
    const go = () => linkMut.mutate({ id: u.id, purpose }, { onSuccess: (l) => setLink({ link: l, name: u.name }) });
    if (purpose === 'reset') modal.confirm({ title: t('admin.users.reset'), content: t('admin.users.resetConfirm', { name: u.name }), onOk: go });
    else go();
  };
  const setActive = (u: AdminUser, active: boolean) => {
    const go = () => update.mutate({ id: u.id, version: u.version, active });
    if (!active) modal.confirm({ title: t('admin.users.deactivate'), content: t('admin.users.deactivateConfirm', { name: u.name }), onOk: go });
    else go();
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Input.Search allowClear placeholder={t('admin.users.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320 }} />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="user-add">{t('admin.users.add')}</Button>
      </Flex>
      <Table<AdminUser>
        rowKey="id" size="middle" loading={list.isPending} dataSource={items} pagination={false} scroll={{ x: 'max-content' }}
        columns={[
          { title: t('admin.users.name'), dataIndex: 'name' },
          { title: t('admin.users.email'), dataIndex: 'email' },
          {
            title: t('admin.users.role'), dataIndex: 'role', render: (role: Role, u) => (
              <Select size="small" value={role} style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                onChange={(next) => update.mutate({ id: u.id, version: u.version, role: next })} data-testid={`role-${u.email}`} />
            ),
          },
          {
            title: t('admin.users.team'), dataIndex: 'teamId', render: (teamId: string | null, u) => (
              <Select size="small" value={teamId ?? ''} style={{ width: 160 }} options={teamOptions}
                onChange={(next) => update.mutate({ id: u.id, version: u.version, teamId: next || null })} />
            ),
          },
          {
            title: t('admin.users.status'), key: 'status', render: (_: unknown, u) => (
              !u.active ? <Tag>{t('admin.users.inactive')}</Tag> : u.invited ? <Tag color="orange">{t('admin.users.invited')}</Tag> : <Tag color="green">{t('admin.users.active')}</Tag>
            ),
          },
          {
            title: t('admin.users.actions'), key: 'actions', render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.active
                  ? <Button size="small" onClick={() => setActive(u, false)}>{t('admin.users.deactivate')}</Button>
                  : <Button size="small" onClick={() => setActive(u, true)}>{t('admin.users.activate')}</Button>}
                {u.invited
                  ? <Button size="small" onClick={() => issue(u, 'invite')}>{t('admin.users.reinvite')}</Button>
                  : <Button size="small" onClick={() => issue(u, 'reset')}>{t('admin.users.reset')}</Button>}
                <Button size="small" onClick={() => setTokensOf(u)}>{t('admin.users.sessions')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <LoadMore count={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      <Modal open={creating} title={t('admin.users.add')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'user-create-ok' } as Record<`data-${string}`, string>}>
        {summary && <Alert type="error" showIcon title={summary} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'sales_rep', teamId: '', locale: 'zh-CN' }}>
          <Form.Item name="name" label={t('admin.users.name')} rules={[{ required: true }]}><Input data-testid="user-name" /></Form.Item>
          <Form.Item name="email" label={t('admin.users.email')} rules={[{ required: true, type: 'email' }]}><Input data-testid="user-email" /></Form.Item>
          <Form.Item name="role" label={t('admin.users.role')}><Select options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} /></Form.Item>
          <Form.Item name="teamId" label={t('admin.users.team')}><Select options={teamOptions} /></Form.Item>
          <Form.Item name="locale" label="Language / 语言"><Select options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]} /></Form.Item>
          <Form.Item name="password" label={t('admin.users.password')} extra={t('admin.users.passwordHint')} rules={[{ min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
      <LinkModal link={link?.link ?? null} name={link?.name ?? ''} onClose={() => setLink(null)} />
      <TokensDrawer user={tokensOf} onClose={() => setTokensOf(null)} />
    </Flex>
  );
}
