// Bundle structures over HTTP: read one (for the editor and the configurator), replace it as a whole (the editor
// sends every group, option and rule), and check a configuration. Replacing checks what the configurator relies on:
// options are SKUs of this tenant, none contains the bundle itself (no loops), the structure nests at most
// MAX_BUNDLE_DEPTH levels, rules name options of this bundle.
import type { z } from 'zod';
import { dec, MAX_BUNDLE_DEPTH, type BundleStructureInput, type ConfigureInput, type Selection } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError, type FieldProblem } from '../../platform/errors.js';
import { assertCanManage } from './access.js';
import { catalogError } from './catalog.errors.js';
import { loadBundleTreeTx, validateConfigurationTx } from './bundles.service.js';
import { getSkusTx } from './skus.service.js';
import * as b from './bundles.sql.js';
import * as s from './skus.sql.js';

export async function getBundle(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const tree = await loadBundleTreeTx(tx, id);
    const row = await s.skuById(tx, id);
    return { version: row!.version, tree };
  });
}

/** How deep the structure under `skuId` goes (a plain SKU is 0, a bundle of plain SKUs 1). */
async function depthOf(tx: Tx, skuId: string, seen: Set<string>): Promise<number> {
  if (seen.size > MAX_BUNDLE_DEPTH + 1) return MAX_BUNDLE_DEPTH + 1;
  const options = await b.optionsOf(tx, [skuId]);
  let deepest = 0;
  for (const o of options) if (o.is_bundle) deepest = Math.max(deepest, await depthOf(tx, o.sku_id, new Set([...seen, skuId])));
  return options.length === 0 ? 0 : deepest + 1;
}

export async function saveBundle(db: Db, auth: AuthContext, id: string, input: BundleStructureInput) {
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const row = await s.skuById(tx, id, true);
    if (!row) throw catalogError('not_found');
    if (row.version !== input.version) throw commonError('version_conflict');
    if (!row.is_bundle) throw catalogError('not_a_bundle');
    const problems: FieldProblem[] = [];
    const skuIds = input.groups.flatMap((g) => g.options.map((o) => o.skuId));
    const known = new Map((await getSkusTx(tx, skuIds)).map((k) => [k.id, k]));
    const containing = new Set(await b.bundlesContaining(tx, id));
    const keys = new Set<string>();
    const codes = new Set<string>();
    input.groups.forEach((g, gi) => {
      if (codes.has(g.code)) problems.push({ path: `groups.${gi}.code`, message: `group ${g.code} appears twice` });
      codes.add(g.code);
      if (g.maxOptions !== null && g.maxOptions < g.minOptions) problems.push({ path: `groups.${gi}.maxOptions`, message: 'below minOptions' });
      const inGroup = new Set<string>();
      g.options.forEach((o, oi) => {
        const at = `groups.${gi}.options.${oi}`;
        if (keys.has(o.key)) problems.push({ path: `${at}.key`, message: `option key ${o.key} appears twice` });
        keys.add(o.key);
        if (inGroup.has(o.skuId)) problems.push({ path: `${at}.skuId`, message: 'this SKU is already an option of the group' });
        inGroup.add(o.skuId);
        if (!known.has(o.skuId)) problems.push({ path: `${at}.skuId`, message: 'no such SKU' });
        else if (containing.has(o.skuId)) problems.push({ path: `${at}.skuId`, message: 'this SKU contains the bundle: it cannot be its option' });
        if (o.maxQty !== null && dec(o.maxQty).lt(o.minQty)) problems.push({ path: `${at}.maxQty`, message: 'below minQty' });
        if (dec(o.defaultQty).lt(o.minQty) || (o.maxQty !== null && dec(o.defaultQty).gt(o.maxQty))) problems.push({ path: `${at}.defaultQty`, message: 'outside minQty … maxQty' });
      });
    });
    input.rules.forEach((r, i) => {
      if (!keys.has(r.option)) problems.push({ path: `rules.${i}.option`, message: 'names no option of this bundle' });
      if (!keys.has(r.target)) problems.push({ path: `rules.${i}.target`, message: 'names no option of this bundle' });
      if (r.option === r.target) problems.push({ path: `rules.${i}.target`, message: 'a rule links two different options' });
      if ((r.kind === 'max_ratio') !== (r.factor !== null)) problems.push({ path: `rules.${i}.factor`, message: r.kind === 'max_ratio' ? 'max_ratio needs a factor' : 'only max_ratio takes a factor' });
    });
    if (problems.some((x) => x.message.includes('contains the bundle'))) throw catalogError('bundle_loop', problems.find((x) => x.message.includes('contains the bundle'))!.message, { errors: problems });
    if (problems.length > 0) throw commonError('invalid', problems[0]!.message, { errors: problems });

    // Depth: the deepest option plus this level, and every bundle above this one gets as much deeper.
    let deepest = 0;
    for (const k of new Set(skuIds)) if (known.get(k)!.isBundle) deepest = Math.max(deepest, await depthOf(tx, k, new Set([id])));
    const levelsAbove = containing.size > 1 ? await heightAbove(tx, id) : 0;
    if (deepest + 1 + levelsAbove > MAX_BUNDLE_DEPTH) throw catalogError('bundle_too_deep');

    const before = await loadBundleTreeTx(tx, id);
    await b.deleteStructure(tx, id);
    const optionIds = new Map<string, string>();
    for (const [gi, g] of input.groups.entries()) {
      const { id: groupId } = await b.insertGroup(tx, auth.tenantId, id, { code: g.code, name: g.name, required: g.required, minOptions: g.minOptions, maxOptions: g.maxOptions, position: gi });
      for (const [oi, o] of g.options.entries()) {
        const { id: optionId } = await b.insertOption(tx, auth.tenantId, id, groupId, { skuId: o.skuId, isDefault: o.isDefault, defaultQty: o.defaultQty, minQty: o.minQty, maxQty: o.maxQty, position: oi });
        optionIds.set(o.key, optionId);
      }
    }
    for (const [i, r] of input.rules.entries()) {
      await b.insertRule(tx, auth.tenantId, id, { kind: r.kind, optionId: optionIds.get(r.option)!, targetOptionId: optionIds.get(r.target)!, factor: r.factor, position: i });
    }
    await s.updateSku(tx, id, {});
    const tree = await loadBundleTreeTx(tx, id);
    const summary = (t: typeof tree) => t.groups.map((g) => `${g.code}${g.required ? '*' : ''}[${g.options.map((o) => `${o.code}${o.isDefault ? '*' : ''}`).join(',')}]`).join(' ') + ` rules:${t.rules.length}`;
    await recordAudit(tx, auth, { action: 'catalog.bundle.update', entityType: 'sku', entityId: id, changes: [{ field: 'structure', before: summary(before), after: summary(tree) }] });
    return { version: row.version + 1, tree };
  });
}

/** Levels of bundles above this one (the longest chain of bundles containing it). */
async function heightAbove(tx: Tx, id: string): Promise<number> {
  let level = [id];
  let height = 0;
  for (let i = 0; i <= MAX_BUNDLE_DEPTH && level.length > 0; i++) {
    const parents = [...new Set((await Promise.all(level.map((x) => b.parentsOf(tx, x)))).flat())];
    if (parents.length === 0) break;
    height++;
    level = parents;
  }
  return height;
}

export async function configure(db: Db, auth: AuthContext, id: string, input: z.infer<typeof ConfigureInput>) {
  return inTenant(db, auth, (tx) => validateConfigurationTx(tx, id, input.selection as Selection));
}
