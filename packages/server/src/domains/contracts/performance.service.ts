// Performance of signed contracts: deliveries and accepted milestones trigger their instalments' receivables; dates
// that pass unfulfilled raise alerts (a list, and a daily job that notifies owners once per alert per day).
import { addDays, daysBetween, roundMoney } from '@l2c/shared';
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { sendNotice } from '../notifications/index.js';
import { businessDate, todayFor } from '../../platform/clock.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { contractError } from './contracts.errors.js';
import { listTenants } from '../../platform/tenants.sql.js';
import * as q from './contracts.sql.js';
import * as lq from './lifecycle.sql.js';
import { loadVisible, scopeOf, toContract } from './contracts.service.js';
import { startPerformance } from './lifecycle.service.js';
import { instalmentTriggered, type BookInstalment } from './booking.js';

function daysLate(due: string, asOf: string): number {
  return daysBetween(due, asOf);
}

export async function contractAlerts(db: Db, auth: AuthContext, asOf = todayFor(auth)) {
  const rows = await inTenant(db, auth, (tx) => lq.alerts(tx, asOf, scopeOf(auth), 500));
  return {
    asOf,
    items: rows.map((r) => ({
      kind: r.kind, contract: { id: r.contract_id, number: r.number, title: r.title }, customer: { id: r.customer_id, name: r.customer_name },
      instalmentId: r.instalment_id, seq: r.seq, trigger: r.trigger, milestone: r.milestone, dueDate: r.due_date, daysLate: daysLate(r.due_date, asOf),
      amount: roundMoney(r.amount, r.currency), amountOpen: r.amount_open === null ? null : roundMoney(r.amount_open, r.currency), receivableId: r.receivable_id,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    })),
  };
}

const TRIGGER_ZH: Record<string, string> = { on_signing: '签约', on_delivery: '交付', on_acceptance: '验收' };

/** The alert in both languages; the recipient's locale picks one. */
const MILESTONE_ZH: Record<string, string> = { acceptance: '验收', delivery: '交付', signing: '签约', installation: '安装', go_live: '上线' };

function alertText(a: { kind: string; number: string; title: string; customer_name: string; seq: number; due_date: string; milestone: string | null; trigger: string }) {
  const late = a.kind === 'delivery_late';
  // a milestone a template wrote as a code ('acceptance') reads in Chinese; one typed by a person stays as written
  const eventZh = (a.milestone ? MILESTONE_ZH[a.milestone] ?? a.milestone : null) ?? TRIGGER_ZH[a.trigger] ?? a.trigger;
  const eventEn = a.milestone ?? a.trigger.replace('on_', '');
  return {
    'zh-CN': {
      title: `${a.number}：${late ? '交付逾期' : '回款计划未开应收'}`,
      body: `${a.title} · ${a.customer_name}：${late ? `预计 ${a.due_date} 的${eventZh}尚未发生` : `第 ${a.seq} 期（${a.due_date} 到期）尚未生成应收`}`,
    },
    en: {
      title: `${a.number}: ${late ? 'delivery late' : 'instalment not invoiced'}`,
      body: `${a.title} · ${a.customer_name}: ${late ? `${eventEn} expected ${a.due_date} has not happened` : `instalment ${a.seq} due ${a.due_date} has no receivable`}`,
    },
  };
}

const NOTIFIED_KINDS = new Set(['not_invoiced', 'delivery_late']); // unpaid receivables are the overdue job's to chase

/**
 * The daily job: in every tenant, notify the contract's owner (and the instalment's) of each instalment whose date
 * passed unfulfilled. The dedupe key holds the day, so a rerun on the same day — or a second server — adds nothing.
 */
export async function runPerformanceAlerts(db: Db, now = new Date()): Promise<{ alerts: number; notified: number }> {
  const tenants = await asSystem(db, (tx) => listTenants(tx));
  let alerts = 0;
  let notified = 0;
  for (const t of tenants) {
    const today = businessDate(now, t.timezone);
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:contracts.performance-alerts' };
    // counted inside the transaction and added once it committed: inTenant may run it again after a deadlock
    const n = await inTenant(db, actor, async (tx) => {
      const counts = { alerts: 0, notified: 0 };
      for (const a of await lq.alerts(tx, today, q.anyScope, 10_000)) {
        if (!NOTIFIED_KINDS.has(a.kind)) continue;
        counts.alerts++;
        const text = alertText(a);
        for (const userId of new Set([a.owner_id, a.instalment_owner_id].filter((x): x is string => !!x))) {
          const created = await sendNotice(tx, t.id, {
            userId, kind: `contract.${a.kind}`, text, entityType: 'contract', entityId: a.contract_id,
            dedupeKey: `contract-alert:${a.kind}:${a.instalment_id}:${today}`,
          });
          if (created) counts.notified++;
        }
      }
      return counts;
    });
    alerts += n.alerts;
    notified += n.notified;
  }
  return { alerts, notified };
}

export const performanceAlertsJob: JobDefinition = { name: 'contracts.performance-alerts', run: (db, now) => runPerformanceAlerts(db, now) };

/**
 * Date instalments due on or before `asOf` without a receivable, in the shape createReceivableFromTrigger takes, for
 * the daily plan-date job (it books them; the source key makes a second booking a no-op).
 */
export async function dueInstalments(tx: Tx, asOf: string, limit = 1000) {
  return (await lq.dueDateInstalments(tx, asOf, limit)).map((r) => ({
    customerId: r.customer_id, contractId: r.contract_id, instalmentId: r.instalment_id, source: 'plan_date' as const,
    sourceKey: `instalment:${r.instalment_id}`, amount: roundMoney(r.amount, r.currency), taxAmount: roundMoney(r.tax_amount, r.currency),
    currency: r.currency, businessDate: r.due_date, dueDate: addDays(r.due_date, r.due_days_after_trigger), ownerId: r.owner_id,
  }));
}

export type DeliveryTarget = { instalmentId: string } | { milestone: string };

/**
 * A delivery or an accepted milestone happened: book the receivables of the matching on-delivery / on-acceptance
 * instalments (idempotent) through `book`, and move a signed contract into performance. For orders and projects to call
 * inside their own transaction.
 */
export async function markDeliveredTx(tx: Tx, actor: Actor, row: q.ContractRow, target: DeliveryTarget, on: string, book: BookInstalment) {
  if (!['signed', 'in_performance'].includes(row.status)) throw contractError('bad_status', `A ${row.status} contract has no deliveries`);
  const plan = await q.instalmentsOf(tx, row.id, true);
  const hits = plan.filter((i) => (i.trigger === 'on_delivery' || i.trigger === 'on_acceptance') && !i.triggered_on
    && ('instalmentId' in target ? i.id === target.instalmentId : i.milestone === target.milestone || (target.milestone === 'delivery' && i.trigger === 'on_delivery' && !i.milestone)));
  if (hits.length === 0) throw contractError('instalment_not_found');
  const booked: string[] = [];
  for (const i of hits) {
    const id = await instalmentTriggered(tx, actor, book, row, i, i.trigger === 'on_delivery' ? 'delivery' : 'milestone', on);
    if (id) booked.push(id);
  }
  await recordAudit(tx, actor, {
    action: 'deliver', entityType: 'contract', entityId: row.id,
    changes: [{ field: 'delivered', before: null, after: { on, instalments: hits.map((i) => i.seq), milestone: 'milestone' in target ? target.milestone : null } }],
  });
  await startPerformance(tx, actor, row, 'milestone' in target ? { code: 'delivered_milestone', milestone: target.milestone } : { code: 'delivered_instalment', seq: hits[0]!.seq });
  return booked;
}

export async function markDelivered(db: Db, auth: AuthContext, contractId: string, target: DeliveryTarget | string, deliveredOn: string | undefined, book: BookInstalment) {
  const t: DeliveryTarget = typeof target === 'string' ? (/^[0-9a-f-]{36}$/i.test(target) ? { instalmentId: target } : { milestone: target }) : target;
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, contractId, true);
    await markDeliveredTx(tx, auth, row, t, deliveredOn ?? todayFor(auth), book);
    return toContract(tx, (await q.findContract(tx, contractId, q.anyScope))!);
  });
}
