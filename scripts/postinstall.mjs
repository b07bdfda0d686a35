// `npm install`'s last steps: the server bundle (scripts/server-build.mjs), and the empty embedded database for the
// current migrations with a copy holding today's demo tenant (packages/server/src/db-template-cli.ts). `npm start`
// makes each itself when it is missing or stale; a failure here only costs the first start its head start: warn, never
// fail the install.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureServerBuilt } from './server-build.mjs';

try {
  await ensureServerBuilt({ log: (m) => console.log(`l2c: ${m}`) });
} catch (err) {
  console.warn(`l2c: could not bundle the server (${err.message}); npm start will try again`);
}
const root = path.resolve(import.meta.dirname, '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/db-template-cli.ts')], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) console.warn(`l2c: could not make the install-time embedded databases (${r.error?.message ?? `exit ${r.status}`}); the first start will make its own`);
