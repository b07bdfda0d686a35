// A new promotion, of every kind the pricing engine applies (docs/pricing.md): 单品 (a percentage, or an amount per
// unit from a minimum quantity), 累计 (a percentage once the period's quantity reaches a minimum), 组合 (an amount off
// each set of two products), 满减 (an amount off from an order amount, optionally for every multiple) and 赠品 (buy N,
// get a product free) — with its stacking group, budget and validity dates. The server checks the rule (400 naming the
// field); the form only shapes it.
import { Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useBudgets, useCreatePromotionMutation } from '../../api/pricing';
import { SkuPicker } from './SkuPicker';

export const PROMOTION_KINDS = ['item', 'cumulative', 'combo', 'threshold', 'gift'] as const;
type Kind = (typeof PROMOTION_KINDS)[number];

interface Values {
  code: string; name: string; kind: Kind; group: string; stacking: string; budgetId?: string; validity?: [Dayjs | null, Dayjs | null] | null;
  skuId?: string; percentOff?: string; amountOffPerUnit?: string; minQuantity?: string;
  skuB?: string; quantityA?: string; quantityB?: string; amountOffPerSet?: string;
  minAmount?: string; amountOff?: string; repeat?: boolean;
  buyQuantity?: string; giftProductId?: string; giftQuantity?: string;
}

const blank = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

/** The rule the API takes for the form's values (fields the kind does not use are left out). */
export function ruleOf(v: Values): Record<string, unknown> {
  const target = { productId: v.skuId };
  switch (v.kind) {
    case 'item': return { kind: 'item', target, percentOff: blank(v.percentOff), amountOffPerUnit: blank(v.amountOffPerUnit), minQuantity: blank(v.minQuantity) };
    case 'cumulative': return { kind: 'cumulative', target, minQuantity: blank(v.minQuantity), percentOff: blank(v.percentOff) };
    case 'combo': return { kind: 'combo', items: [{ productId: v.skuId, quantity: blank(v.quantityA) ?? '1' }, { productId: v.skuB, quantity: blank(v.quantityB) ?? '1' }], amountOffPerSet: blank(v.amountOffPerSet) };
    case 'threshold': return { kind: 'threshold', minAmount: blank(v.minAmount), amountOff: blank(v.amountOff), repeat: !!v.repeat };
    case 'gift': return { kind: 'gift', target, buyQuantity: blank(v.buyQuantity), giftProductId: v.giftProductId, giftQuantity: blank(v.giftQuantity) ?? '1' };
  }
}

export function PromotionForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const budgets = useBudgets();
  const create = useCreatePromotionMutation(); // a refusal shows its text, naming the rule's field
  const kind = Form.useWatch('kind', form) ?? 'item';
  const input = (name: keyof Values, placeholder: string, width = 110) => (
    <Form.Item name={name}><Input placeholder={placeholder} style={{ width }} data-testid={`promo-${name}`} /></Form.Item>
  );
  return (
    <Form form={form} layout="inline" style={{ rowGap: 8 }} initialValues={{ kind: 'item', stacking: 'stackable', group: 'default' }} data-testid="promo-form"
      onFinish={(v) => create.mutate({
        code: v.code, name: v.name, group: v.group, stacking: v.stacking as never, priority: 0, budgetId: v.budgetId ?? null,
        validFrom: v.validity?.[0]?.format('YYYY-MM-DD') ?? null, validTo: v.validity?.[1]?.format('YYYY-MM-DD') ?? null,
        rule: ruleOf(v) as never, active: true,
      } as never, { onSuccess: () => form.resetFields() })}>
      <Form.Item name="code" rules={[{ required: true }]}><Input placeholder={t('pricing.code')} style={{ width: 100 }} data-testid="promo-code" /></Form.Item>
      <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('pricing.name')} style={{ width: 140 }} data-testid="promo-name" /></Form.Item>
      <Form.Item name="kind"><Select style={{ width: 100 }} data-testid="promo-kind" options={PROMOTION_KINDS.map((k) => ({ value: k, label: t(`pricing.promoKinds.${k}`) }))} /></Form.Item>
      {kind !== 'threshold' && <Form.Item name="skuId" rules={[{ required: true }]}><SkuPicker testId="promo-sku" width={220} /></Form.Item>}
      {kind === 'item' && <>{input('percentOff', t('pricing.percentOff'), 150)}{input('amountOffPerUnit', t('pricing.promo.amountOffPerUnit'))}{input('minQuantity', t('pricing.promo.minQuantity'))}</>}
      {kind === 'cumulative' && <>{input('minQuantity', t('pricing.promo.periodQuantity'), 130)}{input('percentOff', t('pricing.percentOff'), 150)}</>}
      {kind === 'combo' && <>{input('quantityA', t('pricing.promo.quantity'), 70)}
        <Form.Item name="skuB" rules={[{ required: true }]}><SkuPicker testId="promo-sku-b" width={220} /></Form.Item>
        {input('quantityB', t('pricing.promo.quantity'), 70)}{input('amountOffPerSet', t('pricing.promo.amountOffPerSet'))}</>}
      {kind === 'threshold' && <>{input('minAmount', t('pricing.minAmount'), 90)}{input('amountOff', t('pricing.amountOff'), 90)}
        <Form.Item name="repeat" valuePropName="checked"><Checkbox data-testid="promo-repeat">{t('pricing.promo.repeat')}</Checkbox></Form.Item></>}
      {kind === 'gift' && <>{input('buyQuantity', t('pricing.promo.buyQuantity'), 80)}
        <Form.Item name="giftProductId" rules={[{ required: true }]}><SkuPicker testId="promo-gift-sku" width={220} /></Form.Item>
        {input('giftQuantity', t('pricing.promo.giftQuantity'), 80)}</>}
      <Form.Item name="group"><Input placeholder={t('pricing.group')} style={{ width: 100 }} /></Form.Item>
      <Form.Item name="stacking"><Select style={{ width: 100 }} options={['exclusive', 'stackable', 'best_of'].map((k) => ({ value: k, label: t(`pricing.stacking.${k}`) }))} /></Form.Item>
      <Form.Item name="budgetId"><Select allowClear placeholder={t('pricing.budget')} style={{ width: 120 }} options={(budgets.data?.items ?? []).map((b) => ({ value: b.id, label: b.code }))} /></Form.Item>
      <Form.Item name="validity"><DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('pricing.promo.validFrom'), t('pricing.promo.validTo')]} /></Form.Item>
      <Button htmlType="submit" loading={create.isPending} data-testid="promo-create">{t('pricing.newPromotion')}</Button>
    </Form>
  );
}
