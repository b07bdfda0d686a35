// The over-invoicing rule in one place: every change to what is requested or invoiced of a source goes through
// applyToPositions, which locks the sources' position rows in id order and checks, under those locks, that
// requested + invoiced stays within the source's amount and never goes below zero.
import { addMoney, dec, roundMoney } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { invoiceError } from './invoices.errors.js';
import * as s from './sources.sql.js';

export interface PositionChange { sourceType: string; sourceId: string; requested?: string; invoiced?: string }

export async function applyToPositions(tx: Tx, changes: PositionChange[], pathOf?: (sourceType: string, sourceId: string) => string): Promise<void> {
  const merged = new Map<string, { sourceType: string; sourceId: string; requested: string[]; invoiced: string[] }>();
  for (const c of changes) {
    const key = `${c.sourceType}:${c.sourceId}`;
    const m = merged.get(key) ?? { sourceType: c.sourceType, sourceId: c.sourceId, requested: [], invoiced: [] };
    if (c.requested) m.requested.push(c.requested);
    if (c.invoiced) m.invoiced.push(c.invoiced);
    merged.set(key, m);
  }
  const rows = await s.lockPositions(tx, [...merged.values()]);
  for (const p of rows) {
    const m = merged.get(`${p.source_type}:${p.source_id}`)!;
    const dr = addMoney(m.requested.length ? m.requested : ['0'], p.currency);
    const di = addMoney(m.invoiced.length ? m.invoiced : ['0'], p.currency);
    const requested = dec(p.requested).plus(dr);
    const invoiced = dec(p.invoiced).plus(di);
    if (requested.plus(invoiced).gt(dec(p.ceiling))) {
      const left = roundMoney(dec(p.ceiling).minus(dec(p.requested)).minus(dec(p.invoiced)), p.currency);
      throw invoiceError('over_invoiced', undefined, {
        errors: [{ path: pathOf?.(p.source_type, p.source_id) ?? 'items', message: `at most ${left} of this ${p.source_type} is left to invoice` }],
        sourceType: p.source_type, sourceId: p.source_id, uninvoiced: left,
      });
    }
    if (requested.isNegative() || invoiced.isNegative()) throw new Error(`invoice position ${p.id} would go below zero`); // a defect, never input
    await s.shiftPosition(tx, p.id, { requested: dr, invoiced: di });
  }
  if (rows.length !== merged.size) throw new Error('invoice position missing'); // ensured when the request was made
}
