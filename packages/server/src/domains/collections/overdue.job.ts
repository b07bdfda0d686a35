// The daily overdue job 逾期: in every tenant, on the tenant's business date, mark invoices past due, notify the owner,
// their manager and finance (once per receivable per recipient per day), and flag customers more than 90 days past
// due as high risk. The scheduler runs it once per day across processes; on top of that every step is idempotent, so a
// second run — or two at the same moment — adds nothing.
import { asSystem, inTenant, type Actor, type Db } from '../../platform/db.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { businessDate } from '../../platform/clock.js';
import { sendNoticesFrom } from '../notifications/index.js';
import { markOverdue } from '../receivables/index.js';
import { flagOverdueCustomers } from '../credit/index.js';
import * as q from './overdue.sql.js';

export const HIGH_RISK_DAYS = 90;

export interface OverdueRunResult { tenants: number; marked: number; cleared: number; notified: number; flagged: number }

export async function runOverdue(db: Db, now: Date, opts: { tenantIds?: string[] } = {}): Promise<OverdueRunResult> {
  const tenants = await asSystem(db, (tx) => q.tenants(tx, opts.tenantIds ?? null));
  const result: OverdueRunResult = { tenants: tenants.length, marked: 0, cleared: 0, notified: 0, flagged: 0 };
  for (const t of tenants) {
    const today = businessDate(now, t.timezone);
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:collections.overdue' };
    await inTenant(db, actor, async (tx) => {
      await q.lockTenantRun(tx, t.id);
      const marks = await markOverdue(tx, actor, today); // receivables writes its own rows and their audit
      result.cleared += marks.cleared;
      result.marked += marks.marked;
      result.notified += await sendNoticesFrom(tx, t.id, q.overdueNotices(today));
      result.flagged += await flagOverdueCustomers(tx, actor, today, HIGH_RISK_DAYS); // credit owns the risk level
    });
  }
  return result;
}

export const overdueJob: JobDefinition = { name: 'collections.overdue', run: (db, now) => runOverdue(db, now) };
