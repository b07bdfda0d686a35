// Variants from specification values (issue 11 §1): every combination of the SPU's attribute values is a variant,
// except the combinations an exclusion names. Pure and ordered (attributes, then values, in the order given), so the
// variant generator shows the same list the server creates.

export interface AttributeValue { code: string; name: string }
export interface Attribute { code: string; name: string; values: AttributeValue[] }
/** An excluded combination: a variant matching every pair is not made (edition=basic + support=24x7). */
export type Exclusion = Record<string, string>;

export interface Variant {
  /** {attribute code: value code} */
  values: Record<string, string>;
  /** canonical text of the values, the variant's identity within its SPU: "edition=pro;term=1y" (attributes by code) */
  key: string;
  /** the value codes in attribute order, for the SKU code: PRO-1Y */
  codeSuffix: string;
  /** the value names in attribute order, for the SKU name: 专业版 / 1年 */
  nameSuffix: string;
}

/** At most this many variants per SPU: a generator that would make more is refused, not run. */
export const MAX_VARIANTS = 500;

export function variantKey(values: Record<string, string>): string {
  return Object.keys(values).sort().map((k) => `${k}=${values[k]}`).join(';');
}

export function isExcluded(values: Record<string, string>, exclusions: Exclusion[]): boolean {
  return exclusions.some((ex) => Object.keys(ex).length > 0 && Object.entries(ex).every(([k, v]) => values[k] === v));
}

/** Count before generating: the product of the value counts (0 attributes = 1 variant, the SPU itself). */
export function variantCount(attributes: Attribute[]): number {
  return attributes.reduce((n, a) => n * a.values.length, 1);
}

export function generateVariants(attributes: Attribute[], exclusions: Exclusion[]): Variant[] {
  if (variantCount(attributes) > MAX_VARIANTS * 20) throw new RangeError(`more than ${MAX_VARIANTS * 20} combinations`);
  let combos: Array<Array<{ attr: Attribute; value: AttributeValue }>> = [[]];
  for (const attr of attributes) {
    const next: typeof combos = [];
    for (const c of combos) for (const value of attr.values) next.push([...c, { attr, value }]);
    combos = next;
  }
  const out: Variant[] = [];
  for (const c of combos) {
    const values = Object.fromEntries(c.map((x) => [x.attr.code, x.value.code]));
    if (isExcluded(values, exclusions)) continue;
    out.push({
      values, key: variantKey(values),
      codeSuffix: c.map((x) => x.value.code.toUpperCase()).join('-'),
      nameSuffix: c.map((x) => x.value.name).join(' / '),
    });
  }
  return out;
}
