// SKUs with their price, cost and status; a product manager edits one in place (each change is audited on the
// server). Filters: text, product line, kind, bundles only.
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductLines, useSkuList, useUpdateSku, type Sku, type SkuFilters } from '../../api/catalog';
import { LoadMore } from '../LoadMore';
import { Money } from '../cash/Money';

export function SkuTable({ canManage, onEditBundle }: { canManage: boolean; onEditBundle: (sku: Sku) => void }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<SkuFilters>({});
  const list = useSkuList(filters);
  const lines = useProductLines();
  const [editing, setEditing] = useState<Sku | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('catalog.search')} style={{ width: 240 }} onSearch={(q) => setFilters({ ...filters, q: q || undefined })} data-testid="sku-search" />
        <Select allowClear placeholder={t('catalog.productLine')} style={{ width: 180 }} onChange={(v?: string) => setFilters({ ...filters, productLineId: v })}
          options={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))} />
        <Select allowClear placeholder={t('catalog.kind')} style={{ width: 140 }} onChange={(v?: string) => setFilters({ ...filters, kind: v })}
          options={(['goods', 'virtual', 'service', 'project'] as const).map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))} />
        <Select allowClear placeholder={t('catalog.isBundle')} style={{ width: 120 }} onChange={(v?: 'true' | 'false') => setFilters({ ...filters, bundles: v })}
          options={[{ value: 'true', label: t('catalog.isBundle') }]} />
      </Flex>
      <Table
        size="small" rowKey="id" dataSource={items} loading={list.isPending} pagination={false} data-testid="sku-table" scroll={{ x: 1000 }}
        columns={[
          { title: t('catalog.code'), dataIndex: 'code', width: 200, render: (v: string, s) => <>{v} {s.isBundle && <Tag color="purple">{t('catalog.isBundle')}</Tag>}</> },
          { title: t('catalog.name'), dataIndex: 'name' },
          { title: t('catalog.kind'), dataIndex: 'kind', width: 80, render: (k: Sku['kind']) => t(`catalog.kinds.${k}`) },
          { title: t('catalog.productLine'), width: 110, render: (_v, s) => s.productLine?.code ?? '—' },
          { title: t('catalog.unit'), width: 70, render: (_v, s) => s.unit.name },
          { title: t('catalog.taxRate'), dataIndex: 'taxRate', width: 70 },
          { title: t('catalog.listPrice'), width: 120, align: 'right', render: (_v, s) => <Money amount={s.listPrice} currency={s.currency} /> },
          { title: t('catalog.cost'), width: 100, align: 'right', render: (_v, s) => s.cost ?? '—' },
          { title: t('catalog.status'), width: 80, render: (_v, s) => <Tag color={s.status === 'active' ? 'green' : 'default'}>{t(`catalog.statuses.${s.status}`)}</Tag> },
          ...(canManage ? [{
            title: '', width: 150, render: (_v: unknown, s: Sku) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing(s)} data-testid={`sku-edit-${s.code}`}>{t('catalog.edit')}</Button>
                {s.isBundle && <Button size="small" onClick={() => onEditBundle(s)} data-testid={`bundle-edit-${s.code}`}>{t('catalog.bundleEdit')}</Button>}
              </Flex>
            ),
          }] : []),
        ]}
      />
      <LoadMore count={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      <SkuEditModal sku={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function SkuEditModal({ sku, onClose }: { sku: Sku | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; listPrice: string; cost: string | null; active: boolean; isBundle: boolean }>();
  const update = useUpdateSku({ form, fields: ['name', 'listPrice', 'cost'] });
  return (
    <Modal
      open={!!sku} title={sku?.code} onCancel={onClose} destroyOnHidden okButtonProps={{ loading: update.isPending, ...{ 'data-testid': 'sku-save' } }}
      onOk={() => form.validateFields().then((v) => update.mutate({
        id: sku!.id, version: sku!.version, name: v.name, listPrice: v.listPrice, cost: v.cost ? String(v.cost) : null, status: v.active ? 'active' : 'inactive', isBundle: v.isBundle,
      }, { onSuccess: onClose }))}
    >
      {sku && (
        <Form form={form} layout="vertical" initialValues={{ name: sku.name, listPrice: sku.listPrice, cost: sku.cost, active: sku.status === 'active', isBundle: sku.isBundle }}>
          <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="listPrice" label={t('catalog.listPrice')} rules={[{ required: true, pattern: /^\d{1,15}(\.\d{1,2})?$/ }]}><Input inputMode="decimal" data-testid="sku-price" /></Form.Item>
          <Form.Item name="cost" label={t('catalog.cost')}><InputNumber stringMode min="0" style={{ width: '100%' }} /></Form.Item>
          <Flex gap={24}>
            <Form.Item name="active" label={t('catalog.statuses.active')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="isBundle" label={t('catalog.isBundle')} valuePropName="checked"><Switch /></Form.Item>
          </Flex>
        </Form>
      )}
    </Modal>
  );
}
