// The daily dunning run 催收: in every tenant, on its business date, judge promises to pay (kept, or broken — which
// escalates), then run every dunning step that is due for an open invoice, each exactly once per receivable: the
// scheduler claims the day once across processes (platform/jobs.ts), an advisory lock queues runs of one tenant, and
// the unique (step, receivable) key of dunning_step_runs makes a second insert a no-op whatever else happens.
// Customers whose unapplied cash covers what they owe are not chased (listed for finance to apply instead).
// Mail is written in the transaction and sent after it committed (mail.ts), never from inside it.
import { dec, formatMoney, roundMoney } from '@l2c/shared';
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { businessDate } from '../../platform/clock.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { readCompanyProfile } from '../../platform/tenants.js';
import { sendNotice } from '../notifications/index.js';
import { holdCredit } from '../credit/index.js';
import { deliverQueued, smtpUrl } from './mail.js';
import { ensureDefaultPolicies } from './policies.service.js';
import * as q from './run.sql.js';
import * as pq from './policies.sql.js';

export interface DunningRunResult { asOf: string; steps: number; covered: number; promisesKept: number; promisesBroken: number; mailSent: number }

const ACTION_ZH = { notice: '提醒', email: '邮件', task: '任务', letter: '催款函', hold: '信用冻结' } as const;

function customerMail(s: q.DueStep, company: string) {
  // money by locale, grouped (¥170,280.00 in the Chinese line, CN¥170,280.00 in the English one)
  const amount = formatMoney(s.amount_open, s.currency, 'zh-CN');
  const amountEn = formatMoney(s.amount_open, s.currency, 'en');
  if (s.days < 0) {
    return {
      subject: `付款提醒 Payment reminder: ${s.number}`,
      body: `${s.customer_name}：\n\n应收单 ${s.number} 金额 ${amount} 将于 ${s.due_date} 到期，请按时安排付款。\n`
        + `Receivable ${s.number} of ${amountEn} falls due on ${s.due_date}.\n\n${company} 财务部`,
    };
  }
  if (s.days === 0) {
    return {
      subject: `今日到期 Due today: ${s.number}`,
      body: `${s.customer_name}：\n\n应收单 ${s.number} 金额 ${amount} 今日（${s.due_date}）到期，请安排付款；如已付款请忽略本邮件。\n`
        + `Receivable ${s.number} of ${amountEn} is due today (${s.due_date}).\n\n${company} 财务部`,
    };
  }
  return {
    subject: `逾期付款通知 Overdue payment: ${s.number}`,
    body: `${s.customer_name}：\n\n应收单 ${s.number} 金额 ${amount} 已于 ${s.due_date} 到期，现已逾期 ${s.days} 天，请尽快付款。\n`
      + `Receivable ${s.number} of ${amountEn} fell due on ${s.due_date} and is ${s.days} days past due.\n\n${company} 财务部`,
  };
}

async function perform(tx: Tx, actor: Actor, s: q.DueStep, runId: string, today: string, company: string, mailStatus: 'queued' | 'outbox') {
  const t = actor.tenantId;
  const amount = formatMoney(s.amount_open, s.currency, 'zh-CN');
  const amountEn = formatMoney(s.amount_open, s.currency, 'en');
  const notice = async (userId: string, kind: string, zh: string, en: string) => sendNotice(tx, t, {
    userId, kind, entityType: 'receivable', entityId: s.receivable_id, dedupeKey: `dunning:${runId}:${userId}`,
    text: { 'zh-CN': { title: zh, body: `${s.customer_name}，未收 ${amount}，到期日 ${s.due_date}` }, en: { title: en, body: `${s.customer_name}: ${amountEn} open, due ${s.due_date}` } },
  });
  const users = s.recipient === 'customer' ? [] : await q.recipients(tx, s.customer_id, s.receivable_id, s.recipient);
  const late = s.days > 0 ? `逾期 ${s.days} 天` : s.days === 0 ? '今日到期' : `${-s.days} 天后到期`;
  const lateEn = s.days > 0 ? `${s.days} days past due` : s.days === 0 ? 'due today' : `due in ${-s.days} days`;
  switch (s.action) {
    case 'notice':
      for (const u of users) await notice(u.id, 'dunning', `催收提醒：应收 ${s.number} ${late}`, `Dunning: receivable ${s.number} ${lateEn}`);
      return;
    case 'email': {
      if (s.recipient === 'customer') {
        const to = await q.customerEmail(tx, s.customer_id);
        const m = customerMail(s, company);
        await q.insertMail(tx, { tenantId: t, stepRunId: runId, customerId: s.customer_id, to: to?.email ?? null, subject: m.subject, body: m.body, status: to ? mailStatus : 'outbox' });
      } else {
        for (const u of users) {
          await q.insertMail(tx, { tenantId: t, stepRunId: users.length === 1 ? runId : null, customerId: s.customer_id, to: u.email,
            subject: `催收 Dunning: ${s.customer_name} ${s.number} ${lateEn}`, body: `${s.customer_name}: ${amount}, ${late} / ${lateEn}.`, status: mailStatus });
        }
      }
      return;
    }
    case 'task':
      for (const u of users) {
        await q.insertTask(tx, { tenantId: t, assigneeId: u.id, customerId: s.customer_id, receivableId: s.receivable_id, stepRunId: runId, promiseId: null,
          title: `${s.step_name}: ${s.customer_name} ${s.number} (${amount})`, dueOn: today });
        await notice(u.id, 'dunning.task', `催收任务：${s.customer_name} 应收 ${s.number} ${late}`, `Collection task: ${s.customer_name} ${s.number} ${lateEn}`);
      }
      return;
    case 'letter': {
      const to = await q.customerEmail(tx, s.customer_id);
      await q.insertMail(tx, { tenantId: t, stepRunId: runId, customerId: s.customer_id, to: to?.email ?? null,
        subject: `催款函 Payment demand: ${s.number}`,
        body: `${s.customer_name}：\n\n附件为我司就应收单 ${s.number}（${amount}，逾期 ${s.days} 天）发出的催款函，请于七日内付款。\n`
          + `Attached is our formal payment demand for receivable ${s.number} (${amountEn}, ${s.days} days past due).\n\n${company} 财务部`,
        status: to ? mailStatus : 'outbox' });
      for (const u of users) await notice(u.id, 'dunning.letter', `催款函已发出：${s.customer_name} ${s.number}`, `Payment demand sent: ${s.customer_name} ${s.number}`);
      return;
    }
    case 'hold': {
      await holdCredit(tx, actor, s.customer_id, `${s.number} ${s.days} days past due (dunning)`, today); // credit owns the hold
      const owners = await q.recipients(tx, s.customer_id, s.receivable_id, 'owner');
      for (const u of [...users, ...owners]) await notice(u.id, 'dunning.hold', `信用冻结：${s.customer_name}（${s.number} ${late}），暂停新合同`, `Credit hold: ${s.customer_name} (${s.number} ${lateEn}); no new contracts`);
      return;
    }
  }
}

async function judgePromises(tx: Tx, actor: Actor, today: string) {
  let kept = 0;
  let broken = 0;
  for (const p of await q.promisesToJudge(tx, today)) {
    if (dec(p.paid).gte(p.amount)) {
      await q.resolvePromise(tx, p.id, 'kept', today, roundMoney(p.paid, p.currency));
      kept++;
    } else if (p.promised_on < today) {
      await q.resolvePromise(tx, p.id, 'broken', today, roundMoney(p.paid, p.currency));
      broken++;
      // a broken promise escalates: the collector's manager gets a task, collector and finance a notice
      const managers = await q.recipients(tx, p.customer_id, p.receivable_id, 'manager');
      const finance = await q.recipients(tx, p.customer_id, null, 'finance');
      const amount = formatMoney(p.amount, p.currency, 'zh-CN');
      const amountEn = formatMoney(p.amount, p.currency, 'en');
      for (const m of managers) {
        await q.insertTask(tx, { tenantId: actor.tenantId, assigneeId: m.id, customerId: p.customer_id, receivableId: p.receivable_id, stepRunId: null, promiseId: p.id,
          title: `承诺付款未兑现 Broken promise: ${p.customer_name} ${amount} (${p.promised_on})`, dueOn: today });
      }
      for (const u of [...managers, ...finance, { id: p.collector_id }]) {
        await sendNotice(tx, actor.tenantId, {
          userId: u.id, kind: 'dunning.promise_broken', entityType: 'customer', entityId: p.customer_id, dedupeKey: `promise-broken:${p.id}:${u.id}`,
          text: { 'zh-CN': { title: `承诺付款未兑现：${p.customer_name}`, body: `承诺 ${p.promised_on} 前付 ${amount}，已收 ${formatMoney(p.paid, p.currency, 'zh-CN')}` },
            en: { title: `Broken promise to pay: ${p.customer_name}`, body: `${amountEn} promised by ${p.promised_on}; received ${formatMoney(p.paid, p.currency, 'en')}` } },
        });
      }
    }
  }
  return { kept, broken };
}

/**
 * The run of one tenant as of `today`, in one transaction; the mail it queued goes out after the commit. `by`: the
 * person who ran it by hand (the audit trail names them); the daily job runs as the system.
 */
export async function runDunningTenant(db: Db, tenantId: string, today: string, timeZone?: string, by?: Actor): Promise<DunningRunResult> {
  const actor: Actor = by ?? { tenantId, userId: null, requestId: 'job:dunning.run', ...(timeZone ? { timeZone } : {}) };
  const mailStatus = smtpUrl() ? 'queued' : 'outbox';
  const r = await inTenant(db, actor, async (tx) => {
    await pq.lockTenantDunning(tx, tenantId);
    await ensureDefaultPolicies(tx, tenantId);
    const promises = await judgePromises(tx, actor, today);
    const company = (await readCompanyProfile(tx)).legalName;
    const due = await q.dueSteps(tx, today);
    let steps = 0;
    for (const s of due) {
      const detail = {
        tenantName: company, customerName: s.customer_name, number: s.number, currency: s.currency, amountOpen: roundMoney(s.amount_open, s.currency),
        dueDate: s.due_date, days: s.days, customerOverdue: roundMoney(dec(s.customer_overdue).gt(0) ? s.customer_overdue : s.amount_open, s.currency), runOn: today,
        stepName: s.step_name, action: s.action, actionZh: ACTION_ZH[s.action],
      };
      const run = await q.insertRun(tx, tenantId, s, today, detail);
      if (!run) continue; // ran already: another process, or an earlier run today
      await perform(tx, actor, s, run.id, today, company, mailStatus);
      steps++;
    }
    return { asOf: today, steps, covered: await q.countCovered(tx, today), promisesKept: promises.kept, promisesBroken: promises.broken, mailSent: 0 };
  });
  r.mailSent = await deliverQueued(db, tenantId);
  return r;
}

export async function runDunning(db: Db, now: Date, opts: { tenantIds?: string[] } = {}): Promise<{ tenants: number; steps: number; mailSent: number }> {
  const all = await asSystem(db, (tx) => listTenants(tx));
  const tenants = opts.tenantIds ? all.filter((t) => opts.tenantIds!.includes(t.id)) : all;
  let steps = 0;
  let mailSent = 0;
  for (const t of tenants) {
    const r = await runDunningTenant(db, t.id, businessDate(now, t.timezone), t.timezone);
    steps += r.steps;
    mailSent += r.mailSent;
  }
  return { tenants: tenants.length, steps, mailSent };
}

export const dunningJob: JobDefinition = { name: 'dunning.run', run: (db, now) => runDunning(db, now) };
