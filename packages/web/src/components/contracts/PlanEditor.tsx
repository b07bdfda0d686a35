// The payment plan 回款计划: templates (30/60/10, 100% on signing), N equal instalments 均分 N 期, instalments given
// as a percent or an amount, and
// a live check that the plan adds up to the amount to plan (or how much is missing / over), cut with resolvePlan
// exactly as the server cuts it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INSTALMENT_METHODS, INSTALMENT_TRIGGERS, PLAN_TEMPLATES, type PlanTemplate } from '@l2c/shared';
import { Alert, Button, DatePicker, Dropdown, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  equalInstalments, templateInstalments, validAmount, validPercent, type InstalmentValues, type PlanPreview,
} from '../../lib/contractForm';
import { useFormat } from '../../i18n/format';
import { enumOptions, milestoneLabel } from '../../lib/labels';
import { isNegative, isZero } from '../../lib/money';
import { Money } from '../cash/Money';
import { MoneyInput } from '../cash/MoneyInput';
import { UserSelect } from '../UserSelect';

/** What the "split equally" menu offers: 2–12 instalments, and two or three years monthly. */
const EQUAL_COUNTS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36];

interface Props {
  preview: PlanPreview;
  /** What the plan must add up to (the contract total, or what is left after triggered instalments). */
  base: string;
  currency: string;
  defaultOwnerId: string | null;
  name?: string;
  /** The number of the first instalment shown (an amendment's plan continues after the triggered ones). */
  firstSeq?: number;
}

export function PlanEditor({ preview, base, currency, defaultOwnerId, name = 'instalments', firstSeq = 1 }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const items = (Form.useWatch(name, form) ?? []) as InstalmentValues[];
  const fmt = useFormat();
  const p = (k: string) => t(`contract.plan.${k}`);
  const p2 = (k: string, amount: string) => t(`contract.plan.${k}`, { amount });
  const applyTemplate = (tpl: PlanTemplate) => form.setFieldValue(name, templateInstalments(tpl, defaultOwnerId, (m) => milestoneLabel(t, m)));
  const blank: InstalmentValues = { trigger: 'date', by: 'percent', percent: '', dueDaysAfterTrigger: 0, method: 'bank_transfer', ownerId: defaultOwnerId, dueDate: null };
  const splitEqually = (n: number) => form.setFieldValue(name, equalInstalments(items, n, blank));

  const gapAlert = isZero(base) && !preview.percentOver
    ? <Alert type="info" showIcon title={p('noTotal')} data-testid="plan-gap" data-gap="0" />
    : preview.percentOver
    ? <Alert type="error" showIcon title={p('percentOver')} data-testid="plan-gap" data-gap="over" />
    : isZero(preview.gap)
      ? <Alert type="success" showIcon title={p('balanced')} data-testid="plan-gap" data-gap="0" />
      : (
        <Alert
          type={isNegative(preview.gap) ? 'error' : 'warning'}
          showIcon
          data-testid="plan-gap"
          data-gap={preview.gap}
          title={isNegative(preview.gap)
            ? p2('over', fmt.money(preview.gap.replace(/^-/, ''), currency))
            : p2('missing', fmt.money(preview.gap, currency))}
        />
      );

  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          <Flex gap={8} wrap>
            <Dropdown
              trigger={['click']}
              menu={{
                items: PLAN_TEMPLATES.map((k) => ({ key: k, label: <span data-testid={`plan-template-${k}`}>{p(`templates.${k}`)}</span> })),
                onClick: ({ key }) => applyTemplate(key as PlanTemplate),
              }}
            >
              <Button data-testid="plan-template">{p('template')}</Button>
            </Dropdown>
            <Dropdown
              trigger={['click']}
              menu={{
                items: EQUAL_COUNTS.map((n) => ({ key: String(n), label: <span data-testid={`plan-equal-${n}`}>{t('contract.plan.equalN', { n })}</span> })),
                onClick: ({ key }) => splitEqually(Number(key)),
              }}
            >
              <Button data-testid="plan-equal" title={p('equalHint')}>{p('equal')}</Button>
            </Dropdown>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...blank })} data-testid="plan-add">{p('add')}</Button>
          </Flex>
          <Table
            size="small"
            rowKey="key"
            dataSource={fields}
            pagination={false}
            scroll={{ x: 1240 }}
            locale={{ emptyText: p('empty') }}
            data-testid="plan-table"
            onRow={() => ({ 'data-testid': 'plan-row' }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: p('seq'), width: 44, render: (_v, _f, i) => i + firstSeq },
              {
                title: p('trigger'), width: 140,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'trigger']} style={{ margin: 0 }}>
                    <Select options={enumOptions(t, 'trigger', INSTALMENT_TRIGGERS)} popupMatchSelectWidth={false} />
                  </Form.Item>
                ),
              },
              {
                title: p('by'), width: 110,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'by']} style={{ margin: 0 }} initialValue="percent">
                    <Select options={[{ value: 'percent', label: p('byPercent') }, { value: 'amount', label: p('byAmount') }]} popupMatchSelectWidth={false} />
                  </Form.Item>
                ),
              },
              {
                title: `${p('percent')} / ${p('amount')}`, width: 140,
                render: (_v, f) => ((items[f.name]?.by ?? 'percent') === 'percent' ? (
                  <Form.Item name={[f.name, 'percent']} style={{ margin: 0 }} rules={[{ validator: async (_r, v?: string) => { if (!validPercent(v)) throw new Error(p('percentInvalid')); } }]}>
                    <Input inputMode="decimal" suffix="%" style={{ textAlign: 'right' }} data-testid="plan-percent" />
                  </Form.Item>
                ) : (
                  <Form.Item name={[f.name, 'amount']} style={{ margin: 0 }} rules={[{ validator: async (_r, v?: string) => { if (!validAmount(v)) throw new Error(p('amountInvalid')); } }]}>
                    <MoneyInput data-testid="plan-amount" />
                  </Form.Item>
                )),
              },
              {
                title: `${p('dueDate')} / ${p('expectedDate')}`, width: 150,
                render: (_v, f) => (
                  <Form.Item
                    name={[f.name, 'dueDate']}
                    style={{ margin: 0 }}
                    rules={[{ validator: async (_r, v) => { if (items[f.name]?.trigger === 'date' && !v) throw new Error(p('dueDateRequired')); } }]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: p('dueDays'), width: 100,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'dueDaysAfterTrigger']} style={{ margin: 0 }} tooltip={p('dueDaysHint')}>
                    <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="plan-due-days" />
                  </Form.Item>
                ),
              },
              {
                title: p('method'), width: 120,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'method']} style={{ margin: 0 }}>
                    <Select allowClear options={enumOptions(t, 'method', INSTALMENT_METHODS)} popupMatchSelectWidth={false} />
                  </Form.Item>
                ),
              },
              {
                title: p('owner'), width: 130,
                render: (_v, f) => <Form.Item name={[f.name, 'ownerId']} style={{ margin: 0 }}><UserSelect style={{ width: '100%' }} placeholder={p('owner')} /></Form.Item>,
              },
              {
                title: p('milestone'), width: 110,
                render: (_v, f) => <Form.Item name={[f.name, 'milestone']} style={{ margin: 0 }}><Input maxLength={120} /></Form.Item>,
              },
              { title: p('resolved'), width: 130, align: 'right', render: (_v, f) => <Money amount={preview.amounts[f.name]} currency={currency} strong data-testid="plan-resolved" /> },
              {
                title: '', width: 44, fixed: 'right',
                render: (_v, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />,
              },
            ]}
          />
          <Flex gap={16} wrap align="center">
            <Typography.Text>{p('planTotal')}: <Money amount={preview.total} currency={currency} strong data-testid="plan-total" /></Typography.Text>
            <Typography.Text>{p('toPlan')}: <Money amount={base} currency={currency} strong data-testid="plan-base" /></Typography.Text>
          </Flex>
          {gapAlert}
        </Flex>
      )}
    </Form.List>
  );
}
