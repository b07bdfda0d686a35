// A key account 大客户: the group it belongs to (topmost parent and every subsidiary, the ones outside the viewer's
// scope by name only) and its decision map — the graph, and the table where each contact's role, influence and
// attitude are set and relations added or removed.
import { ATTITUDES, BUYING_ROLES, RELATION_KINDS } from '@l2c/shared';
import { Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccountTree, useDecisionMap, useRelateContacts, useSetDecisionRole, useUnrelateContacts, type AccountTree, type DecisionMap, type RoleFields } from '../../api/visits';
import { useAuth } from '../../auth/useAuth';

const DecisionGraph = lazy(() => import('./DecisionGraph'));
type TreeData = { key: string; title: React.ReactNode; children: TreeData[] };

function toTree(tree: AccountTree, hidden: string, focus: string): TreeData[] {
  const byParent = new Map<string | null, AccountTree['nodes']>();
  for (const n of tree.nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const build = (parent: string | null): TreeData[] => (byParent.get(parent) ?? []).map((n) => ({
    key: n.id,
    title: n.visible
      ? <span><Link to={`/key-accounts/${n.id}`}>{n.name}</Link>{n.grade && <Tag style={{ marginLeft: 4 }}>{n.grade}</Tag>}{n.owner && <Typography.Text type="secondary"> {n.owner.name}</Typography.Text>}{n.id === tree.focusId && <Tag color="blue" style={{ marginLeft: 4 }}>{focus}</Tag>}</span>
      : <Typography.Text type="secondary">{n.name} {hidden}</Typography.Text>,
    children: build(n.id),
  }));
  return build(null);
}

export default function KeyAccountPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const tree = useAccountTree(id);
  const map = useDecisionMap(id);
  const treeData = useMemo(() => (tree.data ? toTree(tree.data, t('ka.hidden'), t('ka.focus')) : []), [tree.data, t]);
  const [editing, setEditing] = useState<DecisionMap['nodes'][number] | null>(null);
  const [relating, setRelating] = useState(false);
  const unrelate = useUnrelateContacts();
  const writable = can('contacts', 'update');
  const nameOf = (cid: string) => map.data?.nodes.find((n) => n.contactId === cid)?.name ?? '';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('ka.title', { name: map.data?.customer.name ?? '' })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card title={t('ka.tree')} size="small" loading={tree.isLoading} data-testid="ka-tree">
            {treeData.length > 0 && <Tree treeData={treeData} defaultExpandAll selectable={false} />}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('ka.map')} size="small" extra={writable && <Button size="small" onClick={() => setRelating(true)} data-testid="ka-relate">{t('ka.relate')}</Button>}>
            {map.data && map.data.nodes.length === 0 && <Empty />}
            {map.data && map.data.nodes.length > 0 && <Suspense fallback={<Spin />}><DecisionGraph map={map.data} /></Suspense>}
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Table rowKey="contactId" size="small" pagination={false} dataSource={map.data?.nodes ?? []} data-testid="ka-contacts" columns={[
          { title: t('visit.contact'), render: (_: unknown, n: DecisionMap['nodes'][number]) => <span>{n.name} <Typography.Text type="secondary">{n.title}</Typography.Text></span> },
          { title: t('ka.role'), render: (_: unknown, n: DecisionMap['nodes'][number]) => (n.role ? t(`ka.roles.${n.role}`) : <Typography.Text type="secondary">{t('ka.unmapped')}</Typography.Text>) },
          { title: t('ka.influence'), dataIndex: 'influence' },
          { title: t('ka.attitude'), render: (_: unknown, n: DecisionMap['nodes'][number]) => (n.attitude ? t(`ka.attitudes.${n.attitude}`) : '—') },
          { title: t('ka.note'), dataIndex: 'note' },
          { title: '', render: (_: unknown, n: DecisionMap['nodes'][number]) => writable && <Button size="small" onClick={() => setEditing(n)} data-testid={`ka-set-role-${n.name}`}>{t('ka.setRole')}</Button> },
        ]} />
        {(map.data?.edges ?? []).map((e) => (
          <Tag key={e.id} closable={writable} onClose={() => unrelate.mutate(e.id)} style={{ marginTop: 8 }}>
            {nameOf(e.from)} {t(`ka.relations.${e.kind}`)} {nameOf(e.to)}
          </Tag>
        ))}
      </Card>
      {editing && <RoleModal node={editing} onClose={() => setEditing(null)} />}
      {relating && map.data && <RelationModal map={map.data} onClose={() => setRelating(false)} />}
    </Space>
  );
}

function RoleModal({ node, onClose }: { node: DecisionMap['nodes'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleFields>();
  const save = useSetDecisionRole({ form, fields: ['role', 'influence', 'attitude', 'note'] });
  return (
    <Modal open title={`${t('ka.setRole')} · ${node.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ role: node.role ?? undefined, influence: node.influence ?? 3, attitude: node.attitude ?? 'neutral', note: node.note }}
        onFinish={(v) => save.mutate({ contactId: node.contactId, ...v, note: v.note || null }, { onSuccess: onClose })}>
        <Form.Item name="role" label={t('ka.role')} rules={[{ required: true }]}><Select data-testid="ka-role" options={BUYING_ROLES.map((r) => ({ value: r, label: t(`ka.roles.${r}`) }))} /></Form.Item>
        <Form.Item name="influence" label={t('ka.influence')}><Select options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} /></Form.Item>
        <Form.Item name="attitude" label={t('ka.attitude')}><Select data-testid="ka-attitude" options={ATTITUDES.map((a) => ({ value: a, label: t(`ka.attitudes.${a}`) }))} /></Form.Item>
        <Form.Item name="note" label={t('ka.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

function RelationModal({ map, onClose }: { map: DecisionMap; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ fromContactId: string; toContactId: string; kind: (typeof RELATION_KINDS)[number] }>();
  const relate = useRelateContacts({ form, fields: ['fromContactId', 'toContactId', 'kind'] });
  const contacts = map.nodes.map((n) => ({ value: n.contactId, label: n.name }));
  return (
    <Modal open title={t('ka.relate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={relate.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'reports_to' }} onFinish={(v) => relate.mutate(v, { onSuccess: onClose })}>
        <Form.Item name="fromContactId" label={t('ka.from')} rules={[{ required: true }]}><Select options={contacts} /></Form.Item>
        <Form.Item name="kind" label={t('ka.kind')}><Select options={RELATION_KINDS.map((k) => ({ value: k, label: t(`ka.relations.${k}`) }))} /></Form.Item>
        <Form.Item name="toContactId" label={t('ka.to')} rules={[{ required: true }]}><Select options={contacts} /></Form.Item>
      </Form>
    </Modal>
  );
}
