// Tables catalog owns: what can be sold (SPUs, SKUs, units, product lines), bundles (sales BOMs) and who may change
// them. Readers are declared with the reason, in the same change as their SQL.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  product_lines: { readers: { 'domains/collections': 'the catalog product line of a contract line in the aging report by product line' } },
  catalog_units: {},
  spus: { readers: { 'domains/collections': 'the product of a contract line\'s SKU, for its product line in the aging report' } },
  spu_units: {},
  skus: { readers: { 'domains/collections': 'a contract line\'s SKU, for its product line in the aging report' } },
  bundle_groups: {},
  bundle_options: {},
  bundle_rules: {},
  catalog_managers: {},
};
