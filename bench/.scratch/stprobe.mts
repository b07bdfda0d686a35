import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../packages/server/src/app.js';
import { inTenant } from '../../packages/server/src/platform/db.js';
import { seedOrg, seedCustomers, seedReceivables, seedStatementCustomer, analyzeAr } from '../collections-seed.js';
import * as q from '../../packages/server/src/domains/collections/statement.sql.js';
import { statementOf } from '../../packages/server/src/domains/collections/statement.service.js';
import { Statement } from '@l2c/shared';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-probe-'));
const l2c = await createApp({ databaseUrl: process.env.DATABASE_URL || null, dataDir: path.join(tmp, 'd'), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
const db = l2c.db; const today = '2026-11-23';
const org = await seedOrg(db, 'bench-ar', today);
await seedCustomers(db, org.tenantId, 20000);
await seedReceivables(db, org.tenantId, Number(process.env.N ?? 200000), today);
const cid = await seedStatementCustomer(db, org.tenantId, org.manager.id, 10000, today);
await analyzeAr(db);
const auth: any = { tenantId: org.tenantId, userId: org.finance.id, role: 'finance', scope: 'all', teamId: null, name: 'f', tokenId: 'x', via: 'bearer' };
const from = '2024-11-23';
for (let rep = 0; rep < 3; rep++) {
  await inTenant(db, auth, async (tx) => {
    let t = performance.now(); const lap = (m: string) => { console.log(m, (performance.now() - t).toFixed(1)); t = performance.now(); };
    await q.balanceParts(tx, cid, 'CNY', '2024-11-22'); lap('balance');
    const lines = await q.statementLines(tx, cid, 'CNY', from, today); lap('lines ' + lines.length);
    const w = await q.writeOffsBetween(tx, cid, 'CNY', from, today); lap('writeoffs ' + w.length);
    await q.closingParts(tx, cid, 'CNY', today); lap('closing');
  });
  let t = performance.now();
  const s = await statementOf(db, auth, cid, { from, to: today, currency: 'CNY' });
  console.log('service', (performance.now() - t).toFixed(1)); t = performance.now();
  Statement.parse(s); console.log('zod', (performance.now() - t).toFixed(1)); t = performance.now();
  JSON.stringify(s); console.log('json', (performance.now() - t).toFixed(1));
}
await l2c.close(); fs.rmSync(tmp, { recursive: true, force: true });
