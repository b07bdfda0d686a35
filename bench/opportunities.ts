// Opportunities bench (alone: `npx tsx bench/opportunities.ts`). BENCH_OPP_ROWS opportunities (default 50,000) of 10
// reps in one team over a year — 40 % open across five stages with close dates over the next two quarters, 35 % won,
// 25 % lost — each with its stage history (one entry per stage it went through). Measured in the same run, as the
// team's manager:
//   (a) GET /api/v1/forecast?period=<this quarter>&groupBy=rep, GET /api/v1/opportunities/funnel (the last year) and
//       GET /api/v1/opportunities/kanban through HTTP, auth, row-level security, the data-scope predicate and JSON;
//   (b) the same statements (domains/opportunities/pipeline.sql.ts, opportunities.sql.ts) as the owner role with no
//       scope: no HTTP, no auth, no RLS, no JSON — the floor.
// PGlite in a temporary data directory by default; with DATABASE_URL, that PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem } from '../packages/server/src/platform/db.js';
import { businessDate } from '../packages/server/src/platform/clock.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';
import { forecastSums, funnelStages, funnelOutcomes } from '../packages/server/src/domains/opportunities/pipeline.sql.js';
import { kanbanCards, kanbanTotals } from '../packages/server/src/domains/opportunities/opportunities.sql.js';
import { envInt, httpJson, log, table, medianMs } from './lib.js';
import { recordFigure } from './figures.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const ROWS = envInt('BENCH_OPP_ROWS', 50_000);
const RUNS = envInt('BENCH_OPP_RUNS', 10);
const PASSWORD = 'bench-opportunities-1';

const p50 = medianMs;

async function main() {
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-opp-'));
  let l2c: L2C | null = null;
  try {
    l2c = await createApp({ databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
    const db = l2c.db;
    const passwordHash = await hashPassword(PASSWORD);
    const today = businessDate(new Date());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    log(`seeding ${ROWS} opportunities of 10 reps with their stage history`);
    const t0 = performance.now();
    const processId = await asSystem(db, async (tx) => {
      const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values ('bench-opp', '商机基准') returning id`.execute(tx)).rows[0]!.id;
      const teamId = (await sql<{ id: string }>`insert into teams (tenant_id, name) values (${tenantId}, '华东') returning id`.execute(tx)).rows[0]!.id;
      await sql`insert into users (tenant_id, email, name, role, team_id, password_hash) values (${tenantId}, 'manager@bench-opp.cn', '经理', 'sales_manager', ${teamId}, ${passwordHash})`.execute(tx);
      await sql`insert into users (tenant_id, email, name, role, team_id, password_hash)
        select ${tenantId}, 'rep' || g || '@bench-opp.cn', '销售' || g, 'sales_rep', ${teamId}, ${passwordHash} from generate_series(1, 10) g`.execute(tx);
      await sql`insert into customers (tenant_id, number, name, name_key, owner_id)
        select ${tenantId}, 'KH-B-' || g, '基准客户' || g || '有限公司', '基准客户' || g, (select id from users where tenant_id = ${tenantId} and email = 'rep' || (1 + g % 10) || '@bench-opp.cn')
        from generate_series(1, 500) g`.execute(tx);
      const pid = (await sql<{ id: string }>`insert into sales_processes (tenant_id, name, is_default) values (${tenantId}, '标准销售流程', true) returning id`.execute(tx)).rows[0]!.id;
      await sql`insert into sales_stages (tenant_id, process_id, seq, name, kind, probability)
        select ${tenantId}, ${pid}, s.seq, s.name, s.kind, s.p from (values (1, '初步接洽', 'open', 10), (2, '需求确认', 'open', 20), (3, '方案报价', 'open', 40),
          (4, '商务谈判', 'open', 60), (5, '合同审批', 'open', 80), (6, '赢单', 'won', 100), (7, '输单', 'lost', 0)) s(seq, name, kind, p)`.execute(tx);
      // status by g % 20: 0–7 open (stage 1 + g % 5), 8–14 won, 15–19 lost; created over the last year
      await sql`insert into opportunities (tenant_id, number, name, customer_id, owner_id, process_id, stage_id, status, amount, close_date, forecast_category,
          lost_reason, closed_on, created_at, stage_entered_at)
        select ${tenantId}, 'SJ-B-' || g, '商机' || g, c.id, c.owner_id, ${pid}, st.id, x.status, 10000 + (g % 997) * 100.01,
          case when x.status = 'open' then current_date + (g % 180) end,
          (array['pipeline','best_case','commit'])[1 + g % 3], case when x.status = 'lost' then 'price' end,
          case when x.status <> 'open' then current_date - (g % 300) end, now() - ((g % 365) || ' days')::interval, now() - ((g % 30) || ' days')::interval
        from generate_series(1, ${ROWS}) g
        cross join lateral (select case when g % 20 < 8 then 'open' when g % 20 < 15 then 'won' else 'lost' end as status) x
        join customers c on c.tenant_id = ${tenantId} and c.number = 'KH-B-' || (1 + g % 500)
        join sales_stages st on st.process_id = ${pid} and st.seq = case x.status when 'open' then 1 + g % 5 when 'won' then 6 else 7 end`.execute(tx);
      // history: an entry per open stage up to where it got (won went through all five), then its closing stage
      await sql`insert into opportunity_stage_history (tenant_id, opportunity_id, from_stage_id, to_stage_id, at)
        select o.tenant_id, o.id, null, s.id, o.created_at + (s.seq || ' days')::interval
        from opportunities o join sales_stages cur on cur.id = o.stage_id
        join sales_stages s on s.process_id = o.process_id and (s.seq <= least(cur.seq, 5) or s.id = cur.id)
        where o.tenant_id = ${tenantId} and (cur.kind <> 'lost' or s.seq <= 3 or s.id = cur.id)`.execute(tx);
      for (const t of ['opportunities', 'opportunity_stage_history', 'customers', 'users']) await sql`analyze ${sql.table(t)}`.execute(tx);
      return pid;
    });
    const histories = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from opportunity_stage_history`.execute(tx)).rows[0]!.n);
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${histories} stage entries)`);

    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const login = await httpJson(`${baseUrl}/api/v1/auth/login`, { method: 'POST', body: { email: 'manager@bench-opp.cn', password: PASSWORD, tenant: 'bench-opp' } });
    const headers = { authorization: `Bearer ${login.body.token as string}` };
    const fc = await httpJson(`${baseUrl}/api/v1/forecast?period=${quarter}&groupBy=rep`, { headers });
    if (fc.status !== 200 || fc.body.rows.length !== 10) throw new Error(`forecast: ${fc.status} ${JSON.stringify(fc.body).slice(0, 300)}`);
    log(`forecast ${quarter}: ${JSON.stringify(fc.body.totals)}`);
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const { from: qFrom, to: qTo } = await (async () => ({ from: fc.body.from as string, to: fc.body.to as string }))();
    const all = sql`true`;

    const fcApi = await p50(RUNS, async () => { await httpJson(`${baseUrl}/api/v1/forecast?period=${quarter}&groupBy=rep`, { headers }); });
    const fcSql = await p50(RUNS, async () => { await asSystem(db, (tx) => forecastSums(tx, qFrom, qTo, 'rep', all)); });
    const fuApi = await p50(RUNS, async () => { await httpJson(`${baseUrl}/api/v1/opportunities/funnel`, { headers }); });
    const fuSql = await p50(RUNS, async () => { await asSystem(db, async (tx) => { await funnelStages(tx, processId, from, today, 'Asia/Shanghai', all, null); await funnelOutcomes(tx, processId, from, today, 'Asia/Shanghai', all, null); await kanbanTotals(tx, processId, [all]); }); });
    const kbApi = await p50(RUNS, async () => { await httpJson(`${baseUrl}/api/v1/opportunities/kanban`, { headers }); });
    const kbSql = await p50(RUNS, async () => { await asSystem(db, async (tx) => { await kanbanCards(tx, processId, [all], 50); await kanbanTotals(tx, processId, [all]); }); });
    const database = DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    // eslint-disable-next-line no-console
    console.log(table(['what', 'API p50 ms', 'bare SQL p50 ms', 'API/SQL'], [
      [`forecast of a quarter per rep (${ROWS} opportunities)`, fcApi.toFixed(1), fcSql.toFixed(1), (fcApi / fcSql).toFixed(2)],
      [`funnel of a year (${histories} stage entries)`, fuApi.toFixed(1), fuSql.toFixed(1), (fuApi / fuSql).toFixed(2)],
      ['kanban (50 cards per stage, counts and sums)', kbApi.toFixed(1), kbSql.toFixed(1), (kbApi / kbSql).toFixed(2)],
    ]));
    recordFigure({ bench: 'opportunities', figure: `forecast of a quarter per rep over ${ROWS} opportunities (API / its statement bare)`, api: fcApi, sql: fcSql, unit: 'ms', target: null, met: null, database });
    recordFigure({ bench: 'opportunities', figure: `funnel of a year over ${histories} stage entries (API / its statements bare)`, api: fuApi, sql: fuSql, unit: 'ms', target: null, met: null, database });
    recordFigure({ bench: 'opportunities', figure: 'kanban of the default process (API / its statements bare)', api: kbApi, sql: kbSql, unit: 'ms', target: null, met: null, database });
  } finally {
    await l2c?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
