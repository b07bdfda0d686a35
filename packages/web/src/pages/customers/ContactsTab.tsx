// A customer's contacts: table with add, edit and delete.
import { DeleteOutlined, EditOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useContacts, useDeleteContactMutation } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { ContactFormModal } from '../../components/ContactFormModal';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';

export function ContactsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [target, setTarget] = useState<Contact | 'new' | null>(null);
  const list = useContacts(customerId);
  const removeMutation = useDeleteContactMutation(customerId);

  // the Popconfirm stays busy until the answer (a promise), as before; the mutation reports a failure
  const remove = (c: Contact) => removeMutation.mutateAsync(c.id)
    .then(() => void message.success(t('common.deleted')), () => undefined);

  const f = (k: string) => t(`contact.fields.${k}`);
  const dash = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<Contact> = [
    {
      title: f('name'), dataIndex: 'name',
      render: (name: string, c) => (
        <span>{name}{c.isPrimary && <Tag color="gold" icon={<StarFilled />} style={{ marginInlineStart: 8 }}>{t('contact.primary')}</Tag>}</span>
      ),
    },
    { title: f('title'), dataIndex: 'title', render: dash },
    { title: f('mobile'), dataIndex: 'mobile', render: dash },
    { title: f('phone'), dataIndex: 'phone', render: dash },
    { title: f('email'), dataIndex: 'email', render: dash },
    { title: f('decisionRole'), dataIndex: 'decisionRole', render: (v: string) => enumLabel(t, 'decisionRole', v) },
  ];
  if (can('contacts', 'update') || can('contacts', 'delete')) {
    columns.push({
      title: t('common.actions'), key: 'actions', fixed: 'right',
      render: (_: unknown, c) => (
        <Flex gap={4}>
          {can('contacts', 'update') && <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setTarget(c)}>{t('common.edit')}</Button>}
          {can('contacts', 'delete') && (
            <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove(c)}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />}>{t('common.delete')}</Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    });
  }

  return (
    <Flex vertical gap={12}>
      {can('contacts', 'create') && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="contact-add">{t('contact.add')}</Button>
        </div>
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<Contact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contact.empty') }}
        onRow={() => ({ 'data-testid': 'contact-row' }) as HTMLAttributes<HTMLElement>}
      />
      <ContactFormModal customerId={customerId} target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
