// 线索评分规则: weights, half-life and grade cut-offs, event points, attribute fit rules, the customers' RFM grading —
// saved as one page (every open lead rescored) — and the conversion model: train now, its AUC, what it learned.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_FIT_FIELDS, type ScoringConfigInput } from '@l2c/shared';
import { useSaveScoringConfig, useScoreModel, useScoringConfig, useTrainModel } from '../../api/scoring';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { useAppApi } from '../../lib/appApi';

const NUMBERS = ['halfLifeDays', 'weightBehaviour', 'weightFit', 'weightModel', 'gradeA', 'gradeB', 'gradeC', 'rfmWindowDays', 'rfmGradeA', 'rfmGradeB', 'rfmGradeC'] as const;

function ModelCard() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const fmt = useFormat();
  const model = useScoreModel();
  const train = useTrainModel();
  const m = model.data;
  return (
    <Card title={t('scoring.model.title')} loading={model.isPending} data-testid="score-model"
      extra={can('scoring', 'create') && <Button type="primary" loading={train.isPending} data-testid="score-model-train"
        onClick={() => train.mutate(undefined, { onSuccess: (r) => void message.success(t('scoring.model.trained', { count: r.rescored })) })}>{t('scoring.model.train')}</Button>}>
      <Typography.Paragraph type="secondary">{t('scoring.model.help')}</Typography.Paragraph>
      {!m ? <Typography.Text type="secondary">{t('scoring.noModel')}</Typography.Text> : (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={4} items={[
            { key: 'at', label: t('scoring.model.trainedAt'), children: fmt.instant(m.trainedAt) },
            { key: 'n', label: t('scoring.model.samples'), children: m.samples },
            { key: 'p', label: t('scoring.model.positives'), children: m.positives },
            { key: 'auc', label: t('scoring.model.auc'), children: <span data-testid="score-model-auc">{m.auc === null ? '—' : m.auc.toFixed(3)}</span> },
          ]} />
          <Table size="small" rowKey={(f) => `${f.feature}:${f.value}`} dataSource={m.factors} pagination={{ pageSize: 10 }} title={() => t('scoring.model.learned')}
            columns={[
              { title: t('scoring.feature'), dataIndex: 'feature', render: (f: string) => t(`scoring.features.${f}`, { defaultValue: f }) },
              { title: t('scoring.value'), dataIndex: 'value' },
              { title: t('scoring.contribution'), dataIndex: 'logOdds', render: (v: number) => <Typography.Text type={v > 0 ? 'success' : 'danger'}>{v > 0 ? '+' : ''}{v.toFixed(3)}</Typography.Text> },
              { title: t('scoring.model.positives'), key: 'n', render: (_, f) => `${f.positives} / ${f.positives + f.negatives}` },
            ]} />
        </Flex>
      )}
    </Card>
  );
}

export default function ScoringPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const config = useScoringConfig();
  const [form] = Form.useForm<ScoringConfigInput>();
  const save = useSaveScoringConfig({ form, fields: [...NUMBERS, 'events', 'fit'], nested: true });
  const editable = can('scoring', 'create');
  useEffect(() => {
    if (config.data) form.setFieldsValue(config.data);
  }, [config.data, form]);
  return (
    <Flex vertical gap={16}>
      <Card title={t('scoring.title')} loading={config.isPending}
        extra={config.data && !config.data.custom && <Tag>{t('scoring.settings.defaults')}</Tag>}>
        <Form form={form} layout="vertical" disabled={!editable} data-testid="scoring-form"
          onFinish={(v) => save.mutate({ ...v, version: config.data?.version ?? 0 }, { onSuccess: () => void message.success(t('scoring.settings.saved')) })}>
          <Alert type="info" showIcon message={t('scoring.settings.weightsHelp')} style={{ marginBottom: 12 }} />
          <Row gutter={12}>
            {NUMBERS.map((n) => (
              <Col key={n} xs={12} md={6} lg={4}>
                <Form.Item name={n} label={t(`scoring.settings.${n}`)} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={24}>
            <Col xs={24} lg={10}>
              <Typography.Title level={5}>{t('scoring.settings.eventRules')}</Typography.Title>
              <Form.List name="events">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={8}>
                        <Form.Item name={[f.name, 'event']} rules={[{ required: true }]} style={{ flex: 1, marginBottom: 0 }}><Input placeholder={t('scoring.event')} /></Form.Item>
                        <Form.Item name={[f.name, 'points']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><InputNumber min={-100} max={100} /></Form.Item>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ event: '', points: 5 })}>{t('scoring.settings.addEvent')}</Button>
                  </Flex>
                )}
              </Form.List>
            </Col>
            <Col xs={24} lg={14}>
              <Typography.Title level={5}>{t('scoring.settings.fitRulesTitle')}</Typography.Title>
              <Form.List name="fit">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={8}>
                        <Form.Item name={[f.name, 'field']} rules={[{ required: true }]} style={{ width: 120, marginBottom: 0 }}>
                          <Select options={SCORE_FIT_FIELDS.map((x) => ({ value: x, label: t(`scoring.features.${x}`) }))} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'value']} rules={[{ required: true }]} style={{ flex: 1, marginBottom: 0 }}><Input placeholder={t('scoring.value')} /></Form.Item>
                        <Form.Item name={[f.name, 'points']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><InputNumber min={-100} max={100} /></Form.Item>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ field: 'industry', value: '', points: 10 })}>{t('scoring.settings.addFit')}</Button>
                  </Flex>
                )}
              </Form.List>
            </Col>
          </Row>
          {editable && <Flex justify="end" style={{ marginTop: 16 }}><Button type="primary" htmlType="submit" loading={save.isPending} data-testid="scoring-save">{t('common.save')}</Button></Flex>}
        </Form>
      </Card>
      <ModelCard />
    </Flex>
  );
}
