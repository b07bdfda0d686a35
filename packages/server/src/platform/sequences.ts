// Human document numbers: PREFIX-YEAR-000123, unique per tenant, document type and year, increasing.
//
// On a PostgreSQL server the number is taken in its own short transaction on the side pool (db.side), committed at
// once. Taken inside the request's transaction, the counter row stayed locked until that transaction ended, so every
// payment (or contract, or write-off) of a tenant waited for the one before to commit: with 8 clients 6 of 8
// connections sat on this row and payments ran one at a time (docs/benchmarks.md, payment + write-off). The price:
// a request that fails after taking its number leaves a gap. Document numbers here are references, not a gapless
// legal series (vouchers 凭证号 will be numbered at posting, where gaps are not allowed).
// On PGlite transactions run one at a time anyway; the number is taken inside the transaction and has no gaps.
import { dbOfTx, type Actor, type Tx } from './db.js';
import * as q from './sequences.sql.js';

function format(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

export async function nextDocNumber(tx: Tx, actor: Actor, prefix: string, year: number): Promise<string> {
  const side = dbOfTx(tx)?.side;
  if (side) {
    // one statement in autocommit on the owner's connection: the row lock lasts for the statement alone
    return format(prefix, year, await q.nextValueOnSide(side, actor.tenantId, prefix, year));
  }
  return format(prefix, year, await q.nextValue(tx, actor.tenantId, prefix, year));
}

/**
 * Whether numbers of this transaction are taken outside it (a server: gaps are possible anyway), so a caller may take
 * a number it will probably need together with one it needs now, in one round trip (nextDocNumbers).
 */
export function numbersTakenOutside(tx: Tx): boolean {
  return !!dbOfTx(tx)?.side;
}

/** The next numbers of several document types of one year, in the order given: one statement on a server. */
export async function nextDocNumbers(tx: Tx, actor: Actor, prefixes: string[], year: number): Promise<string[]> {
  const side = dbOfTx(tx)?.side;
  if (side) return (await q.nextValuesOnSide(side, actor.tenantId, prefixes, year)).map((v, i) => format(prefixes[i]!, year, v));
  const out: string[] = [];
  for (const p of prefixes) out.push(format(p, year, await q.nextValue(tx, actor.tenantId, p, year)));
  return out;
}
