// Rounding inside the engine. Amounts here are already Decimals made by money.ts's dec(); rounding them in place
// (half-up, 四舍五入, to the currency's scale) gives what roundMoney gives without rendering and parsing them again —
// the engine rounds a few thousand times per quote, and roundMoney's round trip was a third of its time.
import { Decimal } from 'decimal.js';
import type { DecimalValue } from '../money.js';

export function roundDec(v: DecimalValue, scale: number): DecimalValue {
  return v.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
}

/** The amount as a fixed string ("12.30"), rounded half-up: roundMoney for a Decimal at hand. */
export function fixed(v: DecimalValue, scale: number): string {
  return v.toFixed(scale, Decimal.ROUND_HALF_UP);
}
