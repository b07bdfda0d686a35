import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { openDb } from '../../packages/server/src/platform/db.js';
import * as aging from '../../packages/server/src/domains/collections/aging.service.js';
import * as metrics from '../../packages/server/src/domains/collections/metrics.service.js';
import { statementOf } from '../../packages/server/src/domains/collections/statement.service.js';
import { AgingQuery, DsoQuery } from '@l2c/shared';
const org = JSON.parse(fs.readFileSync('/tmp/pgorg.json', 'utf8'));
const db0 = await openDb({ databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
const sent: CompiledQuery[] = [];
const k = new Kysely({ dialect: new PostgresDialect({ pool: db0.pool }), log: (e) => { if (e.level === 'query') sent.push(e.query); } });
const db: any = { ...db0, kysely: k };
const admin: any = { tenantId: org.tenantId, userId: org.admin.id, role: 'admin', scope: 'all' };
const cid = (await db0.pool.query(`select id from customers where number = 'KH-S-0000001'`)).rows[0].id;
const what = process.argv[2] ?? 'all';
const cases: Record<string, () => Promise<unknown>> = {
  asof: () => aging.agingReport(db, admin, AgingQuery.parse({ groupBy: 'customer', asOf: '2026-08-25' })),
  trend: () => metrics.agingTrend(db, admin, { months: 12, currency: 'CNY' }),
  dso: () => metrics.dso(db, admin, DsoQuery.parse({})),
  statement: () => statementOf(db, admin, cid, { from: '2024-11-23', to: '2026-11-23', currency: 'CNY' }),
};
for (const [name, fn] of Object.entries(cases)) {
  if (what !== 'all' && what !== name) continue;
  for (let i = 0; i < 3; i++) { sent.length = 0; const t = performance.now(); await fn(); console.log(name, (performance.now() - t).toFixed(1), 'ms'); }
  if (process.env.EXPLAIN) {
    const c = await db0.pool.connect();
    await c.query(`select set_config('app.tenant_id', $1, false), set_config('app.user_id', $2, false), set_config('role', 'l2c_app', false)`, [org.tenantId, org.admin.id]);
    for (const s of sent.filter((x) => /^\s*(select|with)/i.test(x.sql) && !/set_config/.test(x.sql))) {
      const r = await c.query('explain (analyze, buffers) ' + s.sql, s.parameters as any[]);
      console.log('-----\n' + r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
    }
    await c.query('reset role'); c.release();
  }
}
await db0.close();
