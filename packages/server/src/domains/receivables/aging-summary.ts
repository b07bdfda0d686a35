// The aging summary (migration 020): per currency, due date and business day, how the open amount of invoices steps.
// The triggers keep it in the transaction of every receivable and allocation; the job below only folds the pending
// deltas into the summary tables, so the readers (collections' aging report) scan a few rows per due date and day
// instead of every open invoice. Reading summary ∪ deltas is exact at any moment; folding only keeps the deltas short.
import { asSystem, type Db } from '../../platform/db.js';
import type { JobDefinition } from '../../platform/jobs.js';
import * as q from './aging-summary.sql.js';

export async function compactAgingSummary(db: Db): Promise<{ moved: number }> {
  return { moved: await asSystem(db, (tx) => q.compact(tx)) };
}

/** Recompute a tenant's aging summary from the facts: after a bulk load that bypassed the triggers, and in tests. */
export async function rebuildAgingSummary(db: Db, tenantId: string): Promise<void> {
  await asSystem(db, (tx) => q.rebuild(tx, tenantId));
}

/** Every ten minutes across processes (the run key is the ten-minute slot). */
export const agingCompactJob: JobDefinition = {
  name: 'receivables.aging-compact',
  runKey: (now) => now.toISOString().slice(0, 15),
  run: (db) => compactAgingSummary(db),
};
