// A priced line as a contract line, to the cent. Contracts compute a line as round(quantity × unit price × (1 −
// discount)); the engine's net amount came from promotions, shares and rounding, so the unit price and discount are
// chosen to give back exactly that amount: the list unit price with the discount the net implies (six decimals, the
// contract's precision), or failing that the net unit price without a discount. Each candidate is checked with the
// same tax.ts the contract uses; a line no candidate carries exactly is refused, never rounded away.
import { dec, lineAmounts, normalizeTaxRate, type ContractLineInput } from '@l2c/shared';
import type { SnapshotLine } from '../../domains/quotes/index.js';

const STEP = dec('0.000001');

function candidates(l: SnapshotLine): Array<{ unitPrice: string; discountRate: string }> {
  const q = dec(l.quantity);
  const net = dec(l.netAmount);
  if (net.isZero()) return [{ unitPrice: '0', discountRate: '0' }];
  const out: Array<{ unitPrice: string; discountRate: string }> = [];
  const list = dec(l.listAmount).dividedBy(q);
  const unit = list.decimalPlaces() <= 6 ? list : dec(l.unitPrice);
  if (unit.gt(0)) {
    const d0 = dec(1).minus(net.dividedBy(q.times(unit))).toDecimalPlaces(6);
    for (const k of [0, 1, -1, 2, -2, 3, -3]) {
      const d = d0.plus(STEP.times(k));
      if (d.gte(0) && d.lt(1)) out.push({ unitPrice: unit.toString(), discountRate: d.toString() });
    }
  }
  const p0 = net.dividedBy(q).toDecimalPlaces(6);
  for (const k of [0, 1, -1, 2, -2]) {
    const p = p0.plus(STEP.times(k));
    if (p.gte(0)) out.push({ unitPrice: p.toString(), discountRate: '0' });
  }
  return out;
}

export function contractLine(l: SnapshotLine, pricesIncludeTax: boolean, currency: string): ContractLineInput | null {
  for (const c of candidates(l)) {
    const got = lineAmounts({ quantity: l.quantity, unitPrice: c.unitPrice, taxRate: l.taxRate, discountRate: c.discountRate }, pricesIncludeTax, currency);
    if (got.amountInclTax === l.amountInclTax && got.amountExclTax === l.amountExclTax && got.taxAmount === l.taxAmount) {
      return {
        skuId: l.skuId, productCode: l.code, description: (l.gift ? `【赠品】${l.name}` : l.name).slice(0, 500), quantity: l.quantity, unit: l.unit,
        unitPrice: c.unitPrice, discountRate: c.discountRate, taxRate: normalizeTaxRate(l.taxRate) ?? '0',
      };
    }
  }
  return null;
}
