// Promises to pay, contact notes, collection tasks and the step-run history: dunning's own rows, with the customer's
// name and owner (for the data scope) joined read-only.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function openInvoiceOf(tx: Tx, customerId: string, receivableId: string) {
  const r = await sql<{ id: string; currency: string }>`select id, currency from receivables
    where id = ${receivableId} and customer_id = ${customerId} and kind = 'invoice' and amount_open > 0`.execute(tx);
  return r.rows[0];
}

/** The customer's currency for a promise without a receivable: that of its oldest open invoice, else CNY. */
export async function customerCurrency(tx: Tx, customerId: string): Promise<string | undefined> {
  const r = await sql<{ currency: string }>`select currency from receivables where customer_id = ${customerId} and kind = 'invoice' and amount_open > 0
    order by due_date, id limit 1`.execute(tx);
  return r.rows[0]?.currency;
}

export async function insertPromise(tx: Tx, p: { tenantId: string; customerId: string; receivableId: string | null; collectorId: string; currency: string; amount: string; promisedOn: string; madeOn: string; note: string | null }) {
  const r = await tx.insertInto('promises_to_pay').values({ tenant_id: p.tenantId, customer_id: p.customerId, receivable_id: p.receivableId, collector_id: p.collectorId,
    currency: p.currency, amount: p.amount, promised_on: p.promisedOn, made_on: p.madeOn, note: p.note }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface PromiseRow {
  id: string; customer_id: string; customer_name: string; receivable_id: string | null; collector_id: string; collector_name: string | null; amount: string; currency: string;
  promised_on: string; made_on: string; status: 'open' | 'kept' | 'broken'; resolved_on: string | null; paid_amount: string | null; note: string | null;
}

export async function listPromises(tx: Tx, f: { customerId: string | null; status: string | null; id: string | null; limit: number }, scope: RawBuilder<unknown>) {
  const r = await sql<PromiseRow>`
    select p.id, p.customer_id, c.name as customer_name, p.receivable_id, p.collector_id, u.name as collector_name, p.amount::text as amount, p.currency,
      p.promised_on::text as promised_on, p.made_on::text as made_on, p.status, p.resolved_on::text as resolved_on, p.paid_amount::text as paid_amount, p.note
    from promises_to_pay p join customers c on c.id = p.customer_id left join users u on u.id = p.collector_id
    where ${scope} and ${f.customerId ? sql`p.customer_id = ${f.customerId}` : sql`true`} and ${f.status ? sql`p.status = ${f.status}` : sql`true`}
      and ${f.id ? sql`p.id = ${f.id}` : sql`true`}
    order by p.promised_on desc, p.id limit ${f.limit}`.execute(tx);
  return r.rows;
}

export async function promiseOfCustomer(tx: Tx, id: string, customerId: string) {
  return tx.selectFrom('promises_to_pay').select('id').where('id', '=', id).where('customer_id', '=', customerId).executeTakeFirst();
}

export async function insertNote(tx: Tx, n: { tenantId: string; customerId: string; collectorId: string; channel: string; outcome: string; note: string | null; promiseId: string | null }) {
  const r = await sql<{ id: string }>`insert into contact_notes (tenant_id, customer_id, collector_id, channel, outcome, note, promise_id)
    values (${n.tenantId}, ${n.customerId}, ${n.collectorId}, ${n.channel}, ${n.outcome}, ${n.note}, ${n.promiseId}) returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function listNotes(tx: Tx, customerId: string, limit: number, id: string | null = null) {
  const r = await sql<{ id: string; customer_id: string; collector_id: string; collector_name: string | null; channel: 'phone' | 'email' | 'visit' | 'message' | 'other';
    outcome: 'reached' | 'no_answer' | 'promised' | 'disputed' | 'refused' | 'paid'; note: string | null; promise_id: string | null; contacted_at: string }>`
    select n.id, n.customer_id, n.collector_id, u.name as collector_name, n.channel, n.outcome, n.note, n.promise_id, n.contacted_at
    from contact_notes n left join users u on u.id = n.collector_id
    where n.customer_id = ${customerId} and ${id ? sql`n.id = ${id}` : sql`true`} order by n.contacted_at desc, n.id limit ${limit}`.execute(tx);
  return r.rows;
}

export async function listTasks(tx: Tx, assigneeId: string, status: string | null, limit: number) {
  const r = await sql<{ id: string; title: string; customer_id: string; customer_name: string; receivable_id: string | null; promise_id: string | null; due_on: string;
    status: 'open' | 'done'; created_at: string }>`
    select t.id, t.title, t.customer_id, c.name as customer_name, t.receivable_id, t.promise_id, t.due_on::text as due_on, t.status, t.created_at
    from dunning_tasks t join customers c on c.id = t.customer_id
    where t.assignee_id = ${assigneeId} and ${status ? sql`t.status = ${status}` : sql`true`}
    order by (t.status = 'open') desc, t.due_on, t.created_at, t.id limit ${limit}`.execute(tx);
  return r.rows;
}

export async function completeTask(tx: Tx, id: string, assigneeId: string) {
  return tx.updateTable('dunning_tasks').set({ status: 'done', done_at: sql`now()` }).where('id', '=', id).where('assignee_id', '=', assigneeId)
    .returning(['id', 'status']).executeTakeFirst();
}

export interface RunRow {
  id: string; step_name: string; offset_days: number; action: 'notice' | 'email' | 'task' | 'letter' | 'hold'; recipient: 'customer' | 'owner' | 'manager' | 'finance';
  receivable_id: string; receivable_number: string; customer_id: string; customer_name: string; run_on: string; detail: Record<string, unknown>; mail_status: string | null;
}

export async function listRuns(tx: Tx, f: { customerId: string | null; receivableId: string | null; id: string | null; limit: number }, scope: RawBuilder<unknown>) {
  const r = await sql<RunRow>`
    select sr.id, s.name as step_name, s.offset_days, s.action, s.recipient, sr.receivable_id, r.number as receivable_number, sr.customer_id, c.name as customer_name,
      sr.run_on::text as run_on, sr.detail, m.status as mail_status
    from dunning_step_runs sr join dunning_steps s on s.id = sr.step_id join receivables r on r.id = sr.receivable_id
    join customers c on c.id = sr.customer_id left join dunning_mail m on m.step_run_id = sr.id
    where ${scope} and ${f.customerId ? sql`sr.customer_id = ${f.customerId}` : sql`true`} and ${f.receivableId ? sql`sr.receivable_id = ${f.receivableId}` : sql`true`}
      and ${f.id ? sql`sr.id = ${f.id}` : sql`true`}
    order by sr.run_on desc, s.offset_days desc, sr.id limit ${f.limit}`.execute(tx);
  return r.rows;
}
