// The money of an invoice's lines, pure: each line's tax rounded once with the shared tax math (tax.ts), the
// invoice's tax the sum of its lines' taxes, and tax-inclusive versus tax-exclusive prices said explicitly.
import { addMoney, dec, lineAmounts, roundMoney, type InvoiceLineInput, type TaxAmounts } from '@l2c/shared';

export interface ComputedLine extends TaxAmounts {
  seq: number; taxCode: string | null; name: string; specification: string | null; unit: string | null;
  quantity: string | null; unitPrice: string | null; taxRate: string;
}

/**
 * A line's money from its amount (quantity and unit price, when given, are shown and were checked to come to it). With
 * `pricesIncludeTax` the amount with tax is the given one and tax is carved out of it; without, tax is added on top.
 * Either way amount without tax + tax = amount with tax, to the cent.
 */
export function computeLines(lines: InvoiceLineInput[], pricesIncludeTax: boolean, currency: string): ComputedLine[] {
  return lines.map((l, i) => {
    const priced = l.quantity !== undefined && l.unitPrice !== undefined;
    const amounts = lineAmounts({ quantity: '1', unitPrice: l.amount, taxRate: l.taxRate }, pricesIncludeTax, currency);
    return {
      seq: i + 1, taxCode: l.taxCode ?? null, name: l.name, specification: l.specification ?? null, unit: l.unit ?? null,
      quantity: priced ? dec(l.quantity!).toString() : null, unitPrice: priced ? dec(l.unitPrice!).toString() : null, taxRate: l.taxRate, ...amounts,
    };
  });
}

export function totalsOf(lines: TaxAmounts[], currency: string): TaxAmounts {
  return {
    amountExclTax: addMoney(lines.map((l) => l.amountExclTax), currency),
    taxAmount: addMoney(lines.map((l) => l.taxAmount), currency),
    amountInclTax: addMoney(lines.map((l) => l.amountInclTax), currency),
  };
}

/**
 * The part of a blue line a red-letter invoice reverses, given with tax. The whole line reverses exactly (its own
 * tax, so a full red letter nets the blue one to zero); a part carves its tax out at the line's rate.
 */
export function redPart(line: { amountInclTax: string; taxAmount: string; amountExclTax: string; taxRate: string }, amountInclTax: string, currency: string): TaxAmounts {
  if (dec(amountInclTax).eq(dec(line.amountInclTax))) return { amountExclTax: roundMoney(line.amountExclTax, currency), taxAmount: roundMoney(line.taxAmount, currency), amountInclTax: roundMoney(line.amountInclTax, currency) };
  return lineAmounts({ quantity: '1', unitPrice: amountInclTax, taxRate: dec(line.taxRate).toString() }, true, currency);
}

export function negate(a: TaxAmounts, currency: string): TaxAmounts {
  return { amountExclTax: roundMoney(dec(a.amountExclTax).negated(), currency), taxAmount: roundMoney(dec(a.taxAmount).negated(), currency), amountInclTax: roundMoney(dec(a.amountInclTax).negated(), currency) };
}
