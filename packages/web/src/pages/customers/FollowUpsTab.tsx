// Follow-ups of a customer: a quick form and the history as a timeline.
import { FOLLOWUP_KINDS } from '@l2c/shared';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, Row, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../api/contacts';
import { useCreateFollowUpMutation, useFollowUps } from '../../api/follow-ups';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel, enumOptions } from '../../lib/labels';

interface Values { kind: string; content: string; contactId?: string; nextStep?: string; nextDate?: Dayjs | null }
const FIELDS = ['kind', 'content', 'contactId', 'nextStep', 'nextDate'] as const;
const KIND_COLORS: Record<string, string> = { call: 'blue', visit: 'green', email: 'purple', wechat: 'cyan', meeting: 'orange' };

export function FollowUpsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const list = useFollowUps(customerId);
  const people = useContacts(customerId);
  const create = useCreateFollowUpMutation(customerId, { form, fields: FIELDS });

  const submit = (v: Values) => create.mutate({
    kind: v.kind, content: v.content.trim(), contactId: v.contactId ?? null,
    nextStep: v.nextStep?.trim() || null, nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : null,
  }, {
    onSuccess: () => {
      form.resetFields();
      void message.success(t('followup.created'));
    },
  });

  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={16}>
      {can('followups', 'create') && (
        <Card size="small" title={t('followup.add')}>
          <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'call' }} onFinish={submit}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="kind" label={t('followup.kind')} rules={[{ required: true }]}>
                  <Select options={enumOptions(t, 'followUpKind', FOLLOWUP_KINDS)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactId" label={t('followup.contact')}>
                  <Select allowClear placeholder={t('common.selectPlaceholder')}
                    options={(people.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="nextDate" label={t('followup.nextDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="content" label={t('followup.content')}
                  rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('followup.content') }) }, { max: 4000 }]}>
                  <Input.TextArea rows={3} maxLength={4000} placeholder={t('followup.contentPlaceholder')} data-testid="followup-content" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="nextStep" label={t('followup.nextStep')} rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="followup-submit">{t('common.submit')}</Button>
          </Form>
        </Card>
      )}
      {list.isPending && <Skeleton active />}
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      {list.isSuccess && items.length === 0 && <Empty description={t('followup.empty')} />}
      {items.length > 0 && (
        <Timeline
          items={items.map((f) => ({
            key: f.id,
            color: KIND_COLORS[f.kind] ?? 'gray',
            content: (
              <div data-testid="followup-entry">
                <Flex gap={8} wrap align="center">
                  <Typography.Text type="secondary">{fmt.instant(f.occurredAt)}</Typography.Text>
                  <Tag color={KIND_COLORS[f.kind]}>{enumLabel(t, 'followUpKind', f.kind)}</Tag>
                  {f.contactName && <Typography.Text>{f.contactName}</Typography.Text>}
                  <Typography.Text type="secondary">{t('followup.by', { name: f.author?.name ?? t('audit.system') })}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{f.content}</Typography.Paragraph>
                {(f.nextStep || f.nextDate) && (
                  <Typography.Text type="secondary">
                    {t('followup.next', { step: f.nextStep ?? '' })}
                    {f.nextDate && t('followup.nextOn', { date: fmt.date(f.nextDate) })}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
