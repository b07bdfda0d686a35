import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { sql, type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { createApp } from '../../packages/server/src/app.js';
import { inTenant } from '../../packages/server/src/platform/db.js';
import { seedOrg, seedCustomers, seedReceivables, seedStatementCustomer, analyzeAr } from '../collections-seed.js';
import * as q from '../../packages/server/src/domains/collections/statement.sql.js';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-probe-'));
const l2c = await createApp({ databaseUrl: process.env.DATABASE_URL || null, dataDir: path.join(tmp, 'd'), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
const db = l2c.db; const today = '2026-11-23';
const org = await seedOrg(db, 'bench-ar', today);
await seedCustomers(db, org.tenantId, 20000);
await seedReceivables(db, org.tenantId, Number(process.env.N ?? 200000), today);
const cid = await seedStatementCustomer(db, org.tenantId, org.manager.id, 10000, today);
await analyzeAr(db);
const sent: CompiledQuery[] = [];
const k = new Kysely({ dialect: new PostgresDialect({ pool: db.pool }), log: (e) => { if (e.level === 'query') sent.push(e.query); } });
const auth: any = { tenantId: org.tenantId, userId: org.finance.id };
const from = '2024-11-23';
await inTenant({ ...db, kysely: k }, auth, async (tx) => {
  await q.balanceParts(tx, cid, 'CNY', '2024-11-22');
  await q.statementLines(tx, cid, 'CNY', from, today);
  await q.writeOffsBetween(tx, cid, 'CNY', from, today);
  await q.closingParts(tx, cid, 'CNY', today);
});
const c = await db.pool.connect();
await c.query(`select set_config('app.tenant_id', $1, false), set_config('role', 'l2c_app', false)`, [org.tenantId]);
for (const s of sent.filter((x) => /^\s*select/i.test(x.sql) && !/set_config/.test(x.sql))) {
  const r = await c.query('explain (analyze) ' + s.sql, s.parameters as any[]);
  console.log('-----\n' + r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
}
await c.query('reset role'); c.release();
await l2c.close(); fs.rmSync(tmp, { recursive: true, force: true });
