// flows/plan-receivables: the daily job that turns payment-plan instalments whose date has come into receivables
// 立应收. Idempotent twice over: the query skips instalments that already have a receivable, and the receivable's
// source key 'instalment:<id>' refuses a second booking even if two runs overlap.
import { asSystem, inTenant, type Actor, type Db } from '../../platform/db.js';
import { businessDate } from '../../platform/clock.js';
import { listTenants } from '../../platform/tenants.sql.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { dueInstalments } from '../../domains/contracts/index.js';
import { createReceivableFromTrigger } from '../../domains/receivables/index.js';

export async function bookDuePlanInstalments(db: Db, now: Date): Promise<{ booked: number }> {
  const tenants = await asSystem(db, (tx) => listTenants(tx));
  let booked = 0;
  for (const t of tenants) {
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:plan-receivables' };
    const asOf = businessDate(now, t.timezone);
    for (;;) {
      const n = await inTenant(db, actor, async (tx) => {
        const due = await dueInstalments(tx, asOf, 500);
        let created = 0;
        for (const d of due) if ((await createReceivableFromTrigger(tx, actor, d)).created) created++;
        return { due: due.length, created };
      });
      booked += n.created;
      if (n.due < 500) break;
    }
  }
  return { booked };
}

export const planReceivablesJob: JobDefinition = { name: 'receivables.plan-date', run: (db, now) => bookDuePlanInstalments(db, now) };
