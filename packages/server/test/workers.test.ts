// L2C_WORKERS: several HTTP worker processes on one port with PostgreSQL (node:cluster, platform/cluster.ts). Jobs
// still run once per run key across the workers (each worker's scheduler claims the run first), a worker that dies
// is replaced, SIGTERM stops them all. On the embedded database more than one worker is refused with a clear message.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { workerCount, WorkersSettingError } from '../src/platform/cluster.js';
import { JOBS } from '../src/app.js';
import { scratchDatabase } from './scratch-database.js';

const root = path.resolve(import.meta.dirname, '../../..');

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The primary's worker processes, from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 90_000, output?: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${output ? `:\n${output().slice(-3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('L2C_WORKERS', () => {
  it('defaults to the cores on a server and to 1 on the embedded database; bad values and several embedded workers are refused', () => {
    expect(workerCount({ DATABASE_URL: 'postgres://x/y' }, 4)).toBe(4);
    expect(workerCount({}, 4)).toBe(1);
    expect(workerCount({ L2C_WORKERS: '1' }, 4)).toBe(1);
    expect(workerCount({ DATABASE_URL: 'postgres://x/y', L2C_WORKERS: '3' }, 2)).toBe(3);
    for (const bad of ['0', '-1', 'two', '1.5']) expect(() => workerCount({ DATABASE_URL: 'postgres://x/y', L2C_WORKERS: bad }, 2)).toThrow(WorkersSettingError);
    expect(() => workerCount({ L2C_WORKERS: '2' }, 2)).toThrow(/needs DATABASE_URL: the embedded database .* belongs to one process/);
  });

  it('the embedded database with L2C_WORKERS=2: the server exits with code 2 and says why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-workers-'));
    const s = startServer({ DATABASE_URL: '', L2C_DATA_DIR: dir, L2C_WORKERS: '2', L2C_DEMO: '0', PORT: '0', HOST: '127.0.0.1' });
    expect(await s.exited).toBe(2);
    expect(s.output()).toContain('L2C cannot start: L2C_WORKERS=2 needs DATABASE_URL');
    expect(fs.readdirSync(dir)).toEqual([]); // refused before it touched the data folder
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)('two workers on PostgreSQL: one port, every job once, a dead worker replaced, SIGTERM stops all', async () => {
    const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'l2c_workers');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const s = startServer({
      DATABASE_URL: scratch.url, L2C_WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', L2C_DEMO: '1', L2C_JOBS: '1',
      L2C_LOG_LEVEL: 'debug', L2C_WEB_DIST: '/nonexistent', L2C_ADMIN_EMAIL: '', L2C_ADMIN_PASSWORD: '',
    });
    const db = new pg.Pool({ connectionString: scratch.url, max: 1 });
    try {
      // both workers up, each a process of its own on the same port
      await until('two workers listening', () => (s.output().match(/L2C is running.*\(worker \d, pid \d+\)/g)?.length ?? 0) >= 2, 120_000, s.output);
      const workers = childrenOf(s.child.pid!);
      expect(workers).toHaveLength(2);
      const served = await Promise.all(Array.from({ length: 6 }, () => fetch(`${url}/api/health`).then((r) => r.status)));
      expect(served).toEqual([200, 200, 200, 200, 200, 200]);

      // Both schedulers tick (5 s after their start, the second worker a little later) and try every job; the
      // demo's overdue receivables give the overdue job notices to write.
      const finished = await until('every job finished', async () => {
        const r = await db.query<{ job: string; n: number; done: number }>('select job, count(*)::int as n, count(finished_at)::int as done from job_runs group by job');
        return r.rows.length >= JOBS.length && r.rows.every((x) => x.done === x.n) ? r.rows : null;
      }, 120_000, s.output);
      // the other worker's scheduler tried each job too (its first tick is 5 s after its start) and was turned away
      const skipped = await until('the other worker skipping every job', () => {
        const jobsSkipped = new Set([...s.output().matchAll(/"job":"([^"]+)".*"msg":"job skipped: claimed by another process"/g)].map((m) => m[1]));
        return finished.every((f) => jobsSkipped.has(f.job)) ? jobsSkipped : null;
      }, 90_000, s.output);
      expect(skipped.size).toBe(finished.length);
      // one run per job and run key in the table …
      for (const row of finished) expect(row.n, row.job).toBe(1);
      // … and one "job finished" among both workers' logs per job: the other worker's claim lost and skipped it
      const ran = [...s.output().matchAll(/"job":"([^"]+)".*"msg":"job finished"/g)].map((m) => m[1]);
      const counts = Object.fromEntries(finished.map((f) => [f.job, ran.filter((j) => j === f.job).length]));
      for (const row of finished) expect(counts[row.job], row.job).toBe(1);
      // the jobs did their work (the demo's overdue receivables and reminders gave notices to write)
      const notices = await db.query<{ n: number }>('select count(*)::int as n from notifications');
      expect(notices.rows[0]!.n).toBeGreaterThan(0);

      // a worker killed hard is replaced, and the port keeps answering meanwhile
      process.kill(workers[0]!, 'SIGKILL');
      const replaced = await until('a replacement worker', () => {
        const now = childrenOf(s.child.pid!);
        return now.length === 2 && !now.includes(workers[0]!) ? now : null;
      }, 60_000, s.output);
      expect(replaced).toContain(workers[1]);
      await until('the replacement serving', () => (s.output().match(/L2C is running/g)?.length ?? 0) >= 3, 60_000, s.output);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      expect(s.output()).toMatch(/worker 0 \(pid \d+\) died \(SIGKILL\); restarting it/);

      // SIGTERM to the primary: every worker finishes and stops, the primary exits 0
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      for (const pid of replaced) expect(alive(pid), `worker ${pid} still running`).toBe(false);
    } finally {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
      await db.end();
      await scratch.drop();
    }
  }, 300_000);
});
