// `npm run fuzz`: the long fuzz run of every write route (packages/server/test/fuzz.test.ts) — thousands of bodies per
// route instead of CI's 30. It prints the count per route (by status) and the total.
//   npm run fuzz                          2,000 bodies per route on embedded PGlite
//   L2C_FUZZ_RUNS=5000 npm run fuzz       more
//   L2C_FUZZ_SEED=123 npm run fuzz        repeat a run (the seed is printed at the start and in any failure)
//   npm run fuzz -- --pg                  on a throw-away PostgreSQL 15 server (scripts/pg.mjs)
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, L2C_FUZZ_RUNS: process.env.L2C_FUZZ_RUNS ?? '2000' };
const vitest = [path.join(ROOT, 'node_modules/.bin/vitest'), 'run', '--project', 'unit', 'packages/server/test/fuzz.test.ts'];
const [cmd, ...args] = process.argv.includes('--pg') ? ['node', path.join(ROOT, 'scripts/pg.mjs'), '--', ...vitest] : vitest;
console.log(`fuzz: ${env.L2C_FUZZ_RUNS} bodies per route${process.argv.includes('--pg') ? ' on PostgreSQL' : ' on PGlite'}`);
const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
