// Human document numbers: by default PREFIX-YEAR-000123, unique per tenant, document type and counter period,
// increasing. An admin may give a document type its own format (platform/numbering.ts: prefix, date part, width and
// when the counter starts again); the counter statement reads it, so every number of the type follows it at once.
//
// On a PostgreSQL server the number is taken in its own short transaction on the side pool (db.side), committed at
// once. Taken inside the request's transaction, the counter row stayed locked until that transaction ended, so every
// payment (or contract, or write-off) of a tenant waited for the one before to commit: with 8 clients 6 of 8
// connections sat on this row and payments ran one at a time (docs/benchmarks.md, payment + write-off). The price:
// a request that fails after taking its number leaves a gap. Document numbers here are references, not a gapless
// legal series (vouchers 凭证号 will be numbered at posting, where gaps are not allowed).
// On PGlite transactions run one at a time anyway; the number is taken inside the transaction and has no gaps.
import { formatDocNumber, type DATE_PATTERNS, type NUMBER_SEPARATORS } from '@l2c/shared';
import { dbOfTx, type Actor, type Tx } from './db.js';
import { businessDate } from './clock.js';
import * as q from './sequences.sql.js';

/**
 * The document's business date (YYYY-MM-DD), or just its year: then today's date in the tenant's zone when it is in
 * that year, else the year's first day (a monthly or daily format counts it there).
 */
export type NumberDate = string | number;

function dateOf(actor: Actor, on: NumberDate): string {
  if (typeof on === 'string') return on;
  const today = businessDate(new Date(), actor.timeZone);
  return Number(today.slice(0, 4)) === on ? today : `${String(on).padStart(4, '0')}-01-01`;
}

function written(v: q.CounterValue, on: string): string {
  return formatDocNumber({
    prefix: v.prefix, datePattern: v.date_pattern as (typeof DATE_PATTERNS)[number], separator: v.separator as (typeof NUMBER_SEPARATORS)[number], width: v.width,
  }, on, v.last_value);
}

export async function nextDocNumber(tx: Tx, actor: Actor, code: string, on: NumberDate): Promise<string> {
  return (await nextDocNumbers(tx, actor, [code], on))[0]!;
}

/**
 * Whether numbers of this transaction are taken outside it (a server: gaps are possible anyway), so a caller may take
 * a number it will probably need together with one it needs now, in one round trip (nextDocNumbers).
 */
export function numbersTakenOutside(tx: Tx): boolean {
  return !!dbOfTx(tx)?.side;
}

/** The next numbers of several document types of one date, in the order given: one statement. */
export async function nextDocNumbers(tx: Tx, actor: Actor, codes: string[], on: NumberDate): Promise<string[]> {
  const date = dateOf(actor, on);
  const distinct = [...new Set(codes)];
  const side = dbOfTx(tx)?.side;
  // one statement in autocommit on the owner's connection: the row lock lasts for the statement alone
  const values = side ? await q.nextValuesOnSide(tx, side, actor.tenantId, distinct, date) : await q.nextValues(tx, actor.tenantId, distinct, date);
  return codes.map((c) => written(values.find((v) => v.doc_type === c)!, date));
}
