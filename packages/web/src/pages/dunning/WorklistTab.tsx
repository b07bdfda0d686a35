// The collector worklist 催收工作台: overdue customers ranked by amount × age × risk, with the open promise, the last
// contact, and the two things a collector records from here — a promise to pay 承诺付款 and a contact note.
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '@l2c/shared';
import { useCreateNoteMutation, useCreatePromiseMutation, useWorklist, type WorklistItem } from '../../api/dunning';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { today, toYmd } from '../../lib/dates';
import { errorText } from '../../lib/errors';

export function WorklistTab({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useWorklist();
  const [promiseFor, setPromiseFor] = useState<WorklistItem | null>(null);
  const [noteFor, setNoteFor] = useState<WorklistItem | null>(null);
  if (list.error) return <Alert type="error" message={errorText(t, list.error)} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('dunning.worklist.formula')}</Typography.Text>
      <Table<WorklistItem>
        rowKey="customerId" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-worklist"
        locale={{ emptyText: t('dunning.worklist.empty') }} scroll={{ x: 1100 }}
        columns={[
          { title: t('dunning.worklist.customer'), render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
              <Space size={4}>
                {r.onHold && <Tag color="red">{t('dunning.worklist.hold')}</Tag>}
                {r.brokenPromises > 0 && <Tag color="volcano">{t('dunning.worklist.broken', { n: r.brokenPromises })}</Tag>}
              </Space>
            </Space>
          ) },
          { title: t('dunning.worklist.owner'), render: (_, r) => r.owner?.name ?? '—' },
          { title: t('dunning.worklist.overdue'), align: 'right', render: (_, r) => <Money amount={r.overdue} currency={r.currency} /> },
          { title: t('dunning.worklist.unapplied'), align: 'right', render: (_, r) => <Money amount={r.unapplied} currency={r.currency} /> },
          { title: t('dunning.worklist.netOverdue'), align: 'right', render: (_, r) => <Money amount={r.netOverdue} currency={r.currency} strong /> },
          { title: t('dunning.worklist.days'), align: 'right', render: (_, r) => `${r.weightedDaysPastDue} / ${r.oldestDaysPastDue}` },
          { title: t('dunning.worklist.risk'), render: (_, r) => <Tag color={r.riskLevel === 'high' ? 'red' : r.riskLevel === 'low' ? 'green' : 'default'}>{r.riskLevel} × {r.riskWeight}</Tag> },
          { title: t('dunning.worklist.priority'), align: 'right', dataIndex: 'priority', render: (v: string) => <span data-testid="worklist-priority">{v}</span> },
          { title: t('dunning.worklist.promise'), render: (_, r) => (r.openPromise ? <span><Money amount={r.openPromise.amount} currency={r.currency} /> · {fmt.date(r.openPromise.promisedOn)}</span> : '—') },
          { title: t('dunning.worklist.lastContact'), render: (_, r) => fmt.instant(r.lastContactAt) || '—' },
          ...(canRecord ? [{ title: t('dunning.worklist.actions'), render: (_: unknown, r: WorklistItem) => (
            <Space>
              <Button size="small" onClick={() => setPromiseFor(r)} data-testid={`promise-${r.customerId}`}>{t('dunning.worklist.recordPromise')}</Button>
              <Button size="small" onClick={() => setNoteFor(r)} data-testid={`note-${r.customerId}`}>{t('dunning.worklist.recordNote')}</Button>
            </Space>
          ) }] : []),
        ]}
      />
      <PromiseModal item={promiseFor} onClose={() => setPromiseFor(null)} />
      <NoteModal item={noteFor} onClose={() => setNoteFor(null)} />
    </Flex>
  );
}

function PromiseModal({ item, onClose }: { item: WorklistItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useCreatePromiseMutation({ form, fields: ['amount', 'promisedOn', 'note'] });
  return (
    <Modal open={!!item} title={`${t('dunning.promise.title')} · ${item?.customerName ?? ''}`} onCancel={onClose} destroyOnHidden
      okButtonProps={{ loading: save.isPending, 'data-testid': 'promise-save' } as ButtonProps}
      onOk={() => form.validateFields().then((v: { amount: number | string; promisedOn: ReturnType<typeof today>; note?: string }) => save.mutate(
        { customerId: item!.customerId, amount: String(v.amount), promisedOn: toYmd(v.promisedOn)!, note: v.note ?? null },
        { onSuccess: () => { form.resetFields(); onClose(); } },
      ))}>
      <Form form={form} layout="vertical" initialValues={{ amount: item?.netOverdue, promisedOn: today().add(7, 'day') }} preserve={false}>
        <Form.Item name="amount" label={t('dunning.promise.amount')} rules={[{ required: true }]}>
          <InputNumber<string> stringMode min="0.01" precision={2} style={{ width: '100%' }} data-testid="promise-amount" />
        </Form.Item>
        <Form.Item name="promisedOn" label={t('dunning.promise.promisedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="promise-date" />
        </Form.Item>
        <Form.Item name="note" label={t('dunning.promise.note')}><Input.TextArea rows={2} data-testid="promise-note" /></Form.Item>
      </Form>
    </Modal>
  );
}

function NoteModal({ item, onClose }: { item: WorklistItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useCreateNoteMutation({ form, fields: ['channel', 'outcome', 'note'] });
  return (
    <Modal open={!!item} title={`${t('dunning.note.title')} · ${item?.customerName ?? ''}`} onCancel={onClose} destroyOnHidden
      okButtonProps={{ loading: save.isPending, 'data-testid': 'note-save' } as ButtonProps}
      onOk={() => form.validateFields().then((v: { channel: string; outcome: string; note?: string }) => save.mutate(
        { customerId: item!.customerId, channel: v.channel, outcome: v.outcome, note: v.note ?? null },
        { onSuccess: () => { form.resetFields(); onClose(); } },
      ))}>
      <Form form={form} layout="vertical" initialValues={{ channel: 'phone', outcome: 'reached' }} preserve={false}>
        <Form.Item name="channel" label={t('dunning.note.channel')}>
          <Select options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`dunning.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('dunning.note.outcome')}>
          <Select options={CONTACT_OUTCOMES.map((c) => ({ value: c, label: t(`dunning.outcomes.${c}`) }))} data-testid="note-outcome" />
        </Form.Item>
        <Form.Item name="note" label={t('dunning.note.note')}><Input.TextArea rows={3} data-testid="note-text" /></Form.Item>
      </Form>
    </Modal>
  );
}
