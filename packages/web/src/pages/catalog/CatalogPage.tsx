// 产品目录 / Catalog: products (SPUs) with their variant generator, SKUs with prices, bundles with their structure and
// the configurator preview, and the settings (product lines, units, product managers, Excel). Everyone reads; only
// admins and product managers see the buttons that change things (the server checks again).
import { Button, Flex, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCatalogAccess, useSkuSearch, useSpuList, type Spu } from '../../api/catalog';
import { BundleConfigure } from '../../components/catalog/BundleConfigure';
import { BundleEditor } from '../../components/catalog/BundleEditor';
import { CatalogSettings } from '../../components/catalog/CatalogSettings';
import { SkuTable } from '../../components/catalog/SkuTable';
import { SpuDrawer } from '../../components/catalog/SpuDrawer';
import { LoadMore } from '../../components/LoadMore';

export default function CatalogPage() {
  const { t } = useTranslation();
  const access = useCatalogAccess();
  const canManage = access.data?.canManage ?? false;
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'products';
  const bundleId = params.get('bundle');
  const go = (next: Record<string, string>) => setParams(next);
  return (
    <div data-testid="catalog-page">
      <Typography.Title level={3}>{t('catalog.title')}</Typography.Title>
      <Tabs
        activeKey={tab} onChange={(k) => go({ tab: k })}
        items={[
          { key: 'products', label: t('catalog.products'), children: <SpuList canManage={canManage} /> },
          { key: 'skus', label: t('catalog.skus'), children: <SkuTable canManage={canManage} onEditBundle={(s) => go({ tab: 'bundles', bundle: s.id })} /> },
          { key: 'bundles', label: t('catalog.bundles'), children: <Bundles bundleId={bundleId} canManage={canManage} onPick={(id) => go({ tab: 'bundles', bundle: id })} /> },
          { key: 'settings', label: t('catalog.settings'), children: <CatalogSettings canManage={canManage} /> },
        ]}
      />
    </div>
  );
}

function SpuList({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const list = useSpuList({ q });
  const [open, setOpen] = useState<{ spu: Spu | null } | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('catalog.search')} style={{ width: 260 }} onSearch={(v) => setQ(v || undefined)} />
        {canManage && <Button type="primary" onClick={() => setOpen({ spu: null })} data-testid="spu-new">{t('catalog.newProduct')}</Button>}
      </Flex>
      <Table
        size="small" rowKey="id" dataSource={items} loading={list.isPending} pagination={false} data-testid="spu-table"
        onRow={(s) => ({ onClick: () => setOpen({ spu: s }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('catalog.code'), dataIndex: 'code' },
          { title: t('catalog.name'), dataIndex: 'name' },
          { title: t('catalog.kind'), dataIndex: 'kind', render: (k: Spu['kind']) => t(`catalog.kinds.${k}`) },
          { title: t('catalog.productLine'), render: (_v, s) => s.productLine ? `${s.productLine.code} ${s.productLine.name}` : '—' },
          { title: t('catalog.baseUnit'), render: (_v, s) => s.baseUnit.name },
          { title: t('catalog.taxRate'), dataIndex: 'taxRate' },
          { title: t('catalog.taxCode'), dataIndex: 'taxCode' },
          { title: t('catalog.attributes'), render: (_v, s) => s.attributes.map((a) => <Tag key={a.code}>{a.name}: {a.values.map((v) => v.name).join('/')}</Tag>) },
          { title: t('catalog.skuCount'), dataIndex: 'skuCount', align: 'right' },
          { title: t('catalog.status'), dataIndex: 'status', render: (s: Spu['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`catalog.statuses.${s}`)}</Tag> },
        ]}
      />
      <LoadMore count={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      {canManage && <SpuDrawer open={!!open} spu={open?.spu ?? null} onClose={() => setOpen(null)} />}
    </>
  );
}

function Bundles({ bundleId, canManage, onPick }: { bundleId: string | null; canManage: boolean; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const bundles = useSkuSearch({ bundles: 'true' });
  return (
    <Flex gap={16} align="start" wrap>
      <div style={{ width: 260 }} data-testid="bundle-list">
        {(bundles.data?.items ?? []).map((b) => (
          <div key={b.id}><Button type={b.id === bundleId ? 'primary' : 'link'} onClick={() => onPick(b.id)} data-testid={`bundle-pick-${b.code}`}>{b.code} {b.name}</Button></div>
        ))}
      </div>
      <div style={{ flex: 1, minWidth: 420 }}>
        {bundleId ? (canManage ? <BundleEditor bundleId={bundleId} /> : <BundleView bundleId={bundleId} />) : <Typography.Text type="secondary">{t('catalog.bundle.chooseBundle')}</Typography.Text>}
      </div>
    </Flex>
  );
}

function BundleView({ bundleId }: { bundleId: string }) {
  return <BundleConfigure bundleId={bundleId} />;
}
