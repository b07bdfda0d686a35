// Build the web app when its output is missing or older than its sources. Used by `npm start`, `npm test` and the
// browser-test harness, so all three agree on when a build is due. A lock folder keeps two builds from racing
// (vite empties dist/ first).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB = path.join(ROOT, 'packages/web');
export const WEB_DIST_INDEX = path.join(WEB, 'dist/index.html');

/** The newest modification time under `p` (node_modules and dist folders skipped), 0 when it is missing. */
export function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows only as the folder's mtime
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why a build is due, or null when dist/index.html is newer than every input. */
export function webBuildReason() {
  if (!fs.existsSync(path.join(WEB, 'index.html'))) return null; // no web app (yet): nothing to build
  if (!fs.existsSync(WEB_DIST_INDEX)) return 'packages/web/dist/index.html is missing';
  // index.html names hashed asset files; a half-finished or cleaned build leaves it pointing at nothing.
  const html = fs.readFileSync(WEB_DIST_INDEX, 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]).find((a) => !fs.existsSync(path.join(WEB, 'dist', a)));
  if (missing) return `packages/web/dist/${missing} is missing`;
  const built = fs.statSync(WEB_DIST_INDEX).mtimeMs;
  // The web bundle also contains packages/shared (contracts, money), so its sources count too.
  const inputs = ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/web/package.json', 'packages/shared/src'];
  for (const rel of inputs) {
    if (newestMtime(path.join(ROOT, rel)) > built) return `${rel} changed since the last build`;
  }
  return null;
}

function viteCommand() {
  for (const dir of [path.join(WEB, 'node_modules/vite'), path.join(ROOT, 'node_modules/vite')]) {
    const bin = path.join(dir, 'bin/vite.js');
    if (fs.existsSync(bin)) return [process.execPath, [bin, 'build']];
  }
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', '@l2c/web']];
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function withBuildLock(fn) {
  const lock = path.join(ROOT, 'node_modules/.cache/l2c-web-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const until = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch { /* being written or removed */ }
      if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true }); // its builder died
        continue;
      }
      if (Date.now() > until) throw new Error(`another web build holds ${lock} for over 5 minutes`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Build packages/web if due. Resolves to true when it built, false when the build was up to date.
 * @param {{ log?: (msg: string) => void, stdio?: 'inherit' | 'pipe' }} opts
 */
export async function ensureWebBuilt({ log = (m) => console.log(m), stdio = 'inherit' } = {}) {
  if (!webBuildReason()) return false;
  return withBuildLock(async () => {
    const reason = webBuildReason(); // someone else may have built it while we waited
    if (!reason) return false;
    const [cmd, args] = viteCommand();
    log(`building the web app (${reason}): ${path.basename(cmd)} ${args.map((a) => (path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(' ')}`);
    const started = Date.now();
    await new Promise((resolve, reject) => {
      // NODE_ENV=production whoever asks: under vitest (the browser-test harness) NODE_ENV is `test`, and vite would
      // then bundle React's development build — a bigger, slower app than the one people get (and than the size check measures)
      const env = { ...process.env, NODE_ENV: 'production' };
      const child = spawn(cmd, args, { cwd: WEB, env, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout?.on('data', (d) => (out += d));
      child.stderr?.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`web build failed (${signal ?? `exit ${code}`})${out ? `:\n${out.trim()}` : ''}`)));
    });
    log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  });
}
