// Unit conversions (issue 11 §1): one unit of an SPU holds `factor` base units (1 箱 = 12 件). Exact decimals only —
// 1 box of 3 packs of 0.5 kg is 1.5 kg, never 1.4999999.
import { Decimal as D0 } from 'decimal.js';

const Decimal = D0.clone({ precision: 40 });
type Decimal = InstanceType<typeof Decimal>;

export interface UnitFactor { unitId: string; factor: string }

/** Quantity in `from` units expressed in `to` units, exact; `baseUnitId` has factor 1. Throws on an unknown unit. */
export function convertQuantity(quantity: string, from: string, to: string, baseUnitId: string, factors: UnitFactor[]): string {
  const f = (u: string) => {
    if (u === baseUnitId) return new Decimal(1);
    const hit = factors.find((x) => x.unitId === u);
    if (!hit) throw new RangeError(`unit ${u} has no conversion`);
    return new Decimal(hit.factor);
  };
  return new Decimal(quantity).mul(f(from)).div(f(to)).toString();
}

/** Is the result of a conversion a whole number of the target unit (a box cannot be split)? */
export function isWhole(quantity: string): boolean {
  return new Decimal(quantity).isInteger();
}
