// Queries of the daily overdue job only. Each statement is idempotent for a given day, so a rerun, or a second process
// running it at the same moment, changes nothing more: updates re-check their WHERE after waiting on a row lock, and
// notifications and risk flags are inserts that skip what is there.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function tenants(tx: Tx, only: string[] | null) {
  const r = await sql<{ id: string; timezone: string }>`select id, timezone from tenants
    where ${only ? sql`id = any(${only}::uuid[])` : sql`true`} order by id`.execute(tx);
  return r.rows;
}

/**
 * Runs of the job in one tenant queue behind each other (two processes, or a manual run beside the scheduled one):
 * each step is idempotent anyway, but two runs updating and inserting the same rows in different orders could
 * deadlock. The lock ends with the transaction.
 */
export async function lockTenantRun(tx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`collections.overdue:${tenantId}`}))`.execute(tx);
}

const OVERDUE = (today: string) => sql`r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date`;

// The marks are a flag, not money, and can run to thousands on a first run: their audit rows are written in the same
// statement (the same shape recordAudit writes), not one round trip each.
function auditMarks(tenantId: string, action: string, before: unknown, after: unknown) {
  return sql`insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes, request_id)
    select ${tenantId}::uuid, null, ${action}, 'receivable', id,
      jsonb_build_array(jsonb_build_object('field', 'overdueMarkedOn', 'before', ${JSON.stringify(before)}::jsonb, 'after', ${JSON.stringify(after)}::jsonb)),
      'job:collections.overdue'`;
}

/** Mark newly overdue invoices with the day they were found overdue; returns how many. */
export async function markOverdue(tx: Tx, tenantId: string, today: string): Promise<number> {
  const r = await sql<{ n: number }>`
    with marked as (update receivables r set overdue_marked_on = ${today}::date
      where ${OVERDUE(today)} and r.overdue_marked_on is null returning r.id),
    audited as (${auditMarks(tenantId, 'mark_overdue', null, today)} from marked returning 1)
    select count(*)::int as n from marked`.execute(tx);
  return r.rows[0]!.n;
}

/** Clear the mark of invoices no longer overdue (paid, written off, or a corrected due date). */
export async function clearOverdue(tx: Tx, tenantId: string, today: string): Promise<number> {
  const r = await sql<{ n: number }>`
    with cleared as (update receivables r set overdue_marked_on = null
      where r.overdue_marked_on is not null and not (${OVERDUE(today)}) returning r.id),
    audited as (${auditMarks(tenantId, 'clear_overdue', 'marked', null)} from cleared returning 1)
    select count(*)::int as n from cleared`.execute(tx);
  return r.rows[0]!.n;
}

/**
 * One notice per overdue invoice per recipient per day, to: the responsible owner (the receivable's, else the
 * customer's), the manager of the owner's team (or of the nearest team above it that has one), and every active
 * finance user. Columns as notifications.insertFrom wants them; the text follows each recipient's language.
 */
export function overdueNotices(today: string) {
  return sql`
    with recursive od as (
      select r.id, r.number, r.amount_open, r.currency, r.due_date, c.name as customer_name, coalesce(r.owner_id, c.owner_id) as owner_id,
        (${today}::date - r.due_date) as days
      from receivables r join customers c on c.id = r.customer_id where ${OVERDUE(today)}),
    up(owner_id, next_team, manager_id, depth) as (
      select o.id, t.parent_id, t.manager_id, 0 from users o join teams t on t.id = o.team_id
      where o.id in (select owner_id from od where owner_id is not null)
      union all
      select up.owner_id, t.parent_id, t.manager_id, up.depth + 1 from up join teams t on t.id = up.next_team
      where up.manager_id is null and up.depth < 20),
    manager as (select distinct on (owner_id) owner_id, manager_id from up where manager_id is not null order by owner_id, depth),
    recipients as (
      select od.id, od.owner_id as user_id from od where od.owner_id is not null
      union
      select od.id, m.manager_id from od join manager m on m.owner_id = od.owner_id
      union
      select od.id, f.id from od cross join users f where f.role = 'finance')
    select u.id as user_id, 'overdue' as kind,
      case when u.locale like 'zh%' then '逾期提醒：应收 ' || od.number || ' 已逾期 ' || od.days || ' 天'
           else 'Overdue: receivable ' || od.number || ' is ' || od.days || ' days past due' end as title,
      case when u.locale like 'zh%' then '客户 ' || od.customer_name || '，未收 ' || od.currency || ' ' || od.amount_open::text || '，到期日 ' || od.due_date::text
           else od.customer_name || ': ' || od.currency || ' ' || od.amount_open::text || ' open, due ' || od.due_date::text end as body,
      'receivable' as entity_type, od.id as entity_id, 'overdue:' || od.id::text || ':' || ${today} as dedupe_key
    from recipients rc join od on od.id = rc.id join users u on u.id = rc.user_id and u.active`;
}

/**
 * Customers with money more than `days` days past due become high risk. Upsert the credit profile (a customer may not
 * have one yet); returns those whose level changed, with the level before, for the audit trail.
 */
export async function flagHighRisk(tx: Tx, tenantId: string, today: string, days: number) {
  const r = await sql<{ customer_id: string; before: string | null }>`
    with target as (
      select distinct r.customer_id from receivables r
      where r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date - ${days}::int),
    old as (select cp.customer_id, cp.risk_level from credit_profiles cp where cp.customer_id in (select customer_id from target)),
    up as (
      insert into credit_profiles (tenant_id, customer_id, risk_level) select ${tenantId}::uuid, customer_id, 'high' from target
      on conflict (tenant_id, customer_id) do update set risk_level = 'high', version = credit_profiles.version + 1, updated_at = now()
        where credit_profiles.risk_level <> 'high'
      returning customer_id)
    select up.customer_id, old.risk_level as before from up left join old on old.customer_id = up.customer_id
    order by up.customer_id`.execute(tx);
  return r.rows;
}
