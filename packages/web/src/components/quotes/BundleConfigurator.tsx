// Configure a bundle 套装配置 inside the quote editor: the catalog's Configurator (components/catalog — live checks by
// the same rules the server applies on save, errors named in the user's language) in a dialog that keeps the choice
// until OK; OK stays disabled while the configuration is not valid.
import { Alert, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSelection, type BundleTree, type Selection } from '@l2c/shared';
import { useBundleTree } from '../../api/quotes';
import { Configurator } from '../catalog/Configurator';

export type { Selection };

export function BundleConfigurator({ skuId, name, value, open, onOk, onCancel }: {
  skuId: string; name: string; value: Selection | null; open: boolean; onOk: (s: Selection) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bundle = useBundleTree(open ? skuId : null);
  const tree = bundle.data?.tree as unknown as BundleTree | undefined;
  const [sel, setSel] = useState<Selection | null>(null);
  const [ok, setOk] = useState(true);
  useEffect(() => {
    if (open && tree) setSel(value ?? defaultSelection(tree));
  }, [open, tree, value]);
  return (
    <Modal open={open} title={t('quote.configureTitle', { name })} onOk={() => sel && onOk(sel)} onCancel={onCancel} width={760}
      okButtonProps={{ disabled: !ok || !sel, ...({ 'data-testid': 'configure-ok' } as object) }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('quote.configureHint')}</Typography.Paragraph>
      {bundle.isPending && <Skeleton active />}
      {bundle.isError && <Alert type="error" showIcon title={String(bundle.error)} />}
      {tree && <Configurator tree={tree} value={sel} onChange={(s, r) => { setSel(s); setOk(r.ok); }} />}
    </Modal>
  );
}
