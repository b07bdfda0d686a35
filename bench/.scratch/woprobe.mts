import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp } from '../../packages/server/src/app.js';
import { inTenant } from '../../packages/server/src/platform/db.js';
import { seedOrg, seedCustomers, seedReceivables, seedStatementCustomer, analyzeAr } from '../collections-seed.js';
import * as q from '../../packages/server/src/domains/collections/statement.sql.js';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-probe-'));
const l2c = await createApp({ databaseUrl: null, dataDir: path.join(tmp, 'd'), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
const db = l2c.db; const today = '2026-11-23';
const org = await seedOrg(db, 'bench-ar', today);
await seedCustomers(db, org.tenantId, 20000);
await seedReceivables(db, org.tenantId, 200000, today);
const cid = await seedStatementCustomer(db, org.tenantId, org.manager.id, 10000, today);
await analyzeAr(db);
const auth: any = { tenantId: org.tenantId, userId: org.finance.id };
const from = '2024-11-23';
const base = q.allocationsBetween(cid, 'CNY', from, today);
const wa = sql`select count(*) from write_offs w join lateral (select * from allocations x where x.write_off_id = w.id offset 0) a on true where w.customer_id = ${cid} and w.applied_on between ${from}::date and ${today}::date`;
const wonly = sql`select count(*) from write_offs w where w.customer_id = ${cid} and w.applied_on between ${from}::date and ${today}::date`;
const hashed = sql`select count(*) from write_offs w join lateral (select * from allocations x where x.write_off_id = w.id offset 0) a on true
  join (select id, number, currency from receivables where customer_id = ${cid} offset 0) r on r.id = a.receivable_id
  left join (select id, number from payments where customer_id = ${cid} offset 0) p on p.id = a.payment_id
  where w.customer_id = ${cid} and w.applied_on between ${from}::date and ${today}::date`;
const viaRecv = sql`select count(*) from receivables r join lateral (select * from allocations x where x.receivable_id = r.id offset 0) a on true where r.customer_id = ${cid}`;
const variants: Record<string, any> = {
  wonly, wa, hashed, viaRecv,
  count: sql`select count(*) from (${base}) o`,
  sum: sql`select sum(o.amount) from (${base}) o`,
  current: null,
  arrays: sql`select json_agg(json_build_array(o.write_off_id, o.applied_on, o.write_off_number, o.kind, o.memo, o.created_at, o.receivable_number, o.source_type, o.source_number, o.amount::text) order by o.applied_on, o.created_at, o.write_off_number, o.receivable_number, o.id) from (${base}) o`,
  rowsX: sql`select o.write_off_id, o.applied_on, o.write_off_number, o.kind, o.memo, o.created_at, o.receivable_number, o.source_type, o.source_number, o.amount::text from (${base}) o order by o.applied_on, o.created_at, o.write_off_number, o.receivable_number, o.id`,
};
for (let rep = 0; rep < 3; rep++) {
  for (const [name, v] of Object.entries(variants)) {
    await inTenant(db, auth, async (tx) => {
      const t = performance.now();
      if (v) await v.execute(tx); else await q.writeOffsBetween(tx, cid, 'CNY', from, today);
      console.log(name, (performance.now() - t).toFixed(1));
    });
  }
}
await l2c.close(); fs.rmSync(tmp, { recursive: true, force: true });
