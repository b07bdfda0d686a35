// The pinyin keys of customers written without them: rows from before migration 019, the demo load and bulk SQL
// loads (benchmarks). Run at start-up after migrations and the demo; new and changed customers get theirs in the
// statement that writes the name (customers.sql.ts), so this finds nothing on later starts.
import { asSystem, type Db } from '../../platform/db.js';
import { normaliseCompanyName } from '@l2c/shared';
import { searchKeys } from './search-keys.js';
import * as s from './search.sql.js';

const BATCH = 2000;

/** Compute and store the missing pinyin keys of every tenant's customers; returns how many rows were filled. */
export async function backfillSearchKeys(db: Db): Promise<number> {
  let filled = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const rows = await asSystem(db, async (tx) => {
      const batch = await s.customersWithoutSearchKeys(tx, after, BATCH);
      await s.setSearchKeys(tx, batch.map((r) => ({ tenantId: r.tenant_id, id: r.id, ...searchKeys(r.name), companyKey: normaliseCompanyName(r.name) })));
      return batch;
    });
    filled += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return filled;
    after = [last.tenant_id, last.id];
  }
}
