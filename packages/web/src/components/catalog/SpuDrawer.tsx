// Create or edit a product (SPU): kind, product line, base unit, tax rate and 税收分类编码, specification attributes
// with excluded combinations (the variant preview below counts what the generator will make), unit conversions and
// the sellable scope; then generate its SKU variants at a starting price.
import { Alert, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateVariants, TAX_RATES, variantCount, type Attribute, type Exclusion } from '@l2c/shared';
import { useCatalogUnits, useGenerateSkus, useProductLines, useSaveSpu, type Spu, type SpuFields } from '../../api/catalog';

interface Values {
  code: string; name: string; kind: Spu['kind']; productLineId: string | null; baseUnitId: string; taxRate: string; taxCode: string; description: string;
  attributes: Array<{ code: string; name: string; values: string }>; exclusions: string[]; units: Array<{ unitId: string; factor: string }>;
  grades: string[]; channels: string; regions: string; status: Spu['status'];
}

const splitList = (s: string) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
/** "std=标准版, pro=专业版" → values; a value without "=" is its own code and name. */
function parseValues(s: string) {
  return splitList(s).map((v) => { const [code, name] = v.split('='); return { code: code!.trim(), name: (name ?? code!).trim() }; });
}
/** "ed=std; term=3y" → { ed: 'std', term: '3y' } */
function parseExclusion(s: string): Exclusion {
  return Object.fromEntries(s.split(/[;；]/).map((p) => p.split('=').map((x) => x.trim())).filter((p) => p.length === 2 && p[0] && p[1]));
}

function toFields(v: Values): SpuFields {
  return {
    code: v.code, name: v.name, kind: v.kind, productLineId: v.productLineId ?? null, baseUnitId: v.baseUnitId, taxRate: v.taxRate,
    taxCode: v.taxCode?.trim() || null, description: v.description?.trim() || null,
    attributes: (v.attributes ?? []).filter((a) => a?.code).map((a) => ({ code: a.code, name: a.name || a.code, values: parseValues(a.values ?? '') })),
    exclusions: (v.exclusions ?? []).map(parseExclusion).filter((e) => Object.keys(e).length > 0),
    units: (v.units ?? []).filter((u) => u?.unitId && u.factor),
    sellable: { grades: v.grades?.length ? v.grades : null, channels: splitList(v.channels ?? '').length ? splitList(v.channels) : null, regions: splitList(v.regions ?? '').length ? splitList(v.regions) : null },
    status: v.status,
  };
}

export function SpuDrawer({ spu, open, onClose }: { spu: Spu | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const lines = useProductLines();
  const units = useCatalogUnits();
  const save = useSaveSpu({ form, nested: true });
  const generate = useGenerateSkus();
  const [current, setCurrent] = useState<Spu | null>(spu);
  const [price, setPrice] = useState<string>('0.00');
  const watched = Form.useWatch([], form) as Values | undefined;

  useEffect(() => {
    if (!open) return;
    setCurrent(spu);
    form.setFieldsValue(spu ? {
      code: spu.code, name: spu.name, kind: spu.kind, productLineId: spu.productLine?.id ?? null, baseUnitId: spu.baseUnit.id, taxRate: spu.taxRate,
      taxCode: spu.taxCode ?? '', description: spu.description ?? '',
      attributes: spu.attributes.map((a) => ({ code: a.code, name: a.name, values: a.values.map((v) => `${v.code}=${v.name}`).join(', ') })),
      exclusions: spu.exclusions.map((e) => Object.entries(e).map(([k, v]) => `${k}=${v}`).join('; ')),
      units: spu.units.map((u) => ({ unitId: u.unit.id, factor: u.factor })),
      grades: spu.sellable.grades ?? [], channels: (spu.sellable.channels ?? []).join(', '), regions: (spu.sellable.regions ?? []).join(', '), status: spu.status,
    } : { kind: 'goods', taxRate: '0.13', status: 'active', attributes: [], exclusions: [], units: [], grades: [] } as Partial<Values>);
  }, [open, spu, form]);

  const preview = useMemo(() => {
    if (!watched) return null;
    const f = toFields(watched);
    const total = variantCount(f.attributes as Attribute[]);
    if (total > 500) return { total, made: 0 };
    return { total, made: generateVariants(f.attributes as Attribute[], f.exclusions).length };
  }, [watched]);

  const submit = (v: Values) => save.mutate({ id: current?.id ?? null, body: { ...toFields(v), ...(current ? { version: current.version } : {}) } }, {
    onSuccess: (saved) => { setCurrent(saved); void message.success(t('catalog.saved')); },
  });

  return (
    <Drawer open={open} onClose={onClose} width={720} title={current ? `${t('catalog.editProduct')} ${current.code}` : t('catalog.newProduct')} destroyOnHidden data-testid="spu-drawer">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Flex gap={12}>
          <Form.Item name="code" label={t('catalog.code')} rules={[{ required: true }]} style={{ flex: 1 }}><Input disabled={!!current} data-testid="spu-code" /></Form.Item>
          <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true }]} style={{ flex: 2 }}><Input data-testid="spu-name" /></Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="kind" label={t('catalog.kind')} style={{ flex: 1 }}>
            <Select options={(['goods', 'virtual', 'service', 'project'] as const).map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))} data-testid="spu-kind" />
          </Form.Item>
          <Form.Item name="productLineId" label={t('catalog.productLine')} style={{ flex: 1 }}>
            <Select allowClear options={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))} data-testid="spu-line" />
          </Form.Item>
          <Form.Item name="baseUnitId" label={t('catalog.baseUnit')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))} data-testid="spu-unit" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="taxRate" label={t('catalog.taxRate')} style={{ flex: 1 }}><Select options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r) * 100}%` }))} /></Form.Item>
          <Form.Item name="taxCode" label={t('catalog.taxCode')} rules={[{ pattern: /^\d{19}$/, message: '19' }]} style={{ flex: 2 }}><Input maxLength={19} data-testid="spu-tax-code" /></Form.Item>
          <Form.Item name="status" label={t('catalog.status')} style={{ flex: 1 }}>
            <Select options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`catalog.statuses.${s}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('catalog.description')}><Input.TextArea rows={2} /></Form.Item>

        <Divider titlePlacement="start">{t('catalog.attributes')}</Divider>
        <Form.List name="attributes">
          {(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'code']} style={{ width: 110 }}><Input placeholder={t('catalog.code')} data-testid="attr-code" /></Form.Item>
                <Form.Item name={[f.name, 'name']} style={{ width: 120 }}><Input placeholder={t('catalog.attribute')} /></Form.Item>
                <Form.Item name={[f.name, 'values']} style={{ flex: 1 }}><Input placeholder={t('catalog.values')} data-testid="attr-values" /></Form.Item>
                <Button onClick={() => remove(f.name)}>{t('catalog.remove')}</Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ code: '', name: '', values: '' })} data-testid="attr-add">{t('catalog.addAttribute')}</Button>
          </>)}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('catalog.exclusionHint')}</Typography.Paragraph>
        <Form.List name="exclusions">
          {(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Flex key={f.key} gap={8}>
                <Form.Item name={f.name} style={{ flex: 1 }}><Input placeholder="ed=std; term=3y" data-testid="exclusion" /></Form.Item>
                <Button onClick={() => remove(f.name)}>{t('catalog.remove')}</Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add('')} data-testid="exclusion-add">{t('catalog.addExclusion')}</Button>
          </>)}
        </Form.List>
        {preview && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('catalog.preview', { n: preview.made, excluded: preview.total - preview.made })} data-testid="variant-preview" />}

        <Divider titlePlacement="start">{t('catalog.units')}</Divider>
        <Typography.Paragraph type="secondary">{t('catalog.unitsHint')}</Typography.Paragraph>
        <Form.List name="units">
          {(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Flex key={f.key} gap={8}>
                <Form.Item name={[f.name, 'unitId']} style={{ width: 180 }}><Select options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                <Form.Item name={[f.name, 'factor']} style={{ width: 160 }}><Input placeholder={t('catalog.factor')} inputMode="decimal" /></Form.Item>
                <Button onClick={() => remove(f.name)}>{t('catalog.remove')}</Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ unitId: undefined, factor: '' })}>{t('catalog.addUnit')}</Button>
          </>)}
        </Form.List>

        <Divider titlePlacement="start">{t('catalog.sellable')}</Divider>
        <Flex gap={12}>
          <Form.Item name="grades" label={t('catalog.grades')} style={{ flex: 1 }}><Select mode="multiple" placeholder={t('catalog.everyone')} options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))} /></Form.Item>
          <Form.Item name="channels" label={t('catalog.channels')} style={{ flex: 1 }}><Input placeholder={t('catalog.everyone')} /></Form.Item>
          <Form.Item name="regions" label={t('catalog.regions')} style={{ flex: 1 }}><Input placeholder={t('catalog.everyone')} /></Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="spu-save">{t('catalog.save')}</Button>
      </Form>

      {current && (<>
        <Divider titlePlacement="start">{t('catalog.variants')}</Divider>
        <Space>
          <Typography.Text>{t('catalog.listPrice')}</Typography.Text>
          <InputNumber stringMode min="0" step="0.01" value={price} onChange={(v) => setPrice(v === null ? '0.00' : String(v))} data-testid="variant-price" />
          <Button
            loading={generate.isPending} data-testid="variant-generate"
            onClick={() => generate.mutate({ id: current.id, version: current.version, listPrice: price, cost: null }, {
              onSuccess: (r) => void message.success(t('catalog.generated', { n: r.created.length, existing: r.existing })),
            })}
          >{t('catalog.generate')}</Button>
        </Space>
      </>)}
    </Drawer>
  );
}
