// 查重合并: the duplicate rules per object (admin edits them; the built-in rule shows where an object has none) and the
// merge history in the caller's scope, each merge undoable from here.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteDuplicateRule, useDuplicateRules, useMerges, useUndoMerge, type DuplicateRule, type MergeJob } from '../../api/dedup';
import { useAuth } from '../../auth/useAuth';
import { useAppApi } from '../../lib/appApi';
import { useFormat } from '../../i18n/format';
import { RuleModal } from './RuleModal';

const LINK: Record<string, string> = { customer: '/customers/', contact: '', lead: '/leads/' };

function RulesTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const rules = useDuplicateRules();
  const remove = useDeleteDuplicateRule();
  const [editing, setEditing] = useState<DuplicateRule | null>(null);
  const [open, setOpen] = useState(false);
  const admin = can('dedup', 'create');
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('dedup.rule.help')} />
      {admin && <div><Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }} data-testid="dedup-rule-add">{t('dedup.rule.add')}</Button></div>}
      <Table<DuplicateRule>
        rowKey={(r) => r.id ?? `built-in-${r.object}`} loading={rules.isPending} dataSource={rules.data?.items ?? []} pagination={false} data-testid="dedup-rules"
        columns={[
          { title: t('dedup.rule.object'), dataIndex: 'object', render: (o: string) => t(`dedup.objects.${o}`) },
          { title: t('dedup.rule.name'), dataIndex: 'name', render: (n: string, r) => (r.builtIn ? <Tag>{t('dedup.rule.builtIn')}</Tag> : n) },
          { title: t('dedup.rule.fields'), dataIndex: 'fields', render: (f: string[]) => f.map((x) => <Tag key={x}>{t(`dedup.fields.${x}`)}</Tag>) },
          { title: t('dedup.rule.blocking'), dataIndex: 'blocking', render: (b: string) => t(`dedup.rule.blockings.${b}`) },
          { title: t('dedup.rule.threshold'), dataIndex: 'threshold', render: (v: number) => v.toFixed(2) },
          { title: t('dedup.rule.action'), dataIndex: 'action', render: (a: string) => <Tag color={a === 'block' ? 'red' : 'orange'}>{t(`dedup.rule.actions.${a}`)}</Tag> },
          { title: t('dedup.rule.active'), dataIndex: 'active', render: (a: boolean) => (a ? '✓' : '—') },
          ...(admin ? [{
            key: 'actions', render: (_: unknown, r: DuplicateRule) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => { setEditing(r); setOpen(true); }}>{r.builtIn ? t('dedup.rule.add') : t('common.edit')}</Button>
                {!r.builtIn && (
                  <Popconfirm title={t('dedup.rule.deleteConfirm')} onConfirm={() => remove.mutate(r.id!, { onSuccess: () => void message.success(t('dedup.rule.deleted')) })}>
                    <Button size="small" danger>{t('common.delete')}</Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          }] : []),
        ]}
      />
      <RuleModal rule={editing} open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}

export function MergeHistory() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const merges = useMerges();
  const undo = useUndoMerge();
  const fmt = useFormat();
  return (
    <Table<MergeJob>
      rowKey="id" loading={merges.isPending} dataSource={merges.data?.items ?? []} pagination={{ pageSize: 20 }} data-testid="merge-history"
      locale={{ emptyText: t('dedup.merge.empty') }}
      columns={[
        { title: t('dedup.merge.object'), dataIndex: 'object', render: (o: string) => t(`dedup.objects.${o}`) },
        { title: t('dedup.merge.master'), key: 'master', render: (_, m) => (LINK[m.object] ? <Link to={`${LINK[m.object]}${m.masterId}`}>{m.masterLabel}</Link> : m.masterLabel) },
        { title: t('dedup.merge.duplicate'), dataIndex: 'duplicateLabel' },
        { title: t('dedup.merge.moves'), key: 'moves', render: (_, m) => m.moves.map((x) => <Tag key={x.table}>{x.table} × {x.count}</Tag>) },
        { title: t('dedup.merge.mergedAt'), dataIndex: 'mergedAt', render: (v: string) => fmt.instant(v) },
        { title: t('dedup.merge.mergedBy'), key: 'by', render: (_, m) => m.mergedBy?.name ?? '—' },
        { title: '', key: 'status', render: (_, m) => (m.status === 'undone' ? <Tag>{t('dedup.merge.status.undone')}</Tag> : can('dedup', 'update') && (
          <Popconfirm title={t('dedup.merge.undoConfirm')} onConfirm={() => undo.mutate(m.id, { onSuccess: () => void message.success(t('dedup.merge.undone')) })}>
            <Button size="small" data-testid={`merge-undo-${m.id}`}>{t('dedup.merge.undo')}</Button>
          </Popconfirm>
        )) },
      ]}
    />
  );
}

export default function DedupPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={4}>{t('dedup.title')}</Typography.Title>
      <Tabs items={[
        { key: 'rules', label: t('dedup.tabs.rules'), children: <RulesTab /> },
        { key: 'merges', label: t('dedup.tabs.merges'), children: <MergeHistory /> },
      ]} />
    </Card>
  );
}
