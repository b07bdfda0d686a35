// The smaller dunning lists: my tasks, promises to pay, the outbox, the run history with its letters, customers whose
// unapplied cash covers their debt, and collection effectiveness per collector.
import { Alert, Button, DatePicker, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  dunning, useCompleteTaskMutation, useCoveredCustomers, useDunningMail, useDunningRuns, useDunningTasks, useEffectiveness, usePromises, useSendMailMutation,
  type DunningMail, type DunningStepRun, type DunningTask, type PromiseToPay,
} from '../../api/dunning';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { fromYmd, today, toYmd } from '../../lib/dates';
import { errorText } from '../../lib/errors';

const STATUS_COLOR: Record<string, string> = { open: 'blue', kept: 'green', broken: 'red', sent: 'green', failed: 'red', outbox: 'orange', queued: 'blue', sending: 'blue' };

export function TasksTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useDunningTasks();
  const done = useCompleteTaskMutation();
  return (
    <Table<DunningTask> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-tasks"
      columns={[
        { title: t('dunning.task.title'), dataIndex: 'title' },
        { title: t('dunning.task.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
        { title: t('dunning.task.dueOn'), render: (_, r) => fmt.date(r.dueOn) },
        { title: t('dunning.task.status'), render: (_, r) => (r.status === 'open'
          ? <Button size="small" loading={done.isPending} onClick={() => done.mutate(r.id)}>{t('dunning.task.done')}</Button>
          : <Tag color="green">{t('dunning.task.doneStatus')}</Tag>) },
      ]} />
  );
}

export function PromisesTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePromises();
  return (
    <Table<PromiseToPay> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-promises"
      columns={[
        { title: t('dunning.promise.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
        { title: t('dunning.promise.amount'), align: 'right', render: (_, r) => <Money amount={r.amount} currency={r.currency} /> },
        { title: t('dunning.promise.promisedOn'), render: (_, r) => fmt.date(r.promisedOn) },
        { title: t('dunning.promise.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`dunning.promiseStatus.${r.status}`)}</Tag> },
        { title: t('dunning.promise.paid'), align: 'right', render: (_, r) => <Money amount={r.paidAmount} currency={r.currency} /> },
        { title: t('dunning.promise.collector'), render: (_, r) => r.collector?.name ?? '—' },
        { title: t('dunning.promise.madeOn'), render: (_, r) => fmt.date(r.madeOn) },
        { title: t('dunning.promise.note'), dataIndex: 'note' },
      ]} />
  );
}

export function OutboxTab({ canSend }: { canSend: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useDunningMail();
  const send = useSendMailMutation();
  return (
    <Flex vertical gap={12}>
      {list.data && !list.data.smtpConfigured && <Alert type="info" showIcon message={t('dunning.mail.noSmtp')} data-testid="dunning-no-smtp" />}
      <Table<DunningMail> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-outbox"
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.body}</Typography.Paragraph> }}
        columns={[
          { title: t('dunning.mail.subject'), dataIndex: 'subject' },
          { title: t('dunning.mail.to'), render: (_, r) => r.toAddress ?? <Typography.Text type="warning">{t('dunning.mail.noAddress')}</Typography.Text> },
          { title: t('dunning.mail.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]} data-testid="mail-status">{t(`dunning.mailStatus.${r.status}`)}</Tag> },
          { title: t('dunning.mail.createdAt'), render: (_, r) => fmt.instant(r.createdAt) },
          { title: t('dunning.mail.sentAt'), render: (_, r) => fmt.instant(r.sentAt) || '—' },
          { title: t('dunning.mail.error'), dataIndex: 'error' },
          ...(canSend ? [{ title: '', render: (_: unknown, r: DunningMail) => (r.status !== 'sent' && list.data?.smtpConfigured
            ? <Button size="small" loading={send.isPending} onClick={() => send.mutate(r.id)}>{t('dunning.mail.send')}</Button> : null) }] : []),
        ]} />
    </Flex>
  );
}

export function HistoryTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useDunningRuns();
  return (
    <Table<DunningStepRun> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-history"
      columns={[
        { title: t('dunning.history.runOn'), render: (_, r) => fmt.date(r.runOn) },
        { title: t('dunning.history.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
        { title: t('dunning.history.receivable'), dataIndex: 'receivableNumber' },
        { title: t('dunning.history.step'), dataIndex: 'stepName' },
        { title: t('dunning.history.action'), render: (_, r) => <Tag data-testid="run-action">{t(`dunning.actions.${r.action}`)}</Tag> },
        { title: t('dunning.history.amount'), align: 'right', render: (_, r) => <Money amount={r.amountOpen} currency={r.currency} /> },
        { title: t('dunning.history.days'), align: 'right', dataIndex: 'daysPastDue' },
        { title: t('dunning.history.mail'), render: (_, r) => (r.mailStatus ? <Tag color={STATUS_COLOR[r.mailStatus]}>{t(`dunning.mailStatus.${r.mailStatus}`)}</Tag> : '—') },
        { title: '', render: (_, r) => (r.action === 'letter' ? <Button size="small" onClick={() => void dunning.letter(r.id)}>{t('dunning.history.letter')}</Button> : null) },
      ]} />
  );
}

export function CoveredTab() {
  const { t } = useTranslation();
  const list = useCoveredCustomers();
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('dunning.covered.hint')} />
      <Table rowKey="customerId" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} data-testid="dunning-covered"
        columns={[
          { title: t('dunning.worklist.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
          { title: t('dunning.worklist.owner'), render: (_, r) => r.owner?.name ?? '—' },
          { title: t('dunning.covered.overdue'), align: 'right', render: (_, r) => <Money amount={r.overdue} currency={r.currency} /> },
          { title: t('dunning.covered.unapplied'), align: 'right', render: (_, r) => <Money amount={r.unapplied} currency={r.currency} /> },
        ]} />
    </Flex>
  );
}

export function EffectivenessTab() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(toYmd(today().subtract(30, 'day'))!);
  const [to, setTo] = useState(toYmd(today())!);
  const report = useEffectiveness(from, to);
  const pct = (v: string | null) => (v === null ? '—' : `${(Number(v) * 100).toFixed(1)}%`); // display only; the figure is exact on the wire
  if (report.error) return <Alert type="error" message={errorText(t, report.error)} />;
  return (
    <Flex vertical gap={12}>
      <Space>
        <span>{t('dunning.effectiveness.from')}</span><DatePicker value={fromYmd(from)} onChange={(d) => d && setFrom(toYmd(d)!)} allowClear={false} />
        <span>{t('dunning.effectiveness.to')}</span><DatePicker value={fromYmd(to)} onChange={(d) => d && setTo(toYmd(d)!)} allowClear={false} />
      </Space>
      {report.data && <Typography.Text type="secondary">{t('dunning.effectiveness.definition')}: {report.data.definition}</Typography.Text>}
      <Table rowKey={(r) => `${r.collector?.id ?? '-'}:${r.currency}`} size="small" loading={report.isLoading} dataSource={report.data?.items ?? []} pagination={false}
        data-testid="dunning-effectiveness"
        columns={[
          { title: t('dunning.effectiveness.collector'), render: (_, r) => r.collector?.name ?? '—' },
          { title: t('dunning.effectiveness.assigned'), align: 'right', render: (_, r) => <Money amount={r.assignedOverdue} currency={r.currency} /> },
          { title: t('dunning.effectiveness.collected'), align: 'right', render: (_, r) => <Money amount={r.collected} currency={r.currency} /> },
          { title: t('dunning.effectiveness.still'), align: 'right', render: (_, r) => <Money amount={r.stillOverdue} currency={r.currency} /> },
          { title: t('dunning.effectiveness.rate'), align: 'right', render: (_, r) => pct(r.effectiveness) },
          { title: t('dunning.effectiveness.promised'), align: 'right', render: (_, r) => <Money amount={r.promised} currency={r.currency} /> },
          { title: t('dunning.effectiveness.kept'), align: 'right', render: (_, r) => <Money amount={r.promisedKept} currency={r.currency} /> },
          { title: t('dunning.effectiveness.keptRate'), align: 'right', render: (_, r) => pct(r.promiseKeptRate) },
          { title: t('dunning.effectiveness.contacts'), align: 'right', dataIndex: 'contacts' },
        ]} />
    </Flex>
  );
}
