// Bank matching bench (run by `npm run bench`, or alone: `npm run bench:bank`). BENCH_BANK_LINES statement lines
// (10,000) against BENCH_BANK_RECEIVABLES open receivables (100,000) of BENCH_BANK_CUSTOMERS customers (10,000):
//   (a) the matcher — flows/bank-reconciliation matchLinesTx: its six set-based candidate statements, the rules of
//       matching.ts in memory, and the proposals stored — target < 5 s;
//   (b) in the same run, the bare SQL join that finds every exact-amount candidate of the same lines (owner role, no
//       RLS, no transaction, no rules), the floor any matcher that looks at amounts pays.
// The lines are a month of a busy account: 30% name a receivable number in the remittance text, 30% come from a payer
// whose name is the customer's and pay one receivable, 10% pay two receivables of the customer at once, 15% come from an
// unknown payer with an amount some receivable has, 15% match nothing. PGlite in a temporary data directory by
// default; with DATABASE_URL, that PostgreSQL (a fresh database). See docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem, inTenant } from '../packages/server/src/platform/db.js';
import { matchLinesTx } from '../packages/server/src/flows/bank-reconciliation/index.js';
import { envInt, log, percentile, table } from './lib.js';
import { seedCustomers, seedOrg } from './collections-seed.js';
import { recordFigure } from './figures.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const LINES = envInt('BENCH_BANK_LINES', 10_000);
const RECEIVABLES = envInt('BENCH_BANK_RECEIVABLES', 100_000);
const CUSTOMERS = envInt('BENCH_BANK_CUSTOMERS', 10_000);
const RUNS = envInt('BENCH_BANK_RUNS', 3);
const SLUG = 'bench-bank';
const TODAY = '2026-11-30';

/** Open receivables (amount_open = amount, no allocations: consistent) and one statement of LINES unclaimed lines. */
async function seed(l2c: L2C, tenantId: string, financeId: string) {
  await asSystem(l2c.db, async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx); // bulk load: no per-row FK checks or triggers
    await sql`
      with c as (select id, owner_id, row_number() over (order by number) - 1 as k from customers where tenant_id = ${tenantId})
      insert into receivables (tenant_id, number, customer_id, kind, source, currency, amount, tax_amount, business_date, due_date, owner_id, amount_open)
      select ${tenantId}::uuid, 'YS-2026-' || lpad(i::text, 6, '0'), c.id, 'invoice', 'manual', 'CNY', a, 0, ${TODAY}::date - (i % 300), ${TODAY}::date - (i % 300) + 30, c.owner_id, a
      from (select i, (1000 + (i::bigint * 7919) % 99000 + ((i::bigint * 31) % 100) / 100.0)::numeric(18,2) as a from generate_series(1, ${RECEIVABLES}) i) g
      join c on c.k = g.i % ${CUSTOMERS}`.execute(tx);
    await sql`analyze receivables`.execute(tx);
    await sql`analyze customers`.execute(tx);
    const importId = (await sql<{ id: string }>`insert into bank_statement_imports (tenant_id, file_name, sha256, format, imported_by)
      values (${tenantId}, 'bench.sta', 'bench', 'mt940', ${financeId}) returning id`.execute(tx)).rows[0]!.id;
    const statementId = (await sql<{ id: string }>`insert into bank_statements (tenant_id, import_id, fingerprint, seq, account, currency, opening_balance,
        closing_balance, credits, debits, line_count, status) values (${tenantId}, ${importId}, 'bench', 1, '6214830000009999', 'CNY', 0, 0, 0, 0, ${LINES}, 'balanced')
      returning id`.execute(tx)).rows[0]!.id;
    // Line i: its kind by i % 20 (6 reference, 6 payer + one receivable, 2 payer + two receivables, 3 amount only, 3 nothing).
    await sql`
      with r as (select r.number, r.amount, c.name, row_number() over (order by r.number) as k from receivables r join customers c on c.id = r.customer_id
                 where r.tenant_id = ${tenantId}),
      g as (select i, i % 20 as kind, 1 + (i::bigint * 104729) % ${RECEIVABLES} as k from generate_series(1, ${LINES}) i),
      l as (
        select g.i,
          case when g.kind < 6 then r.amount when g.kind < 12 then r.amount when g.kind < 14 then r.amount + r2.amount
               when g.kind < 17 then r.amount else 7.77 + g.i end as amount,
          case when g.kind between 6 and 13 then r.name when g.kind < 6 then '某代付公司' || g.i else '个人' || g.i end as payer,
          case when g.kind < 6 then '货款 ' || r.number else '付款' end as text
        from g join r on r.k = g.k
          left join r r2 on r2.k = g.k + ${CUSTOMERS} and r2.name = r.name),
      p as (
        insert into payments (tenant_id, number, customer_id, currency, amount, amount_unapplied, received_on, method, payer_name, status, registered_by)
        select ${tenantId}::uuid, 'HK-2026-' || lpad(l.i::text, 6, '0'), null, 'CNY', l.amount, l.amount, ${TODAY}::date, 'bank_transfer', l.payer, 'unclaimed', ${financeId}::uuid
        from l where l.amount is not null returning id, number)
      insert into bank_statement_lines (tenant_id, statement_id, seq, fingerprint, booked_on, direction, currency, amount, payer_name, remittance, status, payment_id)
      select ${tenantId}::uuid, ${statementId}::uuid, l.i, 'bench-' || l.i, ${TODAY}::date, 'credit', 'CNY', l.amount, l.payer, l.text, 'unclaimed', p.id
      from l join p on p.number = 'HK-2026-' || lpad(l.i::text, 6, '0')`.execute(tx);
    await sql`analyze bank_statement_lines`.execute(tx);
    await sql`analyze payments`.execute(tx);
  });
}

async function main() {
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-bank-'));
  let l2c: L2C | null = null;
  try {
    l2c = await createApp({
      databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false,
      logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null,
    });
    const db = l2c.db;
    const t0 = performance.now();
    const org = await seedOrg(db, SLUG, TODAY);
    await seedCustomers(db, org.tenantId, CUSTOMERS);
    await seed(l2c, org.tenantId, org.finance.id);
    log(`seeded ${CUSTOMERS} customers, ${RECEIVABLES} open receivables, ${LINES} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const actor = { tenantId: org.tenantId, userId: org.finance.id, timeZone: 'Asia/Shanghai' };
    const lineIds = (await sql<{ id: string }>`select id from bank_statement_lines where tenant_id = ${org.tenantId} order by seq`.execute(db.kysely)).rows.map((r) => r.id);

    const matcher: number[] = [];
    const bare: number[] = [];
    // CPU time of this process as well: on PGlite the database runs in-process, so it is the whole work of each side,
    // and unlike wall time it does not grow when other work shares the cores
    const matcherCpu: number[] = [];
    const bareCpu: number[] = [];
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    let rules: Record<string, number> = {};
    let candidates = 0;
    for (let run = 0; run < RUNS; run++) {
      // alternate the order, so neither side always runs on a warmer cache
      const doBare = async () => {
        const s = performance.now();
        const c0 = cpu();
        const r = await db.pool.query(`select l.id as line_id, r.id as receivable_id from bank_statement_lines l
          join receivables r on r.tenant_id = l.tenant_id and r.amount_open = l.amount and r.currency = l.currency and r.kind = 'invoice' and r.amount_open > 0
          where l.tenant_id = $1 and l.status = 'unclaimed'`, [org.tenantId]);
        bare.push(performance.now() - s);
        bareCpu.push(cpu() - c0);
        candidates = r.rows.length;
      };
      const doMatch = async () => {
        const s = performance.now();
        const c0 = cpu();
        const out = await inTenant(db, actor, (tx) => matchLinesTx(tx, actor, lineIds));
        matcher.push(performance.now() - s);
        matcherCpu.push(cpu() - c0);
        rules = {};
        for (const p of out.proposals) rules[`${p.rule} ${p.confidence}`] = (rules[`${p.rule} ${p.confidence}`] ?? 0) + 1;
      };
      if (run % 2 === 0) { await doMatch(); await doBare(); } else { await doBare(); await doMatch(); }
    }
    const med = (xs: number[]) => percentile(Float64Array.from(xs).sort(), 50);
    const m = med(matcher);
    const b = med(bare);
    const proposed = Object.values(rules).reduce((s, n) => s + n, 0);
    const confident = Object.entries(rules).filter(([k]) => Number(k.split(' ')[1]) >= 90).reduce((s, [, n]) => s + n, 0);
    console.log(table(['what', 'median ms', 'runs', 'result'], [
      [`matcher: ${LINES} lines × ${RECEIVABLES} open receivables`, m.toFixed(0), RUNS, `${proposed} proposals, ${confident} at ≥ 90 (applied automatically)`],
      ['bare SQL join: exact-amount candidates', b.toFixed(0), RUNS, `${candidates} candidate pairs`],
      ['ratio matcher / bare join', (m / b).toFixed(2), '', m < 5000 ? 'target < 5 s: met' : 'target < 5 s: MISSED'],
    ]));
    console.log(table(['rule confidence', 'lines'], Object.entries(rules).sort().map(([k, n]) => [k, n])));
    console.log(`database: ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; runs ${matcher.map((x) => x.toFixed(0)).join(' / ')} ms vs ${bare.map((x) => x.toFixed(0)).join(' / ')} ms; `
      + `CPU of this process (${DATABASE_URL ? 'the app side only' : 'app and database'}) ${matcherCpu.map((x) => x.toFixed(0)).join(' / ')} ms vs ${bareCpu.map((x) => x.toFixed(0)).join(' / ')} ms; `
      + `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
    recordFigure({ bench: 'bank', figure: `matching ${LINES} lines × ${RECEIVABLES} open receivables (matcher / bare exact-amount join)`, api: m, sql: b, unit: 'ms',
      target: '< 5,000 ms', met: m < 5000, database: DATABASE_URL ? 'postgres' : 'pglite' });
    if (m >= 5000) process.exitCode = 1;
  } finally {
    if (l2c) await l2c.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
