// Pricing 价格管理, for the pricing manager (admin, finance): price books and their entries, promotions with their
// stacking groups and budgets, the budgets' facts, surcharges / margin floors / rebate policies, and the "try a price"
// sandbox, which prices lines for a customer with the rules in the database and shows each line's trace.
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddPriceEntriesMutation, useBudget, useBudgets, useCreateBudgetMutation, useCreatePriceBookMutation, useDeletePriceEntryMutation,
  usePriceBook, usePriceBooks, usePricingSettings, usePromotions, usePutPricingSettingsMutation, useTogglePromotionMutation, useTryPriceMutation,
  type PriceRuleValue, type PricingResult,
} from '../../api/pricing';
import { useAuth } from '../../auth/useAuth';
import { CustomerSelect } from '../../components/CustomerSelect';
import { TraceTable } from '../../components/quotes/TraceTable';
import { PromotionForm } from './PromotionForm';
import { SkuPicker } from './SkuPicker';

function ruleText(t: (k: string) => string, r: PriceRuleValue): string {
  if (r.kind === 'fixed') return `${t('pricing.kinds.fixed')} ${r.unitPrice}`;
  if (r.kind === 'tiers') return `${t(`pricing.tierModes.${r.mode}`)}: ${r.tiers.map((x) => `≤${x.upTo ?? '∞'} @ ${x.unitPrice}`).join(', ')}`;
  if (r.kind === 'cost_plus') return `${t('pricing.kinds.cost_plus')} × ${r.factor}`;
  return `${t('pricing.kinds.book_relative')} × ${r.factor}`;
}

function parseRule(kind: string, price: string, tiers: string, mode: string, factor: string): PriceRuleValue {
  if (kind === 'tiers') {
    return { kind: 'tiers', mode: mode as 'range' | 'slab', tiers: tiers.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
      const [a, b] = p.split(':');
      return b === undefined ? { upTo: null, unitPrice: a!.trim() } : { upTo: a!.trim() || null, unitPrice: b.trim() };
    }) };
  }
  if (kind === 'cost_plus') return { kind: 'cost_plus', factor };
  return { kind: 'fixed', unitPrice: price };
}

function Books() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const books = usePriceBooks();
  const [open, setOpen] = useState<string | null>(null);
  const book = usePriceBook(open);
  const [creating, setCreating] = useState(false);
  const create = useCreatePriceBookMutation();
  const add = useAddPriceEntriesMutation();
  const del = useDeletePriceEntryMutation();
  const [form] = Form.useForm();
  const [entry] = Form.useForm();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Flex justify="end" style={{ marginBottom: 8 }}>{can('pricing', 'create') && <Button onClick={() => setCreating(true)} data-testid="pricing-new-book">{t('pricing.newBook')}</Button>}</Flex>
        <Table size="small" rowKey="id" pagination={false} dataSource={books.data?.items ?? []} onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pricing.code'), dataIndex: 'code' }, { title: t('pricing.name'), dataIndex: 'name' },
            { title: t('pricing.scope'), render: (_, b) => [b.customer?.name, b.grade && `${t('pricing.grade')} ${b.grade}`, b.region, b.channel].filter(Boolean).join(' · ') || t('pricing.everyone') },
            { title: t('pricing.priority'), dataIndex: 'priority', width: 70 }, { title: t('pricing.entries'), dataIndex: 'entryCount', width: 70 },
          ]} />
      </Col>
      <Col xs={24} lg={14}>
        {book.data && (
          <Card size="small" title={`${book.data.code} ${book.data.name}`}>
            {can('pricing', 'update') && (
              <Form form={entry} layout="inline" initialValues={{ kind: 'fixed', mode: 'range' }} style={{ marginBottom: 8, rowGap: 8 }}
                onFinish={async (v: { skuId: string; kind: string; price: string; tiers: string; mode: string; factor: string }) => {
                  await add.mutateAsync({ bookId: book.data!.id, entries: [{ skuId: v.skuId, rule: parseRule(v.kind, v.price, v.tiers ?? '', v.mode, v.factor) }] });
                  entry.resetFields(['price', 'tiers', 'factor']);
                }}>
                <Form.Item name="skuId" rules={[{ required: true }]}><SkuPicker /></Form.Item>
                <Form.Item name="kind"><Select style={{ width: 110 }} options={['fixed', 'tiers', 'cost_plus'].map((k) => ({ value: k, label: t(`pricing.kinds.${k}`) }))} /></Form.Item>
                <Form.Item noStyle shouldUpdate>{() => {
                  const k = entry.getFieldValue('kind');
                  if (k === 'tiers') return <><Form.Item name="mode"><Select style={{ width: 150 }} options={['range', 'slab'].map((m) => ({ value: m, label: t(`pricing.tierModes.${m}`) }))} /></Form.Item><Form.Item name="tiers"><Input placeholder="10:100, 50:90, 80" /></Form.Item></>;
                  if (k === 'cost_plus') return <Form.Item name="factor"><Input placeholder={`${t('pricing.factor')} 1.3`} style={{ width: 100 }} /></Form.Item>;
                  return <Form.Item name="price"><Input placeholder={t('pricing.unitPrice')} style={{ width: 110 }} /></Form.Item>;
                }}</Form.Item>
                <Button htmlType="submit" loading={add.isPending}>{t('pricing.addEntry')}</Button>
              </Form>
            )}
            <Table size="small" rowKey="id" pagination={{ pageSize: 20 }} dataSource={book.data.entries}
              columns={[
                { title: t('pricing.sku'), render: (_, e) => `${e.skuCode ?? ''} ${e.skuName ?? ''}` },
                { title: t('pricing.rule'), render: (_, e) => ruleText(t, e.rule) },
                { width: 40, render: (_, e) => can('pricing', 'delete') && <Button size="small" type="text" danger onClick={() => del.mutate(e.id)}>×</Button> },
              ]} />
          </Card>
        )}
      </Col>
      <Modal open={creating} title={t('pricing.newBook')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ priority: 0 }} onFinish={async (v) => { await create.mutateAsync({ ...v, active: true, grade: v.grade || null, region: v.region || null, channel: v.channel || null }); setCreating(false); form.resetFields(); }}>
          <Form.Item name="code" label={t('pricing.code')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('pricing.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="customerId" label={t('pricing.customer')}><CustomerSelect /></Form.Item>
          <Space><Form.Item name="grade" label={t('pricing.grade')}><Input style={{ width: 80 }} /></Form.Item>
            <Form.Item name="region" label={t('pricing.region')}><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="channel" label={t('pricing.channel')}><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="priority" label={t('pricing.priority')}><InputNumber /></Form.Item></Space>
        </Form>
      </Modal>
    </Row>
  );
}

function Promotions() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = usePromotions();
  const toggle = useTogglePromotionMutation();
  return (
    <Flex vertical gap={12}>
      {can('pricing', 'create') && <PromotionForm />}
      <Table size="small" rowKey="id" pagination={false} dataSource={list.data?.items ?? []}
        columns={[
          { title: t('pricing.code'), dataIndex: 'code' }, { title: t('pricing.name'), dataIndex: 'name' },
          { title: t('pricing.rule'), render: (_, p) => t(`pricing.promoKinds.${p.rule.kind}`) },
          { title: t('pricing.group'), render: (_, p) => <>{p.group} <Tag>{t(`pricing.stacking.${p.stacking}`)}</Tag></> },
          { title: t('pricing.budget'), dataIndex: 'budgetCode' },
          { title: t('pricing.active'), render: (_, p) => <Button size="small" disabled={!can('pricing', 'update')} onClick={() => toggle.mutate(p)}>{p.active ? '✓' : '—'}</Button> },
        ]} />
    </Flex>
  );
}

function Budgets() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useBudgets();
  const [open, setOpen] = useState<string | null>(null);
  const one = useBudget(open);
  const create = useCreateBudgetMutation();
  const [form] = Form.useForm();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        {can('pricing', 'create') && (
          <Form form={form} layout="inline" style={{ marginBottom: 8 }} onFinish={async (v) => { await create.mutateAsync(v); form.resetFields(); }}>
            <Form.Item name="code" rules={[{ required: true }]}><Input placeholder={t('pricing.code')} style={{ width: 100 }} /></Form.Item>
            <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('pricing.name')} style={{ width: 140 }} /></Form.Item>
            <Form.Item name="amount" rules={[{ required: true }]}><Input placeholder={t('pricing.amount')} style={{ width: 110 }} /></Form.Item>
            <Button htmlType="submit">{t('pricing.newBudget')}</Button>
          </Form>
        )}
        <Table size="small" rowKey="id" pagination={false} dataSource={list.data?.items ?? []} onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pricing.code'), dataIndex: 'code' }, { title: t('pricing.amount'), dataIndex: 'amount', align: 'right' },
            { title: t('pricing.remaining'), dataIndex: 'remaining', align: 'right' }, { title: t('pricing.reserved'), dataIndex: 'reserved', align: 'right' },
            { title: t('pricing.consumed'), dataIndex: 'consumed', align: 'right' },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        {one.data && (
          <Card size="small" title={`${t('pricing.facts')} · ${one.data.code}`}>
            <Table size="small" rowKey="id" pagination={{ pageSize: 20 }} dataSource={one.data.facts} columns={[
              { title: '', dataIndex: 'kind', render: (k: string) => t(`pricing.factKinds.${k}`) }, { title: t('pricing.amount'), dataIndex: 'amount', align: 'right' },
              { title: '', render: (_, f) => `${f.quoteNumber} v${f.versionSeq}` },
            ]} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function Settings() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const settings = usePricingSettings();
  const put = usePutPricingSettingsMutation();
  const [text, setText] = useState<string | null>(null);
  const value = text ?? (settings.data ? JSON.stringify(settings.data, null, 2) : '');
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('pricing.surcharges')} · {t('pricing.floors')} · {t('pricing.rebatePolicies')}</Typography.Text>
      <Input.TextArea rows={14} value={value} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} disabled={!can('pricing', 'update')} />
      {can('pricing', 'update') && <Button style={{ alignSelf: 'start' }} onClick={async () => { await put.mutateAsync(JSON.parse(value)); setText(null); void message.success(t('pricing.saved')); }}>{t('pricing.saveSettings')}</Button>}
    </Flex>
  );
}

function Sandbox() {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [lines, setLines] = useState<Array<{ skuId?: string; quantity: string }>>([{ quantity: '1' }]);
  const run = useTryPriceMutation();
  const [result, setResult] = useState<{ result: PricingResult; ruleCounts: { entries: number; promotions: number } } | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('pricing.tryCustomer')}</Typography.Text>
        <CustomerSelect value={customerId} onChange={setCustomerId} style={{ width: 300 }} id="sandbox-customer" />
      </Flex>
      {lines.map((l, i) => (
        <Flex key={i} gap={8}>
          <SkuPicker value={l.skuId} onChange={(v) => setLines(lines.map((x, k) => (k === i ? { ...x, skuId: v } : x)))} testId={`sandbox-sku-${i}`} />
          <InputNumber stringMode min="0.0001" value={l.quantity} onChange={(v) => setLines(lines.map((x, k) => (k === i ? { ...x, quantity: String(v ?? '1') } : x)))} data-testid={`sandbox-qty-${i}`} />
        </Flex>
      ))}
      <Space>
        <Button onClick={() => setLines([...lines, { quantity: '1' }])}>+</Button>
        <Button type="primary" disabled={!customerId || lines.every((l) => !l.skuId)} loading={run.isPending} data-testid="sandbox-run"
          onClick={async () => setResult(await run.mutateAsync({ customerId: customerId!, lines: lines.filter((l) => l.skuId).map((l) => ({ skuId: l.skuId!, quantity: l.quantity })) }))}>
          {t('pricing.tryRun')}
        </Button>
      </Space>
      {result && (
        <Card size="small" title={t('pricing.tryResult')} extra={t('pricing.ruleCounts', result.ruleCounts)} data-testid="sandbox-result">
          {result.result.conflicts.map((c) => <Alert key={c.lineId} type="error" showIcon title={c.note} />)}
          {result.result.lines.map((l) => (
            <div key={l.lineId} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{l.lineId} · {l.quantity} × {l.unitPrice} → {l.amountInclTax}</Typography.Text>
              <TraceTable line={l} />
            </div>
          ))}
          <Typography.Text strong>{result.result.totals.amountInclTax}</Typography.Text>
        </Card>
      )}
    </Flex>
  );
}

export default function PricingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const tabs = [
    ...(can('pricing', 'read') ? [
      { key: 'books', label: t('pricing.books'), children: <Books /> },
      { key: 'promotions', label: t('pricing.promotions'), children: <Promotions /> },
      { key: 'budgets', label: t('pricing.budgets'), children: <Budgets /> },
      { key: 'settings', label: t('pricing.settings'), children: <Settings /> },
    ] : []),
    { key: 'sandbox', label: <span data-testid="pricing-tab-sandbox">{t('pricing.sandbox')}</span>, children: <Sandbox /> },
  ];
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('pricing.title')}</Typography.Title>
      <Tabs items={tabs} />
    </Card>
  );
}
