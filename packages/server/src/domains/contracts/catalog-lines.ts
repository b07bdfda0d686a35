// Contract lines from the catalog (issue 11 §4): a line naming a SKU must name an active SKU of the tenant; its
// product code and unit come from the catalog when the line leaves them out (the contract keeps them as written, so a
// later catalog change does not rewrite a signed contract). A line without a SKU is a one-off free line and keeps
// working as before.
import type { ContractLineInput } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { commonError } from '../../platform/errors.js';
import { getSkusTx } from '../catalog/index.js';

export async function catalogLines(tx: Tx, lines: ContractLineInput[]): Promise<ContractLineInput[]> {
  const ids = lines.map((l) => l.skuId).filter((x): x is string => !!x);
  if (ids.length === 0) return lines;
  const skus = new Map((await getSkusTx(tx, ids)).map((s) => [s.id, s]));
  const problems = lines.flatMap((l, i) => {
    if (!l.skuId) return [];
    const sku = skus.get(l.skuId);
    if (!sku) return [{ path: `lines.${i}.skuId`, message: 'no such SKU in the catalog' }];
    if (sku.status !== 'active') return [{ path: `lines.${i}.skuId`, message: `${sku.code} is not sold any more` }];
    return [];
  });
  if (problems.length > 0) throw commonError('invalid', problems[0]!.message, { errors: problems });
  return lines.map((l) => {
    const sku = l.skuId ? skus.get(l.skuId) : undefined;
    return sku ? { ...l, productCode: l.productCode ?? sku.code, unit: l.unit ?? sku.unit.name } : l;
  });
}
