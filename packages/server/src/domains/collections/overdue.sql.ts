// Queries of the daily overdue job only: its tenants, its run lock and the overdue notices (read-only over receivables;
// the marks are receivables' markOverdue, the risk flag credit's flagOverdueCustomers). Idempotent for a given day:
// notifications are inserts that skip what is there.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

/**
 * Money in a notice's text, grouped and with the symbol of the reader's language, as formatMoney (@l2c/shared) writes
 * it: ¥170,280.00 (zh), CN¥170,280.00 (en), USD 1,200.00; JPY without decimals. Set-based, so in SQL.
 */
function moneyText(amount: string, currency: string, lang: 'zh' | 'en'): RawBuilder<string> {
  const a = sql.ref(amount);
  const c = sql.ref(currency);
  return sql<string>`(case when ${c} = 'CNY' then ${lang === 'zh' ? '¥' : 'CN¥'} else ${c} || ' ' end)
    || to_char(${a}, case when ${c} = 'JPY' then 'FM999,999,999,999,990' else 'FM999,999,999,999,990.00' end)`;
}

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

/**
 * Customers whose confirmed, unapplied cash (received by `today`) covers all they have overdue, in every currency:
 * they have paid, finance has not applied it yet — they are not chased (dunning lists them for finance instead).
 */
const COVERED = (today: string) => sql`
  select d.customer_id from (select customer_id, currency, sum(amount_open) as due from receivables
      where kind = 'invoice' and amount_open > 0 and due_date < ${today}::date group by customer_id, currency) d
    left join (select customer_id, currency, sum(amount_unapplied) as cash from payments
      where status = 'confirmed' and amount_unapplied > 0 and received_on <= ${today}::date group by customer_id, currency) p
      on p.customer_id = d.customer_id and p.currency = d.currency
  group by d.customer_id having bool_and(coalesce(p.cash, 0) >= d.due)`;

/**
 * One notice per overdue invoice per recipient per day (not for customers whose unapplied cash covers it), to: the responsible owner (the receivable's, else the
 * customer's), the manager of the owner's team (or of the nearest team above it that has one), and every active
 * finance user. Columns as notifications.insertFrom wants them; the text follows each recipient's language.
 */
export function overdueNotices(today: string) {
  return sql`
    with recursive od as (
      select r.id, r.number, r.amount_open, r.currency, r.due_date, c.name as customer_name, coalesce(r.owner_id, c.owner_id) as owner_id,
        (${today}::date - r.due_date) as days
      from receivables r join customers c on c.id = r.customer_id where ${OVERDUE(today)} and r.customer_id not in (${COVERED(today)})),
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
      case when u.locale like 'zh%' then '客户 ' || od.customer_name || '，未收 ' || ${moneyText('od.amount_open', 'od.currency', 'zh')} || '，到期日 ' || od.due_date::text
           else od.customer_name || ': ' || ${moneyText('od.amount_open', 'od.currency', 'en')} || ' open, due ' || od.due_date::text end as body,
      'receivable' as entity_type, od.id as entity_id, 'overdue:' || od.id::text || ':' || ${today} as dedupe_key
    from recipients rc join od on od.id = rc.id join users u on u.id = rc.user_id and u.active`;
}
