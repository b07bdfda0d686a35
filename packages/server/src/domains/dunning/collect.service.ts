// The collector's side of dunning: the worklist, customers whose cash covers their debt, promises to pay 承诺付款,
// contact notes, tasks, the step-run history with its letters, the outbox, and collection effectiveness.
import type { z } from 'zod';
import { compareDates, dec, roundMoney, type ContactNoteInput, type DunningMailQuery, type DunningRunQuery, type PromiseInput, type PromiseQuery } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { todayFor } from '../../platform/clock.js';
import { dunningError } from './dunning.errors.js';
import { customerScope, visibleCustomer } from './scope.sql.js';
import { letterPdf, type LetterDetail } from './letter.pdf.js';
import { deliverQueued, smtpUrl } from './mail.js';
import { runDunningTenant } from './run.job.js';
import * as q from './promises.sql.js';
import * as w from './worklist.sql.js';
import * as r from './run.sql.js';
import * as m from './mail.sql.js';

const scopeOf = (auth: AuthContext) => customerScope('c', auth.userId, auth.scope);
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const PRIORITY_FORMULA = 'priority = net overdue × (money-weighted days past due ÷ 30) × risk weight (low 0.8, normal 1, high 1.5) × (1 + 0.5 × broken promises, at most 2); net overdue = past-due open invoices − unapplied confirmed cash';
export const EFFECTIVENESS_DEFINITION = 'effectiveness = collected ÷ assigned overdue, where collected = money applied in the period to invoices already past due (no bad debt, no reversed write-offs) of the collector\'s customers and assigned overdue = collected + what is still open today of their invoices due before the period\'s end; promise kept rate = kept promise amount ÷ promised amount of promises due in the period';

export async function worklist(db: Db, auth: AuthContext, query: { limit: number; asOf?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const asOf = query.asOf ?? todayFor(auth);
    const rows = await w.worklist(tx, asOf, scopeOf(auth), query.limit);
    return {
      asOf, formula: PRIORITY_FORMULA,
      items: rows.map((x) => ({
        customerId: x.customer_id, customerName: x.customer_name, owner: ref(x.owner_id, x.owner_name), currency: x.currency,
        overdue: roundMoney(x.overdue, x.currency), unapplied: roundMoney(x.unapplied, x.currency), netOverdue: roundMoney(x.net_overdue, x.currency),
        oldestDaysPastDue: x.oldest_days, weightedDaysPastDue: x.weighted_days, riskLevel: x.risk_level, riskWeight: x.risk_weight, brokenPromises: x.broken,
        openPromise: x.promise_id ? { id: x.promise_id, amount: roundMoney(x.promise_amount!, x.currency), promisedOn: x.promise_on! } : null,
        lastContactAt: x.last_contact_at, onHold: x.on_hold, priority: x.priority,
      })),
    };
  });
}

export async function coveredCustomers(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => {
    const asOf = todayFor(auth);
    const rows = await r.coveredCustomers(tx, asOf, scopeOf(auth));
    return { asOf, items: rows.map((x) => ({ customerId: x.customer_id, customerName: x.customer_name, currency: x.currency,
      overdue: roundMoney(x.overdue, x.currency), unapplied: roundMoney(x.unapplied, x.currency), owner: ref(x.owner_id, x.owner_name) })) };
  });
}

function toPromise(p: q.PromiseRow) {
  return { id: p.id, customerId: p.customer_id, customerName: p.customer_name, receivableId: p.receivable_id, collector: ref(p.collector_id, p.collector_name),
    amount: roundMoney(p.amount, p.currency), currency: p.currency, promisedOn: p.promised_on, madeOn: p.made_on, status: p.status, resolvedOn: p.resolved_on,
    paidAmount: p.paid_amount === null ? null : roundMoney(p.paid_amount, p.currency), note: p.note };
}

export async function createPromise(db: Db, auth: AuthContext, input: z.infer<typeof PromiseInput>) {
  return inTenant(db, auth, async (tx) => {
    if (!(await visibleCustomer(tx, input.customerId, auth.userId, auth.scope))) throw dunningError('customer_not_found');
    const today = todayFor(auth);
    if (compareDates(input.promisedOn, today) < 0) throw dunningError('bad_period', 'A promise to pay is for today or a later day', { errors: [{ path: 'promisedOn', message: `must be ${today} or later` }] });
    let currency = (await q.customerCurrency(tx, input.customerId)) ?? 'CNY';
    if (input.receivableId) {
      const rec = await q.openInvoiceOf(tx, input.customerId, input.receivableId);
      if (!rec) throw dunningError('receivable_not_found', undefined, { errors: [{ path: 'receivableId', message: 'not an open invoice of this customer' }] });
      currency = rec.currency;
    }
    const id = await q.insertPromise(tx, { tenantId: auth.tenantId, customerId: input.customerId, receivableId: input.receivableId, collectorId: auth.userId, currency,
      amount: roundMoney(input.amount, currency), promisedOn: input.promisedOn, madeOn: today, note: input.note });
    await recordAudit(tx, auth, { action: 'create', entityType: 'promise_to_pay', entityId: id, before: null,
      after: { customerId: input.customerId, receivableId: input.receivableId, amount: roundMoney(input.amount, currency), currency, promisedOn: input.promisedOn } });
    return toPromise((await q.listPromises(tx, { customerId: null, status: null, id, limit: 1 }, scopeOf(auth)))[0]!);
  });
}

export async function listPromises(db: Db, auth: AuthContext, query: z.infer<typeof PromiseQuery>) {
  return inTenant(db, auth, async (tx) => ({
    items: (await q.listPromises(tx, { customerId: query.customerId ?? null, status: query.status ?? null, id: null, limit: query.limit }, scopeOf(auth))).map(toPromise),
  }));
}

function toNote(n: Awaited<ReturnType<typeof q.listNotes>>[number]) {
  return { id: n.id, customerId: n.customer_id, collector: ref(n.collector_id, n.collector_name), channel: n.channel, outcome: n.outcome, note: n.note, promiseId: n.promise_id, contactedAt: n.contacted_at };
}

export async function createNote(db: Db, auth: AuthContext, input: z.infer<typeof ContactNoteInput>) {
  return inTenant(db, auth, async (tx) => {
    if (!(await visibleCustomer(tx, input.customerId, auth.userId, auth.scope))) throw dunningError('customer_not_found');
    if (input.promiseId && !(await q.promiseOfCustomer(tx, input.promiseId, input.customerId))) {
      throw dunningError('promise_not_found', undefined, { errors: [{ path: 'promiseId', message: 'not a promise of this customer' }] });
    }
    const id = await q.insertNote(tx, { tenantId: auth.tenantId, customerId: input.customerId, collectorId: auth.userId, channel: input.channel, outcome: input.outcome, note: input.note, promiseId: input.promiseId });
    return toNote((await q.listNotes(tx, input.customerId, 1, id))[0]!);
  });
}

export async function listNotes(db: Db, auth: AuthContext, customerId: string, limit: number) {
  return inTenant(db, auth, async (tx) => {
    if (!(await visibleCustomer(tx, customerId, auth.userId, auth.scope))) return { items: [] };
    return { items: (await q.listNotes(tx, customerId, limit)).map(toNote) };
  });
}

export async function listTasks(db: Db, auth: AuthContext, query: { status?: 'open' | 'done' | undefined; limit: number }) {
  return inTenant(db, auth, async (tx) => ({
    items: (await q.listTasks(tx, auth.userId, query.status ?? null, query.limit)).map((t) => ({ id: t.id, title: t.title, customerId: t.customer_id, customerName: t.customer_name,
      receivableId: t.receivable_id, promiseId: t.promise_id, dueOn: t.due_on, status: t.status, createdAt: t.created_at })),
  }));
}

export async function completeTask(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const t = await q.completeTask(tx, id, auth.userId);
    if (!t) throw dunningError('task_not_found');
    await recordAudit(tx, auth, { action: 'complete', entityType: 'dunning_task', entityId: id, changes: [{ field: 'status', before: 'open', after: 'done' }] });
    return { id, status: 'done' as const };
  });
}

function toRun(x: q.RunRow) {
  const d = x.detail as Partial<LetterDetail>;
  return { id: x.id, stepName: x.step_name, offsetDays: x.offset_days, action: x.action, recipient: x.recipient, receivableId: x.receivable_id, receivableNumber: x.receivable_number,
    customerId: x.customer_id, customerName: x.customer_name, runOn: x.run_on, amountOpen: d.amountOpen ?? '0.00', currency: d.currency ?? 'CNY', daysPastDue: d.days ?? 0, mailStatus: x.mail_status };
}

export async function listRuns(db: Db, auth: AuthContext, query: z.infer<typeof DunningRunQuery>) {
  return inTenant(db, auth, async (tx) => ({
    items: (await q.listRuns(tx, { customerId: query.customerId ?? null, receivableId: null, id: null, limit: query.limit }, scopeOf(auth))).map(toRun),
  }));
}

export async function letterOf(db: Db, auth: AuthContext, runId: string): Promise<{ data: Buffer; number: string }> {
  const run = await inTenant(db, auth, async (tx) => (await q.listRuns(tx, { customerId: null, receivableId: null, id: runId, limit: 1 }, scopeOf(auth)))[0]);
  if (!run) throw dunningError('run_not_found');
  if (run.action !== 'letter') throw dunningError('not_a_letter');
  return { data: await letterPdf(run.detail as unknown as LetterDetail), number: run.receivable_number };
}

export async function listMail(db: Db, auth: AuthContext, query: z.infer<typeof DunningMailQuery>) {
  return inTenant(db, auth, async (tx) => ({
    smtpConfigured: smtpUrl() !== null,
    items: (await m.listMail(tx, { status: query.status ?? null, customerId: query.customerId ?? null, limit: query.limit }, scopeOf(auth))).map((x) => ({
      id: x.id, customerId: x.customer_id, customerName: x.customer_name, toAddress: x.to_address, subject: x.subject, body: x.body, status: x.status,
      attempts: x.attempts, sentAt: x.sent_at, error: x.error, createdAt: x.created_at })),
  }));
}

/** Send a mail from the outbox (or again after a failure): it needs an SMTP server and an address. */
export async function sendMail(db: Db, auth: AuthContext, id: string) {
  if (!smtpUrl()) throw dunningError('smtp_not_configured');
  await inTenant(db, auth, async (tx) => {
    const mail = await m.mailForUpdate(tx, id, scopeOf(auth));
    if (!mail) throw dunningError('mail_not_found');
    if (mail.status === 'sent') throw dunningError('mail_sent');
    const to = mail.to_address ?? (await r.customerEmail(tx, mail.customer_id))?.email;
    if (!to) throw dunningError('no_address');
    await m.requeue(tx, id, to);
    await recordAudit(tx, auth, { action: 'send', entityType: 'dunning_mail', entityId: id, changes: [{ field: 'status', before: mail.status, after: 'queued' }] });
  });
  await deliverQueued(db, auth.tenantId, [id]);
  const row = (await listMail(db, auth, { limit: 500 })).items.find((x) => x.id === id);
  if (!row) throw dunningError('mail_not_found');
  return row;
}

/** Run the tenant's dunning now, as of today or a given day (finance catching up; the browser test's clock). */
export async function runNow(db: Db, auth: AuthContext, asOf: string | undefined) {
  return runDunningTenant(db, auth.tenantId, asOf ?? todayFor(auth), auth.timeZone, auth);
}

export async function collectionEffectiveness(db: Db, auth: AuthContext, from: string, to: string) {
  if (compareDates(to, from) < 0) throw dunningError('bad_period', undefined, { errors: [{ path: 'to', message: 'must not be before from' }] });
  return inTenant(db, auth, async (tx) => {
    const rows = await w.effectiveness(tx, from, to, scopeOf(auth));
    const ratio = (a: string, b: ReturnType<typeof dec>) => (b.gt(0) ? dec(a).div(b).toDecimalPlaces(4, 4).toFixed(4) : null);
    return {
      from, to, definition: EFFECTIVENESS_DEFINITION,
      items: rows.map((x) => {
        const assigned = dec(x.collected).plus(x.still_overdue);
        return {
          collector: ref(x.collector_id, x.collector_name), currency: x.currency, assignedOverdue: roundMoney(assigned, x.currency), collected: roundMoney(x.collected, x.currency),
          stillOverdue: roundMoney(x.still_overdue, x.currency), promised: roundMoney(x.promised, x.currency), promisedKept: roundMoney(x.promised_kept, x.currency),
          promisesKept: x.promises_kept, promisesBroken: x.promises_broken, contacts: x.contacts,
          effectiveness: ratio(x.collected, assigned), promiseKeptRate: ratio(x.promised_kept, dec(x.promised)),
        };
      }),
    };
  });
}
