// Where the demo's load time goes (issue 13.6): each part of loadDemo timed on a fresh embedded data folder, as on a
// first start. `npx tsx bench/demo-steps.ts`; L2C_BENCH_DEMO_DIR=memory:// for an in-memory database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../packages/server/src/platform/db.js';
import { migrate } from '../packages/server/src/platform/migrate.js';
import { loadDemo } from '../packages/server/src/demo/demo-data.js';
import { registerApprovalHandlers } from '../packages/server/src/domains/approvals/index.js';
import { APPROVAL_HANDLERS } from '../packages/server/src/app.js';

registerApprovalHandlers(APPROVAL_HANDLERS); // the demo decides approvals, as the server's start-up does

const dir = process.env.L2C_BENCH_DEMO_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-demo-steps-'));
const t0 = Date.now();
const db = await openDb({ databaseUrl: null, dataDir: dir });
await migrate(db);
const migrated = Date.now() - t0;
const t1 = Date.now();
const { steps } = await loadDemo(db);
const total = Date.now() - t1;
await db.close();
if (!dir.startsWith('memory://')) fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ openAndMigrateMs: migrated, demoMs: total, steps }));
