// Bundles (sales BOMs): their structure as the configurator's tree, and the server's check of a configuration. The
// rules themselves are @l2c/shared's validateConfiguration, the same the web configurator runs while a person clicks.
import { MAX_BUNDLE_DEPTH, validateConfiguration, type BundleTree, type ConfigResult, type Selection } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { catalogError } from './catalog.errors.js';
import * as b from './bundles.sql.js';
import * as s from './skus.sql.js';

/**
 * A bundle SKU's structure down to its deepest level (MAX_BUNDLE_DEPTH), one query per table and level. A bundle
 * option that is a bundle itself carries its own tree (`child`).
 */
export async function loadBundleTreeTx(tx: Tx, bundleId: string): Promise<BundleTree> {
  const root = await s.skuById(tx, bundleId);
  if (!root) throw catalogError('not_found');
  if (!root.is_bundle) throw catalogError('not_a_bundle');
  const trees = new Map<string, BundleTree>();
  trees.set(root.id, { skuId: root.id, code: root.code, name: root.name, groups: [], rules: [] });
  let level = [root.id];
  for (let depth = 1; depth <= MAX_BUNDLE_DEPTH + 1 && level.length > 0; depth++) {
    const [groups, options, rules] = await Promise.all([b.groupsOf(tx, level), b.optionsOf(tx, level), b.rulesOf(tx, level)]);
    const next: string[] = [];
    for (const g of groups) {
      trees.get(g.bundle_sku_id)!.groups.push({ id: g.id, code: g.code, name: g.name, required: g.required, minOptions: g.min_options, maxOptions: g.max_options, options: [] });
    }
    for (const o of options) {
      const tree = trees.get(o.bundle_sku_id)!;
      const group = tree.groups.find((g) => g.id === o.group_id)!;
      group.options.push({
        id: o.id, skuId: o.sku_id, code: o.sku_code, name: o.sku_name, isDefault: o.is_default,
        defaultQty: trimQty(o.default_qty), minQty: trimQty(o.min_qty), maxQty: o.max_qty === null ? null : trimQty(o.max_qty), child: null,
      });
      if (o.is_bundle && !trees.has(o.sku_id)) {
        trees.set(o.sku_id, { skuId: o.sku_id, code: o.sku_code, name: o.sku_name, groups: [], rules: [] });
        next.push(o.sku_id);
      }
    }
    for (const r of rules) {
      trees.get(r.bundle_sku_id)!.rules.push({ id: r.id, kind: r.kind, optionId: r.option_id, targetOptionId: r.target_option_id, factor: r.factor === null ? null : trimQty(r.factor) });
    }
    level = next;
  }
  // Link children after every level is read: a SKU used in two places shares one tree.
  for (const tree of trees.values()) {
    for (const g of tree.groups) for (const o of g.options) if (trees.has(o.skuId) && o.skuId !== tree.skuId) o.child = trees.get(o.skuId)!;
  }
  return trees.get(root.id)!;
}

/** numeric(18,4) comes back as "2.0000": the configurator and the UI show 2. */
export function trimQty(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

/**
 * Is this selection of the bundle's options valid? errors name the group, option or rule (codes for the user's
 * language); lines are the chosen SKUs with quantities per one bundle, levels multiplied through.
 */
export async function validateConfigurationTx(tx: Tx, bundleId: string, selection: Selection): Promise<ConfigResult> {
  return validateConfiguration(await loadBundleTreeTx(tx, bundleId), selection);
}
