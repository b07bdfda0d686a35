// A campaign's members and the event flow: each row offers the next steps (invite, register, check in). Checking in a
// person who is neither a lead nor a contact makes a lead on the server; the row then shows it.
import { PlusOutlined } from '@ant-design/icons';
import { MEMBER_STATUSES, type MemberStatus } from '@l2c/shared';
import { App, Button, Col, Form, Input, Modal, Radio, Row, Segmented, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddMember, useCampaignMembers, useMemberStep, type Campaign, type CampaignMember, type MemberFields } from '../../api/campaigns';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';

const NEXT: Record<MemberStatus, Array<'invite' | 'register' | 'check-in'>> = {
  planned: ['invite', 'register', 'check-in'], invited: ['register', 'check-in'], registered: ['check-in'], checked_in: [],
};
const STEP_LABEL = { invite: 'campaign.member.invite', register: 'campaign.member.register', 'check-in': 'campaign.member.checkIn' } as const;
const STATUS_COLOR: Record<MemberStatus, string> = { planned: 'default', invited: 'blue', registered: 'gold', checked_in: 'green' };

function AddMemberModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFields & { kind: 'person' | 'contact' | 'lead' }>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const add = useAddMember(campaign.id, { form, fields: ['name', 'company', 'phone', 'email', 'contactId', 'leadId', 'status'] });
  const submit = (v: MemberFields & { kind: string }) => {
    const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
    const body: MemberFields = v.kind === 'contact' ? { contactId: v.contactId!.trim(), status: v.status }
      : v.kind === 'lead' ? { leadId: v.leadId!.trim(), status: v.status }
        : { name: text(v.name), company: text(v.company), phone: text(v.phone), email: text(v.email), status: v.status };
    add.mutate(body, { onSuccess: () => { void message.success(t('campaign.member.added')); form.resetFields(); onClose(); } });
  };
  return (
    <Modal open={open} title={t('campaign.member.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-save' }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'person', status: 'planned' }} data-testid="member-form">
        <Form.Item name="kind" label={t('campaign.member.kind')}>
          <Radio.Group options={(['person', 'contact', 'lead'] as const).map((k) => ({ value: k, label: t(`campaign.member.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'person' && (
          <Row gutter={16}>
            <Col span={12}><Form.Item name="name" label={t('campaign.member.person')} rules={[{ required: true, whitespace: true, max: 100 }]}><Input data-testid="member-name" /></Form.Item></Col>
            <Col span={12}><Form.Item name="company" label={t('campaign.member.company')} rules={[{ max: 200 }]}><Input data-testid="member-company" /></Form.Item></Col>
            <Col span={12}><Form.Item name="phone" label={t('campaign.member.phone')} rules={[{ max: 40 }]}><Input data-testid="member-phone" /></Form.Item></Col>
            <Col span={12}><Form.Item name="email" label={t('campaign.member.email')} rules={[{ type: 'email', max: 200 }]}><Input data-testid="member-email" /></Form.Item></Col>
          </Row>
        )}
        {kind === 'contact' && <Form.Item name="contactId" label={t('campaign.member.contactId')} rules={[{ required: true }]}><Input /></Form.Item>}
        {kind === 'lead' && <Form.Item name="leadId" label={t('campaign.member.leadId')} rules={[{ required: true }]}><Input /></Form.Item>}
        <Form.Item name="status" label={t('campaign.member.status')}>
          <Segmented options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`campaign.memberStatuses.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MembersTab({ campaign, canEdit }: { campaign: Campaign; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { instant } = useFormat();
  const [status, setStatus] = useState<string>('all');
  const [adding, setAdding] = useState(false);
  const list = useCampaignMembers(campaign.id, status === 'all' ? undefined : status);
  const step = useMemberStep();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const closed = campaign.status === 'cancelled';

  const columns: ColumnsType<CampaignMember> = [
    {
      title: t('campaign.member.person'), key: 'who',
      render: (_, m) => m.contact ? <span>{m.contact.name} <Tag>{t('campaign.member.contact')}</Tag>{m.contact.customerName}</span>
        : <span data-testid={`member-name-${m.id}`}>{m.name ?? m.lead?.name ?? '—'}{m.company ? ` · ${m.company}` : ''}</span>,
    },
    { title: t('campaign.member.phone'), key: 'phone', render: (_, m) => m.phone ?? m.email ?? '—' },
    { title: t('campaign.member.status'), key: 'status', render: (_, m) => <Tag color={STATUS_COLOR[m.status]} data-testid={`member-status-${m.id}`}>{t(`campaign.memberStatuses.${m.status}`)}</Tag> },
    {
      title: t('campaign.member.lead'), key: 'lead',
      render: (_, m) => m.lead ? (
        <Link to={`/leads/${m.lead.id}`} data-testid={`member-lead-${m.id}`}>{m.lead.name ?? m.lead.id.slice(0, 8)}{m.leadCreated ? ` (${t('campaign.member.leadCreated')})` : ''}</Link>
      ) : '—',
    },
    { title: t('campaign.member.checkedInAt'), key: 'at', render: (_, m) => instant(m.checkedInAt ?? m.registeredAt ?? m.invitedAt) },
    ...(canEdit ? [{
      title: t('common.actions'), key: 'actions',
      render: (_: unknown, m: CampaignMember) => (
        <Space size={4}>
          {NEXT[m.status].map((s) => (
            <Button key={s} size="small" type={s === 'check-in' ? 'primary' : 'default'} disabled={closed} loading={step.isPending && step.variables?.memberId === m.id && step.variables?.step === s}
              data-testid={`member-${s}-${m.id}`}
              onClick={() => step.mutate({ memberId: m.id, step: s }, { onSuccess: () => void message.success(t('campaign.member.moved')) })}>
              {t(STEP_LABEL[s])}
            </Button>
          ))}
        </Space>
      ),
    }] : []),
  ];

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={status} onChange={(v) => setStatus(String(v))}
          options={[{ value: 'all', label: t('campaign.allStatuses') }, ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`campaign.memberStatuses.${s}`) }))]} />
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={closed} data-testid="member-add">{t('campaign.member.add')}</Button>}
      </Space>
      <Table<CampaignMember> rowKey="id" size="small" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false}
        locale={{ emptyText: t('campaign.member.empty') }} data-testid="member-table" scroll={{ x: 900 }} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </div>
      <AddMemberModal campaign={campaign} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
