// A throw-away PostgreSQL server for tests: a fresh cluster in a temp folder on a free port, trust auth, no fsync.
// As root the server binaries refuse to run, so they run as the `postgres` OS user on a folder it owns.
//
//   import { startPostgres } from './pg.mjs'; const pg = await startPostgres(); ... await pg.stop();
//
// CLI (for debugging):
//   node scripts/pg.mjs                 start, print DATABASE_URL, stop on Ctrl+C
//   node scripts/pg.mjs -- <cmd> ...    start, run <cmd> with DATABASE_URL set, stop, exit with its code
//   node scripts/pg.mjs --check         print which binaries would be used
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const DB_NAME = 'l2c_test';
const SUPERUSER = 'postgres';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * The folder holding initdb, pg_ctl and createdb of one PostgreSQL version: L2C_PG_BIN, else the real folder
 * behind `initdb` on PATH, else the newest /usr/lib/postgresql/<version>/bin. (Debian's /usr/bin/createdb is a
 * wrapper that wants a configured cluster, so the tools are always taken from the version's own folder.)
 */
export function findPostgresBin() {
  const complete = (dir) => dir && ['initdb', 'pg_ctl', 'postgres'].every((b) => isExecutable(path.join(dir, b)));
  if (process.env.L2C_PG_BIN) return complete(process.env.L2C_PG_BIN) ? process.env.L2C_PG_BIN : null;
  const initdb = onPath('initdb');
  if (initdb) {
    const dir = path.dirname(fs.realpathSync(initdb));
    if (complete(dir)) return dir;
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (complete(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  return null;
}

export function postgresAvailable() {
  return findPostgresBin() !== null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** argv that runs `file args` as the postgres OS user when we are root, else as ourselves. */
function asPostgres(file, args) {
  if (!isRoot) return [file, args];
  if (onPath('runuser')) return ['runuser', ['-u', 'postgres', '--', file, ...args]];
  const quoted = [file, ...args].map((a) => `'${String(a).replaceAll("'", `'\\''`)}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

function run(file, args, { quiet = true } = {}) {
  const [cmd, argv] = asPostgres(file, args);
  return new Promise((resolve, reject) => {
    // cwd: a folder the postgres user may enter (it may not read /root).
    const child = spawn(cmd, argv, { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (!quiet) process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; if (!quiet) process.stderr.write(d); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(file)} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${out.trim()}`));
    });
  });
}

/**
 * Start a fresh PostgreSQL cluster with an empty database `l2c_test`.
 * @returns {Promise<{url: string, port: number, dir: string, bin: string, version: string, stop(): Promise<void>}>}
 */
export async function startPostgres({ log = () => {} } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl, postgres) not found on PATH or in /usr/lib/postgresql/*/bin; set L2C_PG_BIN');
  const version = execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      try {
        await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch (err) {
        log(`pg_ctl stop: ${err.message}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run(path.join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    let port = 0;
    // A free port can be taken between asking and listening; try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts, 'start']);
        started = true;
        break;
      } catch (err) {
        const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
        if (attempt >= 3 || !/could not bind|already in use/i.test(serverLog)) {
          throw new Error(`${err.message}\n--- server log ---\n${serverLog.trim()}`);
        }
      }
    }
    const createdb = isExecutable(path.join(bin, 'createdb')) ? path.join(bin, 'createdb') : null;
    if (createdb) {
      await run(createdb, ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, DB_NAME]);
    } else {
      const psql = path.join(bin, 'psql');
      await run(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', 'postgres', '-c', `create database ${DB_NAME}`]);
    }
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/${DB_NAME}`;
    log(`${version} at ${url} (cluster in ${dir})`);
    return { url, port, dir, bin, version, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ---- CLI ----
const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  if (args[0] === '--check') {
    const bin = findPostgresBin();
    console.log(bin ? `PostgreSQL binaries: ${bin} (${execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim()})` : 'PostgreSQL binaries: not found');
    console.log(`running as ${isRoot ? 'root → binaries run as the postgres user' : os.userInfo().username}`);
    process.exit(bin ? 0 : 1);
  }
  const t0 = Date.now();
  const pg = await startPostgres({ log: (m) => console.error(`[pg] ${m}`) });
  console.error(`[pg] started in ${Date.now() - t0} ms`);
  let stopping = false;
  const finish = async (code) => {
    if (stopping) return;
    stopping = true;
    await pg.stop();
    console.error('[pg] stopped');
    process.exit(code);
  };
  if (args[0] === '--') {
    const child = spawn(args[1], args.slice(2), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: pg.url } });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('error', (err) => { console.error(err.message); void finish(127); });
    child.on('exit', (code, signal) => void finish(code ?? (signal ? 1 : 0)));
  } else {
    console.log(`export DATABASE_URL=${pg.url}`);
    console.error('[pg] running; Ctrl+C to stop');
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(0));
    setInterval(() => {}, 1 << 30);
  }
}
