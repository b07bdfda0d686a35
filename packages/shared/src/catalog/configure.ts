// The configurator's rules (issue 11 §1): which selections of a bundle's options are valid, and why not. Pure, so the
// server (authoritative, before a quote or contract line is saved) and the web configurator (live, while a person
// clicks) give the same answer word for word. Errors carry a code and parameters for the user's language; `message`
// is the English fallback.
import { Decimal as D0 } from 'decimal.js';

const Decimal = D0.clone({ precision: 40 });
type Decimal = InstanceType<typeof Decimal>;

export interface BundleOption {
  id: string;
  skuId: string;
  code: string;
  name: string;
  isDefault: boolean;
  defaultQty: string;
  minQty: string;
  maxQty: string | null;
  /** The option's SKU is itself a bundle: its structure (a multi-level sales BOM). */
  child: BundleTree | null;
}

export interface BundleGroup {
  id: string;
  code: string;
  name: string;
  required: boolean;
  minOptions: number;
  maxOptions: number | null;
  options: BundleOption[];
}

export type BundleRuleKind = 'requires' | 'excludes' | 'max_ratio';

export interface BundleRule {
  id: string;
  kind: BundleRuleKind;
  optionId: string;
  targetOptionId: string;
  /** max_ratio only: quantity(option) ≤ factor × quantity(target). */
  factor: string | null;
}

export interface BundleTree {
  skuId: string;
  code: string;
  name: string;
  groups: BundleGroup[];
  rules: BundleRule[];
}

export interface SelectedOption {
  optionId: string;
  quantity: string;
  /** The chosen options of this option's own bundle; absent = its defaults. */
  selection?: Selection | undefined;
}

export interface Selection {
  options: SelectedOption[];
}

export const CONFIG_ERROR_CODES = [
  'unknown_option', 'duplicate_option', 'bad_quantity', 'group_required', 'group_min', 'group_max',
  'qty_below_min', 'qty_above_max', 'requires', 'excludes', 'max_ratio', 'too_deep',
] as const;
export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[number];

export interface ConfigError {
  /** catalog.config.<code> in the web's messages. */
  code: ConfigErrorCode;
  /** Where: the bundle path (codes joined by '/'), then the group or option code. */
  path: string;
  /** Names for the message: bundle, group, option, target, min, max, quantity, factor. */
  params: Record<string, string>;
  message: string;
}

/** One SKU of the configured result, with its quantity per one top-level bundle (levels multiplied through). */
export interface ConfiguredLine {
  skuId: string;
  code: string;
  name: string;
  quantity: string;
  optionId: string;
  /** 1 for the top bundle's options, 2 for their children … */
  level: number;
  /** Bundle codes from the top down to this option's bundle. */
  path: string[];
}

export interface ConfigResult {
  ok: boolean;
  errors: ConfigError[];
  lines: ConfiguredLine[];
}

/** Bundles nest at most this deep (the catalog refuses deeper structures and loops when they are saved). */
export const MAX_BUNDLE_DEPTH = 4;

const QTY = /^\d{1,14}(\.\d{1,4})?$/;

/** The default selection: every default option at its default quantity, children by their defaults too. */
export function defaultSelection(tree: BundleTree): Selection {
  const options: SelectedOption[] = [];
  for (const g of tree.groups) {
    for (const o of g.options) if (o.isDefault) options.push({ optionId: o.id, quantity: o.defaultQty, ...(o.child ? { selection: defaultSelection(o.child) } : {}) });
  }
  return { options };
}

export function validateConfiguration(tree: BundleTree, selection: Selection): ConfigResult {
  const errors: ConfigError[] = [];
  const lines: ConfiguredLine[] = [];
  walk(tree, selection, new Decimal(1), [tree.code], 1, errors, lines);
  return { ok: errors.length === 0, errors, lines };
}

function walk(tree: BundleTree, selection: Selection, multiplier: Decimal, path: string[], level: number,
  errors: ConfigError[], lines: ConfiguredLine[]): void {
  const at = path.join('/');
  const bundle = tree.name;
  if (level > MAX_BUNDLE_DEPTH) {
    errors.push({ code: 'too_deep', path: at, params: { bundle, max: String(MAX_BUNDLE_DEPTH) }, message: `${bundle}: bundles nest at most ${MAX_BUNDLE_DEPTH} levels` });
    return;
  }
  const byId = new Map<string, { group: BundleGroup; option: BundleOption }>();
  for (const group of tree.groups) for (const option of group.options) byId.set(option.id, { group, option });

  const chosen = new Map<string, { qty: Decimal; sel: SelectedOption }>();
  for (const sel of selection.options) {
    const found = byId.get(sel.optionId);
    if (!found) {
      errors.push({ code: 'unknown_option', path: at, params: { bundle, option: sel.optionId }, message: `${bundle}: option ${sel.optionId} is not part of this bundle` });
      continue;
    }
    const { option } = found;
    const where = `${at}/${option.code}`;
    if (chosen.has(option.id)) {
      errors.push({ code: 'duplicate_option', path: where, params: { bundle, option: option.name }, message: `${option.name} is chosen twice` });
      continue;
    }
    if (typeof sel.quantity !== 'string' || !QTY.test(sel.quantity) || new Decimal(sel.quantity).lte(0)) {
      errors.push({ code: 'bad_quantity', path: where, params: { bundle, option: option.name, quantity: String(sel.quantity) }, message: `${option.name}: the quantity must be a positive number with at most 4 decimals` });
      continue;
    }
    const qty = new Decimal(sel.quantity);
    chosen.set(option.id, { qty, sel });
    if (qty.lt(option.minQty)) {
      errors.push({ code: 'qty_below_min', path: where, params: { bundle, option: option.name, quantity: sel.quantity, min: option.minQty }, message: `${option.name}: at least ${option.minQty}, not ${sel.quantity}` });
    }
    if (option.maxQty !== null && qty.gt(option.maxQty)) {
      errors.push({ code: 'qty_above_max', path: where, params: { bundle, option: option.name, quantity: sel.quantity, max: option.maxQty }, message: `${option.name}: at most ${option.maxQty}, not ${sel.quantity}` });
    }
  }

  for (const group of tree.groups) {
    const n = group.options.filter((o) => chosen.has(o.id)).length;
    const where = `${at}/${group.code}`;
    const min = Math.max(group.minOptions, group.required ? 1 : 0);
    if (n === 0 && group.required) {
      errors.push({ code: 'group_required', path: where, params: { bundle, group: group.name }, message: `${group.name}: choose at least one option` });
    } else if (n < min) {
      errors.push({ code: 'group_min', path: where, params: { bundle, group: group.name, min: String(min), quantity: String(n) }, message: `${group.name}: choose at least ${min} options, not ${n}` });
    }
    if (group.maxOptions !== null && n > group.maxOptions) {
      errors.push({ code: 'group_max', path: where, params: { bundle, group: group.name, max: String(group.maxOptions), quantity: String(n) }, message: `${group.name}: choose at most ${group.maxOptions} options, not ${n}` });
    }
  }

  for (const rule of tree.rules) {
    const a = byId.get(rule.optionId)?.option;
    const b = byId.get(rule.targetOptionId)?.option;
    if (!a || !b) continue; // the catalog keeps rules inside their bundle; a stale one cannot refuse anything
    const qa = chosen.get(a.id)?.qty;
    const qb = chosen.get(b.id)?.qty;
    const where = `${at}/${a.code}`;
    const params = { bundle, option: a.name, target: b.name };
    if (rule.kind === 'requires' && qa && !qb) {
      errors.push({ code: 'requires', path: where, params, message: `${a.name} requires ${b.name}` });
    } else if (rule.kind === 'excludes' && qa && qb) {
      errors.push({ code: 'excludes', path: where, params, message: `${a.name} cannot be combined with ${b.name}` });
    } else if (rule.kind === 'max_ratio' && qa && rule.factor !== null) {
      const limit = (qb ?? new Decimal(0)).mul(rule.factor);
      if (qa.gt(limit)) {
        errors.push({ code: 'max_ratio', path: where, params: { ...params, factor: rule.factor, quantity: qa.toString(), max: limit.toString() }, message: `${a.name}: at most ${rule.factor} per ${b.name} (${limit.toString()}), not ${qa.toString()}` });
      }
    }
  }

  // Lines in the bundle's order (groups, then options), whatever order the selection came in.
  for (const group of tree.groups) {
    for (const option of group.options) {
      const c = chosen.get(option.id);
      if (!c) continue;
      const quantity = c.qty.mul(multiplier);
      lines.push({ skuId: option.skuId, code: option.code, name: option.name, quantity: quantity.toString(), optionId: option.id, level, path });
      if (option.child) walk(option.child, c.sel.selection ?? defaultSelection(option.child), quantity, [...path, option.child.code], level + 1, errors, lines);
    }
  }
}
