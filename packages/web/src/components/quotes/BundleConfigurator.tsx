// Configure a bundle 套装配置: each option group with its options — a checkbox and a quantity — starting from the
// defaults. The server checks the bundle's rules (required groups, min/max, requires/excludes) when the quote is
// saved and names what is wrong; this dialog only collects the choice.
import { Alert, Checkbox, Flex, InputNumber, Modal, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBundleTree, type BundleTree } from '../../api/quotes';

export interface Selection { options: Array<{ optionId: string; quantity: string }> }

function defaults(tree: BundleTree): Selection {
  return { options: tree.groups.flatMap((g) => g.options.filter((o) => o.isDefault).map((o) => ({ optionId: o.id, quantity: o.defaultQty }))) };
}

export function BundleConfigurator({ skuId, name, value, open, onOk, onCancel }: {
  skuId: string; name: string; value: Selection | null; open: boolean; onOk: (s: Selection) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bundle = useBundleTree(open ? skuId : null);
  const [sel, setSel] = useState<Selection>({ options: [] });
  useEffect(() => {
    if (open && bundle.data) setSel(value ?? defaults(bundle.data.tree));
  }, [open, bundle.data, value]);
  const chosen = new Map(sel.options.map((o) => [o.optionId, o.quantity]));
  const set = (optionId: string, quantity: string | null) => setSel({
    options: quantity === null ? sel.options.filter((o) => o.optionId !== optionId) : [...sel.options.filter((o) => o.optionId !== optionId), { optionId, quantity }],
  });
  return (
    <Modal open={open} title={t('quote.configureTitle', { name })} onOk={() => onOk(sel)} onCancel={onCancel} okButtonProps={{ 'data-testid': 'configure-ok' } as Record<string, string>} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('quote.configureHint')}</Typography.Paragraph>
      {bundle.isPending && <Skeleton active />}
      {bundle.isError && <Alert type="error" showIcon title={String(bundle.error)} />}
      {bundle.data?.tree.groups.map((g) => (
        <div key={g.id} style={{ marginBottom: 12 }} data-testid={`configure-group-${g.code}`}>
          <Typography.Text strong>{g.name}</Typography.Text> {g.required && <Tag color="red">{t('quote.required')}</Tag>}
          {g.options.map((o) => (
            <Flex key={o.id} gap={8} align="center" style={{ marginTop: 6 }}>
              <Checkbox checked={chosen.has(o.id)} onChange={(e) => set(o.id, e.target.checked ? o.defaultQty : null)} data-testid={`configure-option-${o.code}`}>
                {o.code} {o.name}
              </Checkbox>
              <InputNumber
                size="small" stringMode min={o.minQty} max={o.maxQty ?? undefined} disabled={!chosen.has(o.id)} value={chosen.get(o.id) ?? o.defaultQty}
                onChange={(v) => v !== null && set(o.id, String(v))} data-testid={`configure-qty-${o.code}`}
              />
            </Flex>
          ))}
        </div>
      ))}
    </Modal>
  );
}
