// Campaign roll-up bench (alone: `npx tsx bench/campaigns.ts`). A tree of BENCH_CAMPAIGN_ROOTS roots × 10 children × 10
// grandchildren, each leaf with BENCH_CAMPAIGN_MEMBERS members, 5 costs, members/4 leads and members/40 opportunities
// (40 % won), so one root rolls up 111 campaigns. Measured in the same run:
//   (a) the marketer's tree — GET /api/v1/campaigns?roots=true (every root with its own figures and its roll-up) — and a
//       campaign's ROI — GET /api/v1/campaigns/{root}/roi — through HTTP, auth, row-level security and JSON;
//   (b) the same figures statement (domains/campaigns/figures.sql.ts) for the same roots as the owner role: no HTTP,
//       no auth, no RLS, no JSON — the floor of the roll-up.
// PGlite in a temporary data directory by default; with DATABASE_URL, that PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';
import { figuresOf } from '../packages/server/src/domains/campaigns/figures.sql.js';
import { envInt, httpJson, log, table, medianMs } from './lib.js';
import { recordFigure } from './figures.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const ROOTS = envInt('BENCH_CAMPAIGN_ROOTS', 10);
const MEMBERS = envInt('BENCH_CAMPAIGN_MEMBERS', 200);
const RUNS = envInt('BENCH_CAMPAIGN_RUNS', 10);
const PASSWORD = 'bench-campaigns-1';

const p50 = medianMs;

async function main() {
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-campaigns-'));
  let l2c: L2C | null = null;
  try {
    l2c = await createApp({ databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
    const db = l2c.db;
    const passwordHash = await hashPassword(PASSWORD);
    const leaves = ROOTS * 100;
    log(`seeding ${ROOTS * 111} campaigns, ${leaves * MEMBERS} members, ${leaves * (MEMBERS / 4)} leads, ${leaves * (MEMBERS / 40)} opportunities`);
    const t0 = performance.now();
    const { roots } = await asSystem(db, async (tx) => {
      const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values ('bench-campaigns', '活动基准') returning id`.execute(tx)).rows[0]!.id;
      const userId = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, password_hash)
        values (${tenantId}, 'marketer@bench-campaigns.cn', 'marketer', 'marketer', ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
      const customerId = (await sql<{ id: string }>`insert into customers (tenant_id, number, name, name_key, owner_id)
        values (${tenantId}, 'KH-B-1', '基准客户有限公司', '基准客户', ${userId}) returning id`.execute(tx)).rows[0]!.id;
      const processId = (await sql<{ id: string }>`insert into sales_processes (tenant_id, name, is_default) values (${tenantId}, '基准流程', true) returning id`.execute(tx)).rows[0]!.id;
      const stageId = (await sql<{ id: string }>`insert into sales_stages (tenant_id, process_id, seq, name, probability) values (${tenantId}, ${processId}, 1, '方案', 50) returning id`.execute(tx)).rows[0]!.id;
      // the tree, set-based: roots, then 10 children each, then 10 grandchildren each
      await sql`insert into campaigns (tenant_id, number, name, type, status, budget, owner_id, start_on, end_on)
        select ${tenantId}, 'HD-R-' || g, '根活动 ' || g, 'other', 'active', 100000, ${userId}, '2026-01-01', '2026-12-31' from generate_series(1, ${ROOTS}) g`.execute(tx);
      await sql`insert into campaigns (tenant_id, number, name, type, status, budget, owner_id, parent_id, start_on, end_on)
        select ${tenantId}, p.number || '-' || g, p.name || '-' || g, 'event', 'active', 10000, ${userId}, p.id, '2026-03-01', '2026-03-31'
        from campaigns p cross join generate_series(1, 10) g where p.tenant_id = ${tenantId} and p.parent_id is null`.execute(tx);
      await sql`insert into campaigns (tenant_id, number, name, type, status, budget, owner_id, parent_id, start_on, end_on)
        select ${tenantId}, p.number || '-' || g, p.name || '-' || g, 'event', 'completed', 1000, ${userId}, p.id, '2026-03-10', '2026-03-10'
        from campaigns p join campaigns r on r.id = p.parent_id and r.parent_id is null cross join generate_series(1, 10) g where p.tenant_id = ${tenantId}`.execute(tx);
      await sql`insert into campaign_costs (tenant_id, campaign_id, category, amount, currency, incurred_on)
        select ${tenantId}, c.id, 'venue', 100 + g, 'CNY', '2026-03-01' from campaigns c cross join generate_series(1, 5) g where c.tenant_id = ${tenantId}`.execute(tx);
      const leavesOf = sql`(select c.id from campaigns c where c.tenant_id = ${tenantId} and not exists (select 1 from campaigns k where k.parent_id = c.id))`;
      await sql`insert into campaign_members (tenant_id, campaign_id, name, phone, status, checked_in_at)
        select ${tenantId}, l.id, '参会人' || g, '138' || lpad(g::text, 8, '0'), (array['planned','invited','registered','checked_in'])[1 + g % 4],
          case when g % 4 = 3 then now() end
        from ${leavesOf} l cross join generate_series(1, ${MEMBERS}) g`.execute(tx);
      await sql`insert into leads (tenant_id, number, company_name, source, campaign_id, status, converted_customer_id, converted_at)
        select ${tenantId}, 'XS-B-' || l.id || '-' || g, '线索公司' || g, 'campaign', l.id, (array['raw','mql','sql','converted'])[1 + g % 4],
          case when g % 4 = 3 then ${customerId}::uuid end, case when g % 4 = 3 then now() end
        from ${leavesOf} l cross join generate_series(1, ${MEMBERS / 4}) g`.execute(tx);
      await sql`insert into opportunities (tenant_id, number, name, customer_id, owner_id, process_id, stage_id, status, amount, campaign_id, closed_on)
        select ${tenantId}, 'SJ-B-' || l.id || '-' || g, '商机' || g, ${customerId}, ${userId}, ${processId}, ${stageId},
          case when g % 5 < 2 then 'won' else 'open' end, 10000 + g, l.id, case when g % 5 < 2 then date '2026-04-01' end
        from ${leavesOf} l cross join generate_series(1, ${MEMBERS / 40}) g`.execute(tx);
      for (const t of ['campaigns', 'campaign_costs', 'campaign_members', 'leads', 'opportunities']) await sql`analyze ${sql.table(t)}`.execute(tx);
      const roots = (await sql<{ id: string }>`select id from campaigns where tenant_id = ${tenantId} and parent_id is null order by start_on desc, id`.execute(tx)).rows.map((r) => r.id);
      return { roots };
    });
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const login = await httpJson(`${baseUrl}/api/v1/auth/login`, { method: 'POST', body: { email: 'marketer@bench-campaigns.cn', password: PASSWORD, tenant: 'bench-campaigns' } });
    const headers = { authorization: `Bearer ${login.body.token as string}` };
    const list = await httpJson(`${baseUrl}/api/v1/campaigns?roots=true&limit=50`, { headers });
    if (list.status !== 200 || list.body.items.length !== ROOTS) throw new Error(`list: ${list.status} ${JSON.stringify(list.body).slice(0, 300)}`);
    log(`a root rolls up: ${JSON.stringify(list.body.items[0].rollup)}`);

    const treeApi = await p50(RUNS, async () => { await httpJson(`${baseUrl}/api/v1/campaigns?roots=true&limit=50`, { headers }); });
    const treeSql = await p50(RUNS, async () => { await asSystem(db, (tx) => figuresOf(tx, roots)); });
    const roiApi = await p50(RUNS, async () => { await httpJson(`${baseUrl}/api/v1/campaigns/${roots[0]}/roi`, { headers }); });
    const roiSql = await p50(RUNS, async () => { await asSystem(db, (tx) => figuresOf(tx, [roots[0]!])); });
    const database = DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    // eslint-disable-next-line no-console
    console.log(table(['what', 'API p50 ms', 'bare SQL p50 ms', 'API/SQL'], [
      [`tree: ${ROOTS} roots × 111 campaigns rolled up`, treeApi.toFixed(1), treeSql.toFixed(1), (treeApi / treeSql).toFixed(2)],
      ['one root\'s ROI (its figures; children; opportunities)', roiApi.toFixed(1), roiSql.toFixed(1), (roiApi / roiSql).toFixed(2)],
    ]));
    recordFigure({ bench: 'campaigns', figure: `campaign tree, ${ROOTS} roots rolled up over ${ROOTS * 111} campaigns (API / same figures statement bare)`, api: treeApi, sql: treeSql, unit: 'ms', target: null, met: null, database });
    recordFigure({ bench: 'campaigns', figure: 'one campaign\'s ROI (API / its figures statement bare)', api: roiApi, sql: roiSql, unit: 'ms', target: null, met: null, database });
  } finally {
    await l2c?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
