// One opportunity: its stage path (a click on a later stage moves there, or says what it still needs), summary, health
// with the reasons behind each dimension, product lines, tasks, stage history with time in stage; edit, win, lose.
import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Progress, Result, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAddTask, useCompleteTask, useMoveStage, useOpportunity, useQuoteOpportunity, type Opportunity } from '../../api/opportunities';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { LoseDialog, WinDialog } from './CloseDialogs';
import { HEALTH_COLORS, reasonLabel, requirementLabel } from './labels';
import { OpportunityEditModal } from './OpportunityEditModal';

export default function OpportunityDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const opp = useOpportunity(id);
  if (opp.isError) return <Result status="404" title={t('common.notFound', { defaultValue: '404' })} />;
  if (!opp.data) return <Card loading />;
  return <Detail opp={opp.data} />;
}

function Detail({ opp }: { opp: Opportunity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const [dialog, setDialog] = useState<'edit' | 'win' | 'lose' | null>(null);
  const [taskTitle, setTaskTitle] = useState('');
  const move = useMoveStage();
  const addTask = useAddTask(opp.id);
  const doneTask = useCompleteTask();
  const makeQuote = useQuoteOpportunity(opp.id);
  const navigate = useNavigate();
  const open = opp.status === 'open';
  const writable = open && can('opportunities', 'update');
  const path = opp.stages.filter((s) => s.kind === 'open' || s.id === opp.stage.id);
  const current = path.findIndex((s) => s.id === opp.stage.id);
  const next = path.find((s, i) => i === current + 1 && s.kind === 'open');
  const nextMissing = next ? opp.missing[next.id] ?? [] : [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" wrap gap={8}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="opp-title">{opp.name}</Typography.Title>
            <Typography.Text type="secondary">{opp.number} · <Link to={`/customers/${opp.customer.id}`}>{opp.customer.name}</Link> · {opp.owner?.name}</Typography.Text>{' '}
            <Link to={`/key-accounts/${opp.customer.id}`}><ApartmentOutlined /> {t('ka.open')}</Link>
          </div>
          <Space>
            <Tag color={open ? 'blue' : opp.status === 'won' ? 'green' : 'default'} data-testid="opp-status">{t(`opp.statuses.${opp.status}`)}</Tag>
            {opp.contractId && <Link to={`/contracts/${opp.contractId}`} data-testid="opp-contract-link">{t('opp.openContract')}</Link>}
            {writable && <Button onClick={() => setDialog('edit')} data-testid="opp-edit-open">{t('opp.edit')}</Button>}
            {open && can('quotes', 'create') && <Button loading={makeQuote.isPending} onClick={() => makeQuote.mutate(undefined, { onSuccess: (q) => void navigate(`/quotes/${q.id}`) })} data-testid="opp-quote">{t('opp.makeQuote')}</Button>}
            {writable && <Button type="primary" onClick={() => setDialog('win')} data-testid="opp-win">{t('opp.win')}</Button>}
            {writable && <Button danger onClick={() => setDialog('lose')} data-testid="opp-lose">{t('opp.lose')}</Button>}
          </Space>
        </Flex>
        <Steps size="small" style={{ marginTop: 16 }} current={current} status={opp.status === 'lost' ? 'error' : undefined} data-testid="opp-steps"
          onChange={writable ? (i) => { const s = path[i]; if (s && s.kind === 'open' && s.id !== opp.stage.id) move.mutate({ id: opp.id, version: opp.version, stageId: s.id }); } : undefined}
          items={path.map((s) => ({ title: s.name, description: `${s.probability}%` }))} />
        {open && next && (
          <Alert style={{ marginTop: 12 }} type={nextMissing.length ? 'info' : 'success'} showIcon data-testid="opp-next-missing"
            message={nextMissing.length ? t('opp.missing', { stage: next.name }) : `${next.name}: ${t('opp.missingNone')}`}
            description={nextMissing.length ? nextMissing.map((m) => requirementLabel(t, m)).join('；') : undefined} />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={opp.process.name} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('opp.amount')}><span data-testid="opp-amount-value">{fmt.money(opp.amount, opp.currency)}</span></Descriptions.Item>
              <Descriptions.Item label={t('opp.weighted')}>{fmt.money(opp.weightedAmount, opp.currency)}</Descriptions.Item>
              <Descriptions.Item label={t('opp.closeDate')}>{fmt.date(opp.closeDate)}</Descriptions.Item>
              <Descriptions.Item label={t('opp.forecastCategory')}>{t(`opp.categories.${opp.forecastCategory}`)}</Descriptions.Item>
              <Descriptions.Item label={t('opp.contact')}>{opp.contact?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opp.competitor')}>{opp.competitor ?? '—'}</Descriptions.Item>
              {opp.lostReason && <Descriptions.Item label={t('opp.lostReason')}>{t(`opp.lostReasons.${opp.lostReason}`)}</Descriptions.Item>}
              {opp.campaignId && <Descriptions.Item label={t('opp.campaign')}><Link to={`/campaigns/${opp.campaignId}`}>{t('opp.campaign')}</Link></Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" data-testid="opp-health" title={<Space>{t('opp.health.title')}<Tag color={HEALTH_COLORS[opp.health.level]}>{t(`opp.health.levels.${opp.health.level}`)} {opp.health.score}</Tag></Space>}>
            {opp.health.dimensions.map((d) => (
              <div key={d.dimension} style={{ marginBottom: 6 }}>
                <Flex gap={8} align="center">
                  <span style={{ width: 72 }}>{t(`opp.health.dimensions.${d.dimension}`)}</span>
                  <Progress percent={d.score} size="small" style={{ flex: 1, margin: 0 }} status={d.score < 40 ? 'exception' : 'normal'} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 80 }}>{d.reasons.map((r) => reasonLabel(t, r)).join(' · ')}{d.note ? ` — ${d.note}` : ''}</Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('opp.lines.title')}>
        <Table rowKey="id" size="small" pagination={false} dataSource={opp.lines} data-testid="opp-lines" columns={[
          { title: t('opp.lines.productCode'), dataIndex: 'productCode' }, { title: t('opp.lines.productName'), dataIndex: 'productName' },
          { title: t('opp.lines.quantity'), dataIndex: 'quantity', align: 'right' }, { title: t('opp.lines.unitPrice'), dataIndex: 'unitPrice', align: 'right' },
          { title: t('opp.lines.discount'), dataIndex: 'discountRate', align: 'right' },
          { title: t('opp.lines.amount'), align: 'right', render: (_: unknown, l: Opportunity['lines'][number]) => fmt.money(l.amount, opp.currency) },
        ]} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('opp.tasks.title')}>
            {opp.tasks.length === 0 && <Typography.Text type="secondary">{t('opp.tasks.none')}</Typography.Text>}
            {opp.tasks.map((task) => (
              <Flex key={task.id} justify="space-between" style={{ marginBottom: 6 }}>
                <span>{task.title}{task.key && <Tag style={{ marginLeft: 6 }}>{task.key}</Tag>}</span>
                {task.doneAt ? <Typography.Text type="secondary">{t('opp.tasks.doneAt')} {fmt.instant(task.doneAt)}</Typography.Text>
                  : writable && <Button size="small" onClick={() => doneTask.mutate(task.id)} data-testid={`opp-task-done-${task.key ?? task.id}`}>{t('opp.tasks.done')}</Button>}
              </Flex>
            ))}
            {writable && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input value={taskTitle} onChange={(e) => setTaskTitle(e.target.value)} placeholder={t('opp.tasks.titleField')} data-testid="opp-task-title" />
                <Button disabled={!taskTitle.trim()} onClick={() => {
                  // a task named like a stage requirement's label satisfies it: offer that key
                  const req = opp.stages.flatMap((s) => s.requirements).find((r) => r.kind === 'task' && r.label.includes(taskTitle.trim()));
                  addTask.mutate({ title: taskTitle.trim(), key: req?.kind === 'task' ? req.key : null }, { onSuccess: () => setTaskTitle('') });
                }} data-testid="opp-task-add">{t('opp.tasks.add')}</Button>
              </Space.Compact>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('opp.history.title')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={opp.history} data-testid="opp-history" columns={[
              { title: t('opp.history.at'), render: (_: unknown, h: Opportunity['history'][number]) => fmt.instant(h.at) },
              { title: t('opp.history.from'), render: (_: unknown, h: Opportunity['history'][number]) => h.fromStage ?? '—' },
              { title: t('opp.history.to'), render: (_: unknown, h: Opportunity['history'][number]) => h.toStage.name },
              { title: t('opp.history.hours'), dataIndex: 'hoursInStage', align: 'right' },
              { title: t('opp.history.by'), render: (_: unknown, h: Opportunity['history'][number]) => h.actor?.name ?? '—' },
            ]} />
          </Card>
        </Col>
      </Row>
      <OpportunityEditModal opp={opp} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <WinDialog opp={opp} open={dialog === 'win'} onClose={() => setDialog(null)} />
      <LoseDialog opp={opp} open={dialog === 'lose'} onClose={() => setDialog(null)} />
    </Space>
  );
}
