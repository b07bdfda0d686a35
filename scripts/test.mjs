// `npm test`: everything CI checks, in order, stopping at the first failure.
//   1. typecheck        tsc for shared, server, web (when it has a tsconfig) the browser tests and the benchmarks
//   2. dependency rules dependency-cruiser (.dependency-cruiser.cjs)
//   3. web build        when packages/web/dist is older than its sources
//   4. Chromium         installed with apt-get when missing and we are root (the browser tests need it)
//   5. vitest/PGlite    all tests, browser tests included, on embedded PGlite
//   6. vitest/Postgres  server + shared tests, then the browser tests, on a throw-away PostgreSQL 15 server
//                       (when its binaries exist; L2C_TEST_PG=1 requires it, L2C_TEST_PG=0 skips it)
// Ends with a summary of durations and a last line `N passed, M failed` over all vitest runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startPostgres } from './pg.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules/.bin');
const CHROMIUM = process.env.L2C_CHROMIUM ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-test-reports-'));

const stages = []; // { name, status: 'ok' | 'failed' | 'skipped', ms, note }
const totals = { passed: 0, failed: 0, skipped: 0 };
let current = null; // the running child process
let postgres = null;

const log = (msg) => console.log(`\n[test] ${msg}`);

class StageFailed extends Error {}

function run(cmd, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    console.log(`$ ${[path.relative(ROOT, cmd).startsWith('node_modules') ? path.relative(ROOT, cmd) : cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    current = child;
    child.on('error', (err) => { current = null; reject(err); });
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function mustRun(cmd, args, opts) {
  const code = await run(cmd, args, opts);
  if (code !== 0) throw new StageFailed(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}`);
}

async function stage(name, fn) {
  log(`── ${name} ──`);
  const started = Date.now();
  try {
    const note = await fn();
    if (note && typeof note === 'object' && note.skipped) {
      stages.push({ name, status: 'skipped', ms: Date.now() - started, note: note.skipped });
      log(`${name}: skipped — ${note.skipped}`);
    } else {
      stages.push({ name, status: 'ok', ms: Date.now() - started, note: typeof note === 'string' ? note : '' });
    }
  } catch (err) {
    stages.push({ name, status: 'failed', ms: Date.now() - started, note: err.message.split('\n')[0] });
    if (!(err instanceof StageFailed)) console.error(err.stack ?? err);
    await finish(1);
  }
}

function skip(reason) {
  return { skipped: reason };
}

/** vitest run with a JSON report; adds its counts to the totals. */
async function vitest(label, args, env) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const code = await run(path.join(BIN, 'vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env });
  let counts = null;
  try {
    counts = JSON.parse(fs.readFileSync(report, 'utf8'));
  } catch { /* no report: vitest crashed */ }
  const passed = counts?.numPassedTests ?? 0;
  let failed = counts?.numFailedTests ?? 0;
  if (code !== 0 && failed === 0) failed = 1; // a failing hook, an unhandled error or a crash, without a failed test
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0);
  const note = `${passed} passed, ${failed} failed${counts ? '' : ' (no JSON report)'}`;
  if (code !== 0) throw new StageFailed(`vitest ${args.join(' ')}: ${note}`);
  return note;
}

const hasE2E = () => fs.existsSync(path.join(ROOT, 'tests/e2e')) && fs.readdirSync(path.join(ROOT, 'tests/e2e')).some((f) => f.endsWith('.test.ts'));

async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return `${CHROMIUM} present`;
  if (process.env.L2C_CHROMIUM) throw new StageFailed(`L2C_CHROMIUM=${CHROMIUM} does not exist`);
  if (!isRoot) {
    throw new StageFailed(`the browser tests need Chromium at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set L2C_CHROMIUM to a Chromium binary`);
  }
  log(`Chromium is missing at ${CHROMIUM}; installing it with apt-get (about 20 s and 0.5 GB)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await mustRun('apt-get', ['update'], { env });
    await mustRun('apt-get', ['install', '-y', 'chromium'], { env });
  } catch (err) {
    throw new StageFailed(`could not install Chromium with apt-get (${err.message}); install it by hand or set L2C_CHROMIUM`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new StageFailed(`apt-get installed chromium, but ${CHROMIUM} still does not exist; set L2C_CHROMIUM`);
  return `installed ${CHROMIUM}`;
}

function fmt(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  if (current) current.kill('SIGTERM');
  if (postgres) {
    await postgres.stop().catch(() => {});
    postgres = null;
  }
  fs.rmSync(reportDir, { recursive: true, force: true });
  const width = Math.max(...stages.map((s) => s.name.length), 10);
  console.log('\n──────── summary ────────');
  for (const s of stages) {
    console.log(`${s.name.padEnd(width)}  ${s.status.padEnd(7)}  ${fmt(s.ms).padStart(8)}  ${s.note}`);
  }
  console.log(`${'total'.padEnd(width)}  ${' '.repeat(7)}  ${fmt(Date.now() - t0).padStart(8)}`);
  if (code !== 0) console.log(`FAILED at: ${stages.find((s) => s.status === 'failed')?.name ?? 'interrupted'}`);
  if (totals.skipped) console.log(`(${totals.skipped} tests skipped)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stages.push({ name: `interrupted (${sig})`, status: 'failed', ms: 0, note: '' });
    void finish(130);
  });
}

const t0 = Date.now();
console.log(`[test] node ${process.version}, ${os.cpus().length} cores, ${isRoot ? 'root' : os.userInfo().username}`);

await stage('typecheck', async () => {
  const tsc = path.join(BIN, 'tsc');
  const done = [];
  for (const project of ['packages/shared', 'packages/server', 'packages/web', 'tests', 'bench']) {
    if (!fs.existsSync(path.join(ROOT, project, 'tsconfig.json'))) {
      console.log(`(no ${project}/tsconfig.json yet: not typechecked)`);
      continue;
    }
    await mustRun(tsc, ['-p', project]);
    done.push(project);
  }
  return done.join(', ');
});

await stage('dependency rules', () => mustRun(path.join(BIN, 'depcruise'), ['packages', '--config', '.dependency-cruiser.cjs']));

await stage('web build', async () => {
  if (!fs.existsSync(path.join(ROOT, 'packages/web/index.html'))) return skip('no packages/web/index.html');
  const built = await ensureWebBuilt({ log: (m) => console.log(m) });
  return built ? 'built' : 'up to date';
});

// the first screen's JavaScript (gzipped), from the build's chunk graph: fails above scripts/bundle-size.mjs's budget
await stage('first-screen size', async () => {
  if (!fs.existsSync(path.join(ROOT, 'packages/web/dist/.vite/manifest.json'))) return skip('no web build manifest');
  const { checkFirstScreen } = await import('./bundle-size.mjs');
  return checkFirstScreen();
});

await stage('chromium', async () => (hasE2E() ? ensureChromium() : skip('no browser tests')));

const pgliteEnv = { ...process.env };
delete pgliteEnv.DATABASE_URL;
await stage('vitest (PGlite, all tests)', () => vitest('pglite', [], pgliteEnv));

const pgWanted = process.env.L2C_TEST_PG;
const pgBin = findPostgresBin();
if (pgWanted === '0') {
  log('PostgreSQL stage skipped: L2C_TEST_PG=0');
  stages.push({ name: 'PostgreSQL', status: 'skipped', ms: 0, note: 'L2C_TEST_PG=0' });
} else if (!pgBin && pgWanted !== '1') {
  log('PostgreSQL stage skipped: no PostgreSQL server binaries (initdb, pg_ctl) found; set L2C_TEST_PG=1 to require them');
  stages.push({ name: 'PostgreSQL', status: 'skipped', ms: 0, note: 'no PostgreSQL binaries' });
} else {
  await stage('PostgreSQL start', async () => {
    postgres = await startPostgres({ log: (m) => console.log(m) });
    return postgres.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ');
  });
  const pgEnv = { ...process.env, DATABASE_URL: postgres.url };
  await stage('vitest (PostgreSQL, server + shared)', () => vitest('postgres', ['packages/server', 'packages/shared'], pgEnv));
  if (hasE2E()) {
    await stage('vitest (PostgreSQL, browser)', () => vitest('postgres-e2e', ['tests/e2e'], { ...pgEnv, L2C_DEMO: '1' }));
  }
  await stage('PostgreSQL stop', async () => {
    const pgToStop = postgres;
    postgres = null;
    await pgToStop.stop();
  });
}

await finish(totals.failed > 0 ? 1 : 0);
