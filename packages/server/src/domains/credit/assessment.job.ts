// The daily reassessment job 资信复评: in every tenant, customers with receivables whose last assessment is 30 days old
// or more (or who have none) get a new one, a bounded batch per day so a big tenant spreads the work. Exactly once
// per day across processes (platform/jobs.ts); a rerun the same day only refreshes proposals still open.
import { asSystem, inTenant, type Actor, type Db } from '../../platform/db.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { businessDate } from '../../platform/clock.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { assessCustomersTx } from './assessment.service.js';
import * as q from './assessment.sql.js';

export const REASSESS_DAYS = 30;
const BATCH = 2000;

export async function runReassessment(db: Db, now: Date, opts: { tenantIds?: string[] } = {}): Promise<{ tenants: number; assessed: number }> {
  const all = await asSystem(db, (tx) => listTenants(tx));
  const tenants = opts.tenantIds ? all.filter((t) => opts.tenantIds!.includes(t.id)) : all;
  let assessed = 0;
  for (const t of tenants) {
    const today = businessDate(now, t.timezone);
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:credit.reassess', timeZone: t.timezone };
    assessed += await inTenant(db, actor, async (tx) => {
      const due = await q.dueForAssessment(tx, today, REASSESS_DAYS, BATCH);
      return due.length ? assessCustomersTx(tx, actor, due, today) : 0;
    });
  }
  return { tenants: tenants.length, assessed };
}

export const reassessmentJob: JobDefinition = { name: 'credit.reassess', run: (db, now) => runReassessment(db, now) };
