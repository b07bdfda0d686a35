// A lead's score 线索评分: score and grade (the override when a person set one), behaviour after decay, fit with the
// rules that matched, the predicted conversion probability explained factor by factor (log-odds: positive pushes
// towards conversion), recent behaviour, and the grade override with its reason.
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_GRADES } from '@l2c/shared';
import { useClearOverride, useLeadScore, useOverrideGrade, useRecordBehaviour, useScoringConfig } from '../../api/scoring';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { useAppApi } from '../../lib/appApi';

const GRADE_COLOR: Record<string, string> = { A: 'gold', B: 'green', C: 'blue', D: 'default' };

export function LeadScorePanel({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const fmt = useFormat();
  const score = useLeadScore(leadId);
  const config = useScoringConfig();
  const behaviour = useRecordBehaviour(leadId);
  const [form] = Form.useForm<{ grade: string; reason: string }>();
  const override = useOverrideGrade(leadId, { form, fields: ['grade', 'reason'] });
  const clear = useClearOverride(leadId);
  const [open, setOpen] = useState(false);
  const [event, setEvent] = useState<string | undefined>();
  if (!can('scoring', 'read')) return null;
  const s = score.data;
  const update = can('scoring', 'update');
  return (
    <Card size="small" title={t('scoring.panel')} loading={score.isPending} data-testid="lead-score">
      {s && (
        <Flex vertical gap={12}>
          <Flex gap={16} align="center" wrap>
            <Progress type="circle" size={72} percent={s.score} format={(p) => <span data-testid="lead-score-value">{p}</span>} />
            <Flex vertical gap={4}>
              <Flex gap={8} align="center">
                <Tag color={GRADE_COLOR[s.grade]} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="lead-score-grade">{s.grade}</Tag>
                {s.override && <Typography.Text type="secondary">{t('scoring.computedGrade')}: {s.computedGrade}</Typography.Text>}
              </Flex>
              <Typography.Text>{t('scoring.probability')}: <b data-testid="lead-score-probability">{s.probability === null ? '—' : `${(s.probability * 100).toFixed(1)}%`}</b></Typography.Text>
            </Flex>
            <Descriptions size="small" column={2} items={[
              { key: 'b', label: t('scoring.behaviour'), children: s.behaviour.toFixed(1) },
              { key: 'f', label: t('scoring.fit'), children: s.fit },
            ]} />
          </Flex>
          {s.override && (
            <Alert type="warning" showIcon message={`${t('scoring.override.title')}: ${s.override.grade} — ${s.override.reason}`}
              description={`${t('scoring.override.by')} ${s.override.by?.name ?? '—'} · ${fmt.instant(s.override.at)}`}
              action={update && <Button size="small" onClick={() => clear.mutate(s.version, { onSuccess: () => void message.success(t('scoring.override.cleared')) })}>{t('scoring.override.clear')}</Button>} />
          )}
          {s.model ? (
            <Table size="small" pagination={false} rowKey="feature" dataSource={s.factors} data-testid="lead-score-factors"
              title={() => `${t('scoring.factors')} · ${t('scoring.prior')} ${s.prior?.toFixed(3) ?? '—'}`}
              columns={[
                { title: t('scoring.feature'), dataIndex: 'feature', render: (f: string) => t(`scoring.features.${f}`, { defaultValue: f }) },
                { title: t('scoring.value'), dataIndex: 'value', render: (v: string) => v || '—' },
                { title: t('scoring.contribution'), dataIndex: 'logOdds', render: (v: number) => <Typography.Text type={v > 0 ? 'success' : v < 0 ? 'danger' : 'secondary'}>{v > 0 ? '+' : ''}{v.toFixed(3)}</Typography.Text> },
              ]} />
          ) : <Typography.Text type="secondary">{t('scoring.noModel')}</Typography.Text>}
          {s.fitRules.length > 0 && (
            <div>{t('scoring.fitRules')}: {s.fitRules.map((r) => <Tag key={`${r.field}:${r.value}`}>{t(`scoring.features.${r.field}`)} = {r.value} ({r.points > 0 ? '+' : ''}{r.points})</Tag>)}</div>
          )}
          {s.events.length > 0 && (
            <Table size="small" pagination={{ pageSize: 5 }} rowKey={(e) => `${e.event}-${e.at}`} dataSource={s.events} title={() => t('scoring.events')}
              columns={[{ title: t('scoring.event'), dataIndex: 'event' }, { title: t('scoring.points'), dataIndex: 'points' }, { title: t('scoring.at'), dataIndex: 'at', render: (v: string) => fmt.instant(v) }]} />
          )}
          {update && (
            <Flex gap={8} wrap>
              <Select style={{ minWidth: 180 }} placeholder={t('scoring.record')} value={event} onChange={setEvent}
                options={(config.data?.events ?? []).map((e) => ({ value: e.event, label: `${e.event} (${e.points > 0 ? '+' : ''}${e.points})` }))} />
              <Button disabled={!event} loading={behaviour.isPending} onClick={() => event && behaviour.mutate(event)}>{t('scoring.record')}</Button>
              <Button onClick={() => { form.resetFields(); setOpen(true); }} data-testid="lead-score-override">{t('scoring.override.set')}</Button>
            </Flex>
          )}
        </Flex>
      )}
      <Modal open={open} title={t('scoring.override.title')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={override.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => s && override.mutate({ ...v, version: s.version }, { onSuccess: () => { setOpen(false); void message.success(t('scoring.override.saved')); } })}>
          <Form.Item name="grade" label={t('scoring.override.grade')} rules={[{ required: true }]}><Select options={SCORE_GRADES.map((g) => ({ value: g, label: g }))} /></Form.Item>
          <Form.Item name="reason" label={t('scoring.override.reason')} rules={[{ required: true, min: 2 }]}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
