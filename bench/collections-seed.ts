// Bench data for collections: one tenant ('bench-ar') with a small sales organisation, C customers and N receivables
// (30% open), inserted with INSERT … SELECT generate_series as the owner role, in batches; plus one customer with S receivables,
// payments and write-offs for the statement. Facts and projections agree (open = amount − allocations), so the as-of
// report and the statement read consistent data. Deterministic.
import { sql } from 'kysely';
import { asSystem, type Db, type Tx } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';

export const AR_PASSWORD = 'bench-pass-1';
export interface ArUser { id: string; email: string; role: string; teamId: string | null }
export interface ArTenant { tenantId: string; slug: string; admin: ArUser; finance: ArUser; manager: ArUser; statementCustomer: string; today: string }

export async function seedOrg(db: Db, slug: string, today: string): Promise<Omit<ArTenant, 'statementCustomer'>> {
  const passwordHash = await hashPassword(AR_PASSWORD);
  return asSystem(db, async (tx) => {
    const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values (${slug}, '杭州云帆智能科技有限公司（应收基准）') returning id`.execute(tx)).rows[0]!.id;
    const team = async (name: string, parent: string | null) =>
      (await sql<{ id: string }>`insert into teams (tenant_id, name, parent_id) values (${tenantId}, ${name}, ${parent}) returning id`.execute(tx)).rows[0]!.id;
    let n = 0;
    const user = async (role: string, teamId: string | null): Promise<ArUser> => {
      const email = `ar${++n}@${slug}.l2c.cn`;
      const id = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, team_id, password_hash)
        values (${tenantId}, ${email}, ${`用户${n}`}, ${role}, ${teamId}, ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
      return { id, email, role, teamId };
    };
    const admin = await user('admin', null);
    const finance = await user('finance', null);
    const center = await team('销售中心', null);
    let manager: ArUser | null = null;
    for (const region of ['华东大区', '华北大区', '华南大区']) {
      const regionId = await team(region, center);
      const m = await user('sales_manager', regionId);
      manager ??= m;
      await sql`update teams set manager_id = ${m.id} where id = ${regionId}`.execute(tx);
      for (let g = 1; g <= 2; g++) {
        const groupId = await team(`${region}${g}组`, regionId);
        for (let r = 0; r < 3; r++) await user('sales_rep', groupId);
      }
    }
    return { tenantId, slug, admin, finance, manager: manager!, today };
  });
}

/**
 * Bulk load: foreign-key triggers off for this transaction (the rows are consistent by construction). A per-row
 * foreign-key check costs ~0.3 ms on PGlite, which is most of the seed time of a million rows.
 */
async function bulkLoad(tx: Tx) {
  await sql`set local session_replication_role = replica`.execute(tx);
}

/** C customers owned round-robin by the reps and managers, with a region each. */
export async function seedCustomers(db: Db, tenantId: string, customers: number) {
  await asSystem(db, async (tx) => {
    await sql`
      with owners as (select array_agg(id order by email) as ids from users where tenant_id = ${tenantId} and role in ('sales_rep', 'sales_manager'))
      insert into customers (tenant_id, number, name, name_key, region, owner_id, created_at)
      select ${tenantId}::uuid, 'KH-B-' || lpad(i::text, 7, '0'), '基准客户' || i || '有限公司', '基准客户' || i,
        (array['浙江省杭州市','上海市','江苏省苏州市','北京市','广东省深圳市','四川省成都市'])[1 + i % 6],
        o.ids[1 + i % array_length(o.ids, 1)], now() - interval '800 days'
      from generate_series(1, ${customers}) i, owners o`.execute(tx);
  });
}

/**
 * N receivables over the last two years, spread over the customers; 70% are paid in full by a rebate-type allocation
 * (no payment row needed) dated 0–59 days after booking, so the projection and the facts agree. One write-off header
 * per customer carries those allocations. Set-based: batches of `batch` rows, each one statement that inserts the
 * receivables and the allocations of the paid ones (a transaction per batch, so 10M rows do not sit in one).
 */
export async function seedReceivables(db: Db, tenantId: string, receivables: number, today: string, batch = 1_000_000, progress?: (done: number) => void) {
  const n = await asSystem(db, async (tx) => {
    await sql`
      insert into write_offs (tenant_id, number, customer_id, kind, applied_on, total, memo)
      select ${tenantId}::uuid, 'HX-B-' || lpad((row_number() over (order by c.number))::text, 8, '0'), c.id, 'apply', ${today}::date, 0, 'bench'
      from customers c where c.tenant_id = ${tenantId} and c.number like 'KH-B-%'`.execute(tx);
    await sql`analyze write_offs`.execute(tx);
    return (await sql<{ n: number }>`select count(*)::int as n from customers where tenant_id = ${tenantId} and number like 'KH-B-%'`.execute(tx)).rows[0]!.n;
  });
  for (let lo = 1; lo <= receivables; lo += batch) {
    const hi = Math.min(receivables, lo + batch - 1);
    await asSystem(db, async (tx) => {
      await bulkLoad(tx);
      await sql`
        with c as (select c.id, c.owner_id, w.id as write_off_id, row_number() over (order by c.number) - 1 as k
                   from customers c join write_offs w on w.tenant_id = c.tenant_id and w.customer_id = c.id and w.memo = 'bench'
                   where c.tenant_id = ${tenantId} and c.number like 'KH-B-%'),
        g as (select i, (1000 + (i::bigint * 7919) % 99000 + ((i::bigint * 31) % 100) / 100.0)::numeric(18,2) as amount,
                     (${today}::date - (i % 730))::date as bd, abs(hashint4(i)::bigint) % 10 < 3 as open
              from generate_series(${lo}::int, ${hi}::int) i),
        r as (
          insert into receivables (tenant_id, id, number, customer_id, kind, source, currency, amount, tax_amount, business_date, due_date, owner_id, amount_open, created_at)
          select ${tenantId}::uuid, gen_random_uuid(), 'YS-B-' || lpad(g.i::text, 8, '0'), c.id, 'invoice', 'manual', 'CNY', g.amount, round(g.amount * 0.13 / 1.13, 2),
            g.bd, g.bd + (array[30, 30, 60, 90])[1 + g.i % 4], c.owner_id, case when g.open then g.amount else 0 end, now()
          from g join c on c.k = g.i % ${n}
          returning id, number, amount, amount_open, business_date, customer_id)
        insert into allocations (tenant_id, write_off_id, receivable_id, source_type, amount, applied_on)
        select ${tenantId}::uuid, c.write_off_id, r.id, 'rebate', r.amount, least(r.business_date + (hashtext(r.number) & 63) % 60, ${today}::date)
        from r join c on c.id = r.customer_id where r.amount_open = 0`.execute(tx);
    });
    progress?.(hi);
  }
  await asSystem(db, async (tx) => {
    await sql`update write_offs w set total = s.total
      from (select a.write_off_id, sum(a.amount) as total from allocations a where a.tenant_id = ${tenantId} group by 1) s
      where s.write_off_id = w.id and w.tenant_id = ${tenantId} and w.memo = 'bench'`.execute(tx);
  });
}

/**
 * The aging summary (migration 020) from the facts: the seed loads with triggers off, so the summary is recomputed
 * once at the end, set-based (aging_rebuild), with room to sort ~1.7 steps per receivable in memory.
 */
export async function seedAgingSummary(db: Db, tenantId: string) {
  await asSystem(db, async (tx) => {
    await sql`set local work_mem = '512MB'`.execute(tx);
    await sql`select aging_rebuild(${tenantId}::uuid)`.execute(tx);
  });
}

/**
 * The statement customer: S receivables over two years; 70% of them paid two at a time by a confirmed payment and a
 * write-off of its own (one payment line and one write-off per pair in the statement).
 */
export async function seedStatementCustomer(db: Db, tenantId: string, ownerId: string, count: number, today: string): Promise<string> {
  return asSystem(db, async (tx) => {
    await bulkLoad(tx);
    const id = (await sql<{ id: string }>`insert into customers (tenant_id, number, name, name_key, region, owner_id)
      values (${tenantId}, 'KH-S-0000001', '宁波对账单基准测试集团有限公司', '宁波对账单基准测试集团', '浙江省宁波市', ${ownerId}) returning id`.execute(tx)).rows[0]!.id;
    await sql`
      insert into receivables (tenant_id, number, customer_id, kind, source, currency, amount, tax_amount, business_date, due_date, owner_id, amount_open)
      select ${tenantId}::uuid, 'YS-S-' || lpad(i::text, 8, '0'), ${id}::uuid, 'invoice', 'manual', 'CNY', a, 0, bd, bd + 30, ${ownerId}::uuid,
        case when i <= ${Math.floor(count * 0.7 / 2) * 2} then 0 else a end
      from (select i, (500 + (i::bigint * 7919) % 20000 + ((i::bigint * 17) % 100) / 100.0)::numeric(18,2) as a,
                   (${today}::date - 730 + (i::bigint * 730 / ${count})::int)::date as bd from generate_series(1, ${count}) i) g`.execute(tx);
    await sql`analyze receivables`.execute(tx);
    // Pair k pays receivables 2k−1 and 2k, received on the later one's due date (at most today).
    await sql`
      with pairs as (
        select (r.i + 1) / 2 as k, sum(r.amount) as total, least(max(r.due_date), ${today}::date) as on_day
        from (select amount, due_date, substr(number, 6)::int as i from receivables where customer_id = ${id} and amount_open = 0) r group by 1),
      p as (
        insert into payments (tenant_id, number, customer_id, currency, amount, amount_unapplied, received_on, method, status, confirmed_at)
        select ${tenantId}::uuid, 'HK-S-' || lpad(k::text, 8, '0'), ${id}::uuid, 'CNY', total, 0, on_day, 'bank_transfer', 'confirmed', now() from pairs
        returning id, number, received_on, amount)
      insert into write_offs (tenant_id, number, customer_id, kind, applied_on, total, memo)
      select ${tenantId}::uuid, 'HX-S-' || substr(p.number, 6), ${id}::uuid, 'apply', p.received_on, p.amount, p.number from p`.execute(tx);
    await sql`analyze payments`.execute(tx);
    await sql`analyze write_offs`.execute(tx);
    await sql`
      insert into allocations (tenant_id, write_off_id, receivable_id, source_type, payment_id, amount, applied_on)
      select ${tenantId}::uuid, w.id, r.id, 'payment', p.id, r.amount, w.applied_on
      from receivables r
        join payments p on p.customer_id = r.customer_id and p.number = 'HK-S-' || lpad(((substr(r.number, 6)::int + 1) / 2)::text, 8, '0')
        join write_offs w on w.customer_id = r.customer_id and w.memo = p.number
      where r.customer_id = ${id} and r.amount_open = 0`.execute(tx);
    return id;
  });
}

/** A tenant seeded by an earlier run (BENCH_AR_REUSE=1): seedOrg's users by their e-mail order, the statement customer. */
export async function findSeeded(db: Db, slug: string, today: string): Promise<ArTenant> {
  return asSystem(db, async (tx) => {
    const tenantId = (await sql<{ id: string }>`select id from tenants where slug = ${slug}`.execute(tx)).rows[0]!.id;
    const users = (await sql<ArUser & { email: string }>`select id, email, role, team_id as "teamId" from users
      where tenant_id = ${tenantId} order by substr(split_part(email, '@', 1), 3)::int`.execute(tx)).rows;
    const statementCustomer = (await sql<{ id: string }>`select id from customers where tenant_id = ${tenantId} and number = 'KH-S-0000001'`.execute(tx)).rows[0]!.id;
    return { tenantId, slug, admin: users[0]!, finance: users[1]!, manager: users.find((u) => u.role === 'sales_manager')!, statementCustomer, today };
  });
}

export async function analyzeAr(db: Db): Promise<void> {
  for (const t of ['receivables', 'allocations', 'customers', 'users', 'teams', 'payments', 'write_offs', 'aging_summary', 'aging_customer', 'aging_deltas']) await db.pool.query(`vacuum analyze ${t}`);
}
