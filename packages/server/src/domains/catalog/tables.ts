// Tables catalog owns: what can be sold (SPUs, SKUs, units, product lines), bundles (sales BOMs) and who may change
// them. Readers are declared with the reason, in the same change as their SQL.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  product_lines: {},
  catalog_units: {},
  spus: {},
  spu_units: {},
  skus: {},
  bundle_groups: {},
  bundle_options: {},
  bundle_rules: {},
  catalog_managers: {},
};
