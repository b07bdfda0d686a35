// A bundle loaded by id in the configurator: what a rep sees of a bundle (and a quick way to embed one).
import { Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useBundle, type Selection } from '../../api/catalog';
import { Configurator } from './Configurator';

export function BundleConfigure({ bundleId, onChange }: { bundleId: string; onChange?: (selection: Selection, ok: boolean) => void }) {
  const bundle = useBundle(bundleId);
  const [selection, setSelection] = useState<Selection | null>(null);
  if (!bundle.data) return <Skeleton active />;
  return (
    <>
      <Typography.Title level={5}>{bundle.data.tree.code} {bundle.data.tree.name}</Typography.Title>
      <Configurator tree={bundle.data.tree} value={selection} onChange={(s, r) => { setSelection(s); onChange?.(s, r.ok); }} />
    </>
  );
}
