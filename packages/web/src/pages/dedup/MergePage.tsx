// 合并: two records side by side — pick the master (swap), choose per field whose value stays, preview what moves (a dry
// run), merge; then the result with its undo. Route /merge/:object/:masterId/:duplicateId.
import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Radio, Result, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useMerge, useMergePreview, useUndoMerge, type DuplicateObject, type MergeChoices, type MergeJob } from '../../api/dedup';
import { errorText } from '../../lib/errors';
import { useAppApi } from '../../lib/appApi';

const BACK: Record<DuplicateObject, (id: string) => string> = { customer: (id) => `/customers/${id}`, contact: () => '/customers', lead: (id) => `/leads/${id}` };

function show(v: unknown): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

export default function MergePage() {
  const { t } = useTranslation();
  const { message } = useAppApi();
  const navigate = useNavigate();
  const { object, masterId, duplicateId } = useParams() as { object: DuplicateObject; masterId: string; duplicateId: string };
  const [choices, setChoices] = useState<MergeChoices>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<MergeJob | null>(null);
  const preview = useMergePreview({ onError: (err) => { setRefusal(errorText(t, err) + (isApiError(err) && err.code === 'dedup.money_facts' ? ` — ${t('dedup.merge.moneyRefused')}` : '')); return true; } });
  const merge = useMerge();
  const undo = useUndoMerge();
  const vars = { object, masterId, duplicateId, fields: choices };
  useEffect(() => {
    setRefusal(null);
    preview.mutate(vars);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rerun the dry run when the pair or a choice changes
  }, [object, masterId, duplicateId, JSON.stringify(choices)]);

  if (done) {
    return (
      <Result status="success" title={t('dedup.merge.done')} subTitle={`${done.duplicateLabel} → ${done.masterLabel}`} data-testid="merge-done"
        extra={[
          <Button key="open" type="primary" onClick={() => void navigate(BACK[object](masterId))}>{done.masterLabel}</Button>,
          done.status === 'merged' && (
            <Popconfirm key="undo" title={t('dedup.merge.undoConfirm')} onConfirm={() => undo.mutate(done.id, { onSuccess: (j) => { setDone(j); void message.success(t('dedup.merge.undone')); } })}>
              <Button data-testid="merge-undo">{t('dedup.merge.undo')}</Button>
            </Popconfirm>
          ),
          done.status === 'undone' && <Tag key="undone">{t('dedup.merge.status.undone')}</Tag>,
        ]}
      />
    );
  }

  const p = preview.data;
  const rows = p ? Object.keys(p.master.values).map((field) => ({ field, master: p.master.values[field], duplicate: p.duplicate.values[field], result: p.result[field] })) : [];
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('dedup.merge.title')} · {t(`dedup.objects.${object}`)}</Typography.Title>
          <Button icon={<SwapOutlined />} onClick={() => void navigate(`/merge/${object}/${duplicateId}/${masterId}`, { replace: true })} data-testid="merge-swap">{t('dedup.merge.swap')}</Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('dedup.merge.pickMaster')}</Typography.Paragraph>
        {p && (
          <Flex gap={16} wrap>
            <Tag color="blue">{t('dedup.merge.master')}: {p.master.label}</Tag>
            <Tag>{t('dedup.merge.duplicate')}: {p.duplicate.label}</Tag>
          </Flex>
        )}
      </Card>
      {refusal && <Alert type="error" showIcon message={refusal} data-testid="merge-refused" />}
      {p && (
        <Card title={t('dedup.merge.field')}>
          <Table
            rowKey="field" pagination={false} dataSource={rows} size="small" data-testid="merge-fields"
            columns={[
              { title: t('dedup.merge.field'), dataIndex: 'field' },
              { title: t('dedup.merge.master'), dataIndex: 'master', render: show },
              { title: t('dedup.merge.duplicate'), dataIndex: 'duplicate', render: show },
              {
                title: '', key: 'choice', render: (_, r) => (
                  <Radio.Group size="small" value={choices[r.field] ?? (r.master === null || r.master === '' ? 'duplicate' : 'master')}
                    onChange={(e) => setChoices((c) => ({ ...c, [r.field]: e.target.value as 'master' | 'duplicate' }))} data-testid={`merge-choice-${r.field}`}>
                    <Radio.Button value="master">{t('dedup.merge.keepMaster')}</Radio.Button>
                    <Radio.Button value="duplicate">{t('dedup.merge.keepDuplicate')}</Radio.Button>
                  </Radio.Group>
                ),
              },
              { title: t('dedup.merge.result'), dataIndex: 'result', render: (v: unknown) => <Typography.Text strong>{show(v)}</Typography.Text> },
            ]}
          />
        </Card>
      )}
      {p && (
        <Card title={t('dedup.merge.moves')}>
          {p.moves.length === 0 ? <Typography.Text type="secondary">{t('dedup.merge.noMoves')}</Typography.Text> : (
            <Table rowKey="table" pagination={false} size="small" dataSource={p.moves} data-testid="merge-moves"
              columns={[{ title: t('dedup.merge.table'), dataIndex: 'table' }, { title: t('dedup.merge.owner'), dataIndex: 'owner' }, { title: t('dedup.merge.count'), dataIndex: 'count' }]} />
          )}
          <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
            <Link to={BACK[object](masterId)}><Button>{t('common.cancel')}</Button></Link>
            <Button type="primary" danger loading={merge.isPending} disabled={!!refusal} data-testid="merge-execute"
              onClick={() => merge.mutate(vars, { onSuccess: (j) => { setDone(j); void message.success(t('dedup.merge.done')); } })}>
              {t('dedup.merge.execute')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
