// What a merge moves of scoring's: the duplicate's behaviour events go to the master (then the master is rescored); a
// merged customer's RFM is dropped and recomputed for the master.
import type { Tx } from '../../platform/db.js';
import { todayFor } from '../../platform/clock.js';
import { computeRfmTx } from './rfm.service.js';
import * as q from './scoring.sql.js';
import * as r from './rfm.sql.js';
import { scoreLeadTx } from './scoring.service.js';

/** Move behaviour events from one lead or contact to another (all, or only `ids` — an undo); rescore leads. */
export async function moveScoreEventsTx(tx: Tx, kind: 'lead' | 'contact', m: { from: string; to: string; ids?: string[] }): Promise<string[]> {
  const moved = await q.moveEvents(tx, kind === 'lead' ? 'lead_id' : 'contact_id', m.from, m.to, m.ids);
  if (kind === 'lead') {
    await scoreLeadTx(tx, m.to);
    await scoreLeadTx(tx, m.from);
  }
  return moved;
}

export async function countScoreEventsTx(tx: Tx, kind: 'lead' | 'contact', id: string): Promise<number> {
  return q.countEvents(tx, kind === 'lead' ? 'lead_id' : 'contact_id', id);
}

/** A customer merged away: drop its RFM, recompute the master's (and, at an undo, both). */
export async function dropCustomerRfmTx(tx: Tx, actor: { timeZone?: string }, m: { from: string; to: string }): Promise<void> {
  await r.moveRfm(tx, m.from);
  await computeRfmTx(tx, [m.to], todayFor(actor));
}
