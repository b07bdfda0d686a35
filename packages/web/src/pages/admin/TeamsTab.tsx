// The team tree: managers, and moving a team under another by dragging it (a cycle is refused by the server).
import { Alert, Button, Flex, Form, Input, Modal, Select, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoveTeamMutation, useSaveTeamMutation, useTeams, type Team } from '../../api/admin';
import { UserSelect } from '../../components/UserSelect';
import { useUserSearch } from '../../api/identity';

function toTree(teams: Team[], names: Map<string, string>, parentId: string | null): TreeDataNode[] {
  return teams.filter((x) => x.parentId === parentId).map((x) => ({
    key: x.id,
    title: <span data-testid={`team-${x.name}`}>{x.name}{x.managerId ? <Typography.Text type="secondary"> · {names.get(x.managerId) ?? '…'}</Typography.Text> : null}</span>,
    children: toTree(teams, names, x.id),
  }));
}

export function TeamsTab() {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUserSearch('');
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data]);
  const [editing, setEditing] = useState<Partial<Team> | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; parentId: string; managerId?: string }>();
  const save = useSaveTeamMutation({ form, fields: ['name', 'parentId', 'managerId'], onSummary: setSummary });
  const move = useMoveTeamMutation();
  const items = teams.data?.items ?? [];
  const open = (team: Partial<Team>) => {
    setSummary(null);
    setEditing(team);
    form.setFieldsValue({ name: team.name ?? '', parentId: team.parentId ?? '', managerId: team.managerId ?? undefined });
  };
  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = String(info.dragNode.key);
    // dropped onto a node: inside it; between nodes: beside it (the same parent as the node it lands next to)
    const target = items.find((x) => x.id === String(info.node.key));
    const parentId = info.dropToGap ? (target?.parentId ?? null) : String(info.node.key);
    if (parentId !== dragged) move.mutate({ id: dragged, parentId });
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Button type="primary" onClick={() => open({})}>{t('admin.teams.add')}</Button>
        <Typography.Text type="secondary">{t('admin.teams.move')}</Typography.Text>
      </Flex>
      <Tree
        draggable blockNode defaultExpandAll key={items.length} treeData={toTree(items, names, null)} onDrop={onDrop}
        onSelect={(keys) => { const x = items.find((i) => i.id === String(keys[0])); if (x) open(x); }}
      />
      <Modal open={!!editing} title={editing?.id ? t('admin.teams.edit') : t('admin.teams.add')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        {summary && <Alert type="error" showIcon title={summary} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ id: editing?.id, name: v.name, parentId: v.parentId || null, managerId: v.managerId ?? null }, { onSuccess: () => setEditing(null) })}>
          <Form.Item name="name" label={t('admin.teams.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="parentId" label={t('admin.teams.parent')}>
            <Select options={[{ value: '', label: t('admin.teams.none') }, ...items.filter((x) => x.id !== editing?.id).map((x) => ({ value: x.id, label: x.name }))]} />
          </Form.Item>
          <Form.Item name="managerId" label={t('admin.teams.manager')}><UserSelect placeholder={t('admin.teams.noManager')} activeOnly /></Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
