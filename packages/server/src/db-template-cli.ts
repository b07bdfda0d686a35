// Run by `npm install` (scripts/postinstall.mjs): make the empty embedded database for the current migrations, and
// the same with today's demo tenant loaded, so a first start copies one instead of running initdb, every migration
// and the demo load (platform/pglite-template.ts). `--empty-only` or L2C_DEMO=0 (no demo wanted, as `npm start` reads
// it): the empty one alone.
import { makeDemoTemplate, makeTemplate } from './platform/pglite-template-make.js';
import { demoDay } from './platform/pglite-template.js';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const empty = await makeTemplate();
console.log(empty.made ? `l2c: empty embedded database made in ${seconds()} s (${empty.folder})` : `l2c: empty embedded database up to date (${empty.folder})`);
if (!process.argv.includes('--empty-only') && process.env.L2C_DEMO !== '0') {
  // the demo decides approvals as it goes: the app's handlers first, as its start-up registers them
  const { APPROVAL_HANDLERS } = await import('./app.js');
  const { registerApprovalHandlers } = await import('./domains/approvals/index.js');
  const { loadDemoTenant } = await import('./demo/bootstrap.js');
  registerApprovalHandlers(APPROVAL_HANDLERS);
  const day = demoDay();
  const demo = await makeDemoTemplate(day, async (db) => { await loadDemoTenant(db); });
  console.log(demo.made ? `l2c: embedded database with the demo of ${day} made in ${seconds()} s (${demo.folder})` : `l2c: embedded database with the demo of ${day} up to date (${demo.folder})`);
}
