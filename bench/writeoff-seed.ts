// Bench data for payments + automatic write-off: one tenant ('bench-wo') with an admin, a finance user and a few
// reps, and groups of customers, each customer with M open invoices (due dates ten days apart, the first the oldest),
// inserted with INSERT … SELECT generate_series as the owner role. Every path of the bench gets its own group of the
// same shape, so no path pays (or finds paid) what another one did. Deterministic.
import { sql } from 'kysely';
import { asSystem, type Db } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';

export const WO_PASSWORD = 'bench-pass-1';
export interface WoUser { id: string; email: string; name: string; role: string }
export interface WoTenant { tenantId: string; slug: string; admin: WoUser; finance: WoUser; reps: WoUser[] }
/** One payment to make: the customer and the amount that pays its three oldest open invoices exactly. */
export interface WoTarget { customerId: string; number: string; amount: string }

export async function seedWoOrg(db: Db, slug: string): Promise<WoTenant> {
  const passwordHash = await hashPassword(WO_PASSWORD);
  return asSystem(db, async (tx) => {
    const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values (${slug}, '杭州云帆智能科技有限公司（核销基准）') returning id`.execute(tx)).rows[0]!.id;
    const teamId = (await sql<{ id: string }>`insert into teams (tenant_id, name) values (${tenantId}, '华东大区') returning id`.execute(tx)).rows[0]!.id;
    let n = 0;
    const user = async (role: string, name: string, team: string | null): Promise<WoUser> => {
      const email = `wo${++n}@${slug}.l2c.cn`;
      const id = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, team_id, password_hash)
        values (${tenantId}, ${email}, ${name}, ${role}, ${team}, ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
      return { id, email, name, role };
    };
    const admin = await user('admin', '王磊', null);
    const finance = await user('finance', '周静', null);
    const reps = [await user('sales_rep', '李娜', teamId), await user('sales_rep', '刘洋', teamId), await user('sales_rep', '赵敏', teamId)];
    return { tenantId, slug, admin, finance, reps };
  });
}

/**
 * `customers` customers numbered KH-W-<tag>-000001…, each with `invoices` open invoices (YS-W-<tag>-000001-01…):
 * business dates 10 days apart ending 30 days ago, due 30 days after booking, so the first is the oldest due.
 * Amounts 1,000–100,000 with cents; with `equal`, all invoices of a customer have the same amount (so any three
 * consecutive ones are paid exactly by 3 × that amount). Returns, in customer-number order, what pays the three
 * oldest invoices of each customer.
 */
export async function seedWoGroup(db: Db, tenantId: string, tag: string, customers: number, invoices: number, today: string, equal = false): Promise<WoTarget[]> {
  return asSystem(db, async (tx) => {
    // Bulk load: foreign-key triggers off for this transaction (the rows are consistent by construction).
    await sql`set local session_replication_role = replica`.execute(tx);
    // One statement: the customers, then their invoices from what the insert returns (no join on a fresh table
    // without statistics); then what pays each customer's three oldest, in one pass over the group's invoices.
    await sql`
      with owners as (select array_agg(id order by email) as ids from users where tenant_id = ${tenantId} and role = 'sales_rep'),
      c as (
        insert into customers (tenant_id, number, name, name_key, region, owner_id, created_at)
        select ${tenantId}::uuid, 'KH-W-' || ${tag} || '-' || lpad(i::text, 6, '0'), '核销基准客户' || ${tag} || i || '有限公司', '核销基准客户' || ${tag} || i,
          '浙江省杭州市', o.ids[1 + i % array_length(o.ids, 1)], now() - interval '400 days'
        from generate_series(1, ${customers}) i, owners o
        returning id, owner_id, number)
      insert into receivables (tenant_id, number, customer_id, kind, source, currency, amount, tax_amount, business_date, due_date, owner_id, amount_open)
      select ${tenantId}::uuid, 'YS-W-' || ${tag} || '-' || lpad(g.i::text, 6, '0') || '-' || lpad(g.k::text, 2, '0'), g.id, 'invoice', 'manual', 'CNY',
        g.amount, round(g.amount * 0.13 / 1.13, 2), g.bd, g.bd + 30, g.owner_id, g.amount
      from (select c.id, c.owner_id, i, k, (${today}::date - 30 - 10 * (${invoices} - k))::date as bd,
              (1000 + (i::bigint * 7919 + (case when ${equal}::boolean then 0 else k end) * 104729) % 99000
                    + ((i::bigint * 31 + (case when ${equal}::boolean then 0 else k end) * 17) % 100) / 100.0)::numeric(18,2) as amount
            from c cross join lateral (select right(c.number, 6)::int as i) n, generate_series(1, ${invoices}) k) g`.execute(tx);
    // The aging summary (migration 020) is kept by triggers, which this bulk load has off: recompute it from the facts,
    // or the aging report of this tenant (the soak reads it) would miss these invoices.
    await sql`select aging_rebuild(${tenantId}::uuid)`.execute(tx);
    const r = await sql<WoTarget & { customer_id: string }>`
      select x.customer_id, c.number, sum(x.amount)::text as amount
      from (select customer_id, amount, row_number() over (partition by customer_id order by due_date, business_date, number) as n
            from receivables where tenant_id = ${tenantId} and number like ${`YS-W-${tag}-%`}) x
      join customers c on c.id = x.customer_id
      where x.n <= 3 group by x.customer_id, c.number order by c.number`.execute(tx);
    return r.rows.map((x) => ({ customerId: x.customer_id, number: x.number, amount: x.amount }));
  });
}

/** What autovacuum would do shortly after a bulk load (PGlite never does it by itself). */
export async function analyzeWo(db: Db): Promise<void> {
  for (const t of ['customers', 'receivables', 'payments', 'write_offs', 'allocations', 'account_entries', 'audit_log', 'idempotency_keys', 'doc_sequences', 'users']) {
    await db.pool.query(`vacuum analyze ${t}`);
  }
}
