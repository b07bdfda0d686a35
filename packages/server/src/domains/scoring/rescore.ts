// Rescoring every open lead in batches (after a rules change, a retraining, and nightly for the decay).
import type { Tx } from '../../platform/db.js';
import type { Config } from './config.js';
import type { NaiveBayesModel } from './model.js';
import { scoreLeadsTx } from './scoring.service.js';
import * as q from './scoring.sql.js';

const BATCH = 500;

export async function rescoreOpenLeadsTx(tx: Tx, config: Config, opts: { model?: { id: string; model: NaiveBayesModel } | null; now?: Date } = {}): Promise<number> {
  let rescored = 0;
  for (let after: string | null = null; ;) {
    const ids = await q.openLeadIds(tx, after, BATCH);
    if (ids.length === 0) return rescored;
    await scoreLeadsTx(tx, ids, { config, model: opts.model, now: opts.now });
    rescored += ids.length;
    after = ids[ids.length - 1]!;
  }
}
