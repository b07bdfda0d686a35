// Customers' RFM from their paid history — recency and frequency of confirmed payments, monetary from the write-off
// facts (cash applied to their invoices) — scored 1–5 each, and the grade the tenant's cut-offs give the total.
import { BOOK_CURRENCY, daysBetween, type CustomerRfm } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { configTx } from './config.js';
import { rfmScores } from './rules.js';
import { scoringError } from './scoring.errors.js';
import * as q from './rfm.sql.js';

const BATCH = 1000;

/** Compute and store the RFM of these customers (null: every customer with a confirmed payment) as of a day. */
export async function computeRfmTx(tx: Tx, customerIds: string[] | null, asOf: string): Promise<number> {
  const { settings } = await configTx(tx);
  let done = 0;
  for (let after: string | null = null; ;) {
    const ids: string[] = customerIds ?? await q.payingCustomers(tx, after, BATCH);
    if (ids.length === 0) break;
    const history = await q.paidHistory(tx, ids, asOf, settings.rfmWindowDays, BOOK_CURRENCY);
    await q.upsertRfm(tx, history.map((h) => {
      const recencyDays = h.last_paid_on ? daysBetween(h.last_paid_on, asOf) : null;
      const s = rfmScores(settings, { recencyDays, frequency: h.frequency, monetary: h.monetary });
      return { customer_id: h.customer_id, as_of: asOf, last_paid_on: h.last_paid_on, recency_days: recencyDays, frequency: h.frequency, monetary: h.monetary, currency: BOOK_CURRENCY, r: s.r, f: s.f, m: s.m, grade: s.grade };
    }));
    done += ids.length;
    if (customerIds || ids.length < BATCH) break;
    after = ids[ids.length - 1]!;
  }
  return done;
}

function view(r: Awaited<ReturnType<typeof q.findRfm>>, customerGrade: string | null): CustomerRfm {
  if (!r) return null;
  return {
    customerId: r.customer_id, asOf: r.as_of, lastPaidOn: r.last_paid_on, recencyDays: r.recency_days, frequency: r.frequency, monetary: r.monetary,
    currency: r.currency, r: r.r, f: r.f, m: r.m, total: r.r + r.f + r.m, grade: r.grade as 'A', customerGrade: customerGrade as 'A' | null, computedAt: r.computed_at,
  };
}

/** The customer's RFM, computed as of today when it has none yet; its money must be in the caller's scope. */
export async function getCustomerRfm(db: Db, auth: AuthContext, customerId: string, opts: { refresh?: boolean } = {}): Promise<CustomerRfm> {
  return inTenant(db, auth, async (tx) => {
    const c = await q.customerMoneyVisible(tx, customerId, auth.userId, auth.scope);
    if (!c) throw scoringError('customer_not_found');
    if (opts.refresh || !(await q.findRfm(tx, customerId))) await computeRfmTx(tx, [customerId], todayFor(auth));
    return view(await q.findRfm(tx, customerId), c.grade);
  });
}
