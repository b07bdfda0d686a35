// Demo dunning 催收 history and credit assessments 资信评估, through the domains' own functions after the rest of the
// demo is loaded: the daily dunning run replayed weekly over the last eight weeks (reminders, rep and manager tasks,
// formal letters 催款函, credit holds for the longest overdue; the mail waits in the outbox unless L2C_SMTP_URL is set),
// 李娜's promises to pay 承诺付款 — one kept by a payment, one broken (escalated to 张伟), one still open — with her
// contact notes, and a credit assessment of every customer with receivables.
import { sql } from 'kysely';
import { addDays, dateIn, dec, roundMoney } from '@l2c/shared';
import { asSystem, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { runDunningTenant, createPromise, createNote } from '../domains/dunning/index.js';
import { runReassessment } from '../domains/credit/index.js';

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope: 'own', name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

export async function demoDunning(db: Db, tenantId: string, now = new Date()): Promise<void> {
  const today = dateIn(now, 'Asia/Shanghai');
  const lina = await actor(db, tenantId, 'li.na@demo.l2c.cn');
  // 李娜's overdue customers, most overdue first, and one of hers that paid in the last three weeks
  const overdue = await asSystem(db, async (tx) => (await sql<{ customer_id: string; open: string }>`
    select r.customer_id, sum(r.amount_open)::text as open from receivables r join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
    where r.tenant_id = ${tenantId} and c.owner_id = ${lina.userId} and r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date
    group by r.customer_id order by sum(r.amount_open) desc, r.customer_id`.execute(tx)).rows);
  const paid = await asSystem(db, async (tx) => (await sql<{ customer_id: string; amount: string; received_on: string }>`
    select p.customer_id, p.amount::text as amount, p.received_on::text as received_on from payments p join customers c on c.tenant_id = p.tenant_id and c.id = p.customer_id
    where p.tenant_id = ${tenantId} and c.owner_id = ${lina.userId} and p.status = 'confirmed' and p.received_on between ${addDays(today, -21)}::date and ${addDays(today, -2)}::date
    order by p.received_on, p.id limit 1`.execute(tx)).rows[0]);

  // Promises made before today (the demo's past): inserted as they were recorded then, judged by the run below.
  const promise = async (customerId: string, amount: string, madeOn: string, promisedOn: string, note: string) => asSystem(db, async (tx) => {
    const id = (await sql<{ id: string }>`insert into promises_to_pay (tenant_id, customer_id, collector_id, currency, amount, promised_on, made_on, note, created_at)
      values (${tenantId}, ${customerId}, ${lina.userId}, 'CNY', ${amount}, ${promisedOn}, ${madeOn}, ${note}, ${`${madeOn}T10:00:00+08:00`}) returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into contact_notes (tenant_id, customer_id, collector_id, channel, outcome, note, promise_id, contacted_at)
      values (${tenantId}, ${customerId}, ${lina.userId}, 'phone', 'promised', ${note}, ${id}, ${`${madeOn}T10:00:00+08:00`})`.execute(tx);
  });
  if (paid) await promise(paid.customer_id, roundMoney(paid.amount, 'CNY'), addDays(paid.received_on, -3), addDays(paid.received_on, 2), '财务经理确认本周安排付款');
  const [first, second] = overdue.filter((o) => o.customer_id !== paid?.customer_id);
  if (first) await promise(first.customer_id, roundMoney(dec(first.open).div(2), 'CNY'), addDays(today, -12), addDays(today, -5), '对方说资金周转困难，先付一半');

  // The daily run, replayed weekly over eight weeks, then today: steps, tasks, letters, holds; promises judged.
  for (let week = 8; week >= 1; week--) await runDunningTenant(db, tenantId, addDays(today, -7 * week), 'Asia/Shanghai');
  await runDunningTenant(db, tenantId, today, 'Asia/Shanghai');

  // Today: an open promise and a contact that did not reach anyone
  if (second) {
    await createPromise(db, lina, { customerId: second.customer_id, receivableId: null, amount: roundMoney(dec(second.open).lt(50000) ? second.open : '50000', 'CNY'),
      promisedOn: addDays(today, 7), note: '采购部已提交付款申请，下周付款' });
    await createNote(db, lina, { customerId: second.customer_id, channel: 'email', outcome: 'no_answer', note: '发了对账单，暂未回复', promiseId: null });
  }
  await runReassessment(db, now, { tenantIds: [tenantId] });
}
