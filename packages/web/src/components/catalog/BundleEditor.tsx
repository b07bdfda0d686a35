// The bundle editor 套装结构: option groups (required, min/max options) with their options (a SKU — perhaps itself a
// bundle — with default, min and max quantity), and rules between options (requires, excludes, at most N per);
// saved as a whole, checked by the server (no loops, at most four levels), previewed in the configurator.
import { Button, Card, Checkbox, Divider, Flex, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBundle, useSaveBundle, useSkuSearch, type BundleStructure, type BundleTree, type Sku } from '../../api/catalog';
import { Configurator } from './Configurator';

type Option = BundleStructure['groups'][number]['options'][number] & { label?: string };
type Group = Omit<BundleStructure['groups'][number], 'options'> & { options: Option[] };
type Rule = BundleStructure['rules'][number];

function fromTree(tree: BundleTree): { groups: Group[]; rules: Rule[] } {
  return {
    groups: tree.groups.map((g) => ({
      code: g.code, name: g.name, required: g.required, minOptions: g.minOptions, maxOptions: g.maxOptions,
      options: g.options.map((o) => ({ key: o.id, skuId: o.skuId, isDefault: o.isDefault, defaultQty: o.defaultQty, minQty: o.minQty, maxQty: o.maxQty, label: `${o.code} ${o.name}` })),
    })),
    rules: tree.rules.map((r) => ({ kind: r.kind, option: r.optionId, target: r.targetOptionId, factor: r.factor })),
  };
}

function SkuSelect({ value, label, onChange }: { value: string; label?: string; onChange: (id: string, label: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useSkuSearch({ q: q || undefined });
  const options = (found.data?.items ?? []).map((s: Sku) => ({ value: s.id, label: `${s.code} ${s.name}` }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return <Select showSearch filterOption={false} onSearch={setQ} value={value || undefined} placeholder={t('catalog.search')} style={{ width: 280 }}
    options={options} onChange={(v: string) => onChange(v, options.find((o) => o.value === v)?.label ?? v)} data-testid="bundle-option-sku" />;
}

export function BundleEditor({ bundleId }: { bundleId: string }) {
  const { t } = useTranslation();
  const bundle = useBundle(bundleId);
  const save = useSaveBundle();
  const [groups, setGroups] = useState<Group[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => { if (bundle.data) { const s = fromTree(bundle.data.tree); setGroups(s.groups); setRules(s.rules); } }, [bundle.data]);
  if (!bundle.data) return null;
  const setGroup = (i: number, g: Partial<Group>) => setGroups(groups.map((x, j) => (j === i ? { ...x, ...g } : x)));
  const optionLabels = groups.flatMap((g) => g.options.map((o) => ({ value: o.key, label: o.label ?? o.key })));
  const submit = () => save.mutate({
    id: bundleId,
    body: { version: bundle.data!.version, groups: groups.map((g) => ({ ...g, options: g.options.map(({ label: _l, ...o }) => o) })), rules },
  }, { onSuccess: () => void message.success(t('catalog.bundle.saved')) });
  return (
    <div data-testid="bundle-editor">
      <Typography.Title level={5}>{t('catalog.bundle.title')}: {bundle.data.tree.code} {bundle.data.tree.name}</Typography.Title>
      {groups.map((g, gi) => (
        <Card key={gi} size="small" style={{ marginBottom: 8 }} data-testid={`bundle-group-${gi}`}
          title={<Flex gap={8} wrap align="center">
            <Input value={g.code} onChange={(e) => setGroup(gi, { code: e.target.value })} style={{ width: 110 }} placeholder={t('catalog.code')} data-testid="bundle-group-code" />
            <Input value={g.name} onChange={(e) => setGroup(gi, { name: e.target.value })} style={{ width: 160 }} placeholder={t('catalog.name')} data-testid="bundle-group-name" />
            <Checkbox checked={g.required} onChange={(e) => setGroup(gi, { required: e.target.checked })}>{t('catalog.bundle.required')}</Checkbox>
            <span>{t('catalog.bundle.minOptions')}</span><InputNumber size="small" min={0} value={g.minOptions} onChange={(v) => setGroup(gi, { minOptions: v ?? 0 })} />
            <span>{t('catalog.bundle.maxOptions')}</span><InputNumber size="small" min={1} value={g.maxOptions ?? undefined} onChange={(v) => setGroup(gi, { maxOptions: v ?? null })} />
          </Flex>}
          extra={<Button size="small" danger onClick={() => setGroups(groups.filter((_x, j) => j !== gi))}>{t('catalog.remove')}</Button>}
        >
          {g.options.map((o, oi) => {
            const setOption = (p: Partial<Option>) => setGroup(gi, { options: g.options.map((x, j) => (j === oi ? { ...x, ...p } : x)) });
            return (
              <Flex key={o.key} gap={8} wrap align="center" style={{ marginBottom: 6 }}>
                <SkuSelect value={o.skuId} label={o.label} onChange={(skuId, label) => setOption({ skuId, label })} />
                <Checkbox checked={o.isDefault} onChange={(e) => setOption({ isDefault: e.target.checked })}>{t('catalog.bundle.isDefault')}</Checkbox>
                <span>{t('catalog.bundle.defaultQty')}</span><InputNumber size="small" stringMode min="0.0001" value={o.defaultQty} onChange={(v) => setOption({ defaultQty: String(v ?? '1') })} />
                <span>{t('catalog.bundle.minQty')}</span><InputNumber size="small" stringMode min="0.0001" value={o.minQty} onChange={(v) => setOption({ minQty: String(v ?? '1') })} />
                <span>{t('catalog.bundle.maxQty')}</span><InputNumber size="small" stringMode min="0.0001" value={o.maxQty ?? undefined} onChange={(v) => setOption({ maxQty: v === null ? null : String(v) })} />
                <Button size="small" onClick={() => setGroup(gi, { options: g.options.filter((_x, j) => j !== oi) })}>{t('catalog.remove')}</Button>
              </Flex>
            );
          })}
          <Button size="small" type="dashed" data-testid="bundle-option-add"
            onClick={() => setGroup(gi, { options: [...g.options, { key: `new-${Date.now()}-${g.options.length}`, skuId: '', isDefault: false, defaultQty: '1', minQty: '1', maxQty: null }] })}
          >{t('catalog.bundle.addOption')}</Button>
        </Card>
      ))}
      <Button type="dashed" data-testid="bundle-group-add"
        onClick={() => setGroups([...groups, { code: `g${groups.length + 1}`, name: '', required: false, minOptions: 0, maxOptions: null, options: [] }])}
      >{t('catalog.bundle.addGroup')}</Button>

      <Divider titlePlacement="start">{t('catalog.bundle.rules')}</Divider>
      {rules.map((r, i) => {
        const set = (p: Partial<Rule>) => setRules(rules.map((x, j) => (j === i ? { ...x, ...p } : x)));
        return (
          <Space key={i} wrap style={{ marginBottom: 6 }}>
            <Select value={r.option} options={optionLabels} style={{ width: 220 }} onChange={(v: string) => set({ option: v })} />
            <Select value={r.kind} style={{ width: 130 }} onChange={(v: Rule['kind']) => set({ kind: v, factor: v === 'max_ratio' ? (r.factor ?? '1') : null })}
              options={(['requires', 'excludes', 'max_ratio'] as const).map((k) => ({ value: k, label: t(`catalog.bundle.ruleKinds.${k}`) }))} />
            {r.kind === 'max_ratio' && <InputNumber stringMode min="0.0001" value={r.factor ?? '1'} onChange={(v) => set({ factor: String(v ?? '1') })} />}
            <Select value={r.target} options={optionLabels} style={{ width: 220 }} onChange={(v: string) => set({ target: v })} />
            <Button size="small" onClick={() => setRules(rules.filter((_x, j) => j !== i))}>{t('catalog.remove')}</Button>
          </Space>
        );
      })}
      <div><Button type="dashed" disabled={optionLabels.length < 2} onClick={() => setRules([...rules, { kind: 'requires', option: optionLabels[0]!.value, target: optionLabels[1]!.value, factor: null }])}>{t('catalog.bundle.addRule')}</Button></div>
      <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} onClick={submit} data-testid="bundle-save">{t('catalog.save')}</Button>

      <Divider titlePlacement="start">{t('catalog.bundle.preview')}</Divider>
      <PreviewConfigurator tree={bundle.data.tree} />
    </div>
  );
}

function PreviewConfigurator({ tree }: { tree: BundleTree }) {
  const [selection, setSelection] = useState<Parameters<typeof Configurator>[0]['value']>(null);
  useEffect(() => setSelection(null), [tree]);
  return <Configurator tree={tree} value={selection} onChange={(s) => setSelection(s)} />;
}
