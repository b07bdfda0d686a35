// Several HTTP worker processes on one port (node:cluster), so a server uses every core: Node runs JavaScript on one
// core per process, and under load the app's thread, not PostgreSQL, was the limit (docs/benchmarks.md).
//
// L2C_WORKERS=N (default: the number of cores) with DATABASE_URL. The primary process serves nothing itself: it starts
// the first worker alone (it migrates and loads what the start loads, one at a time), then the others; it restarts a
// worker that dies, and on SIGTERM/SIGINT asks every worker to finish its requests and stop. Each worker is a whole
// server with its own pool; scheduled jobs run exactly once anyway — every worker's scheduler claims a run in
// job_runs first (platform/jobs.ts), and only the claim's winner runs it.
//
// The embedded database (PGlite, no DATABASE_URL) lives inside one process, which holds the data folder's lock:
// more than one worker is refused there.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';

export class WorkersSettingError extends Error {}

/** How many worker processes: L2C_WORKERS, else the cores (a server) or 1 (embedded). Throws on a bad setting. */
export function workerCount(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const raw = (env.L2C_WORKERS ?? '').trim();
  const embedded = !env.DATABASE_URL;
  if (!raw) return embedded ? 1 : cores;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new WorkersSettingError(`L2C_WORKERS must be a whole number of processes (1 or more), not ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (embedded && n > 1) {
    throw new WorkersSettingError(`L2C_WORKERS=${n} needs DATABASE_URL: the embedded database (L2C_DATA_DIR) belongs to one process. `
      + 'Unset L2C_WORKERS (or set it to 1), or run on PostgreSQL to use several worker processes.');
  }
  return n;
}

export interface PrimaryOptions {
  workers: number;
  log: (msg: string) => void;
  /** Grace for the workers to finish their requests on shutdown, then they are killed. */
  shutdownMs?: number;
}

/**
 * The primary's loop. Resolves with the exit code: 0 after a clean shutdown, the first worker's code if it never came
 * up (a failed migration must stop the start, not restart forever).
 */
export function runPrimary(opts: PrimaryOptions): Promise<number> {
  const shutdownMs = opts.shutdownMs ?? 20_000;
  return new Promise((resolve) => {
    let closing = false;
    let anyListening = false;
    const slots = new Map<Worker, { index: number; startedAt: number; listening: boolean }>();
    const restarts = new Map<number, number>(); // quick deaths per slot, for the back-off

    const fork = (index: number) => {
      // Each worker knows its slot (logs); a restarted worker takes the slot of the one it replaces.
      const w = cluster.fork({ L2C_WORKER_INDEX: String(index) });
      slots.set(w, { index, startedAt: Date.now(), listening: false });
      w.on('listening', () => {
        const s = slots.get(w)!;
        if (s.listening) return;
        s.listening = true;
        const first = !anyListening;
        anyListening = true;
        if (first) for (let i = 1; i < opts.workers; i++) fork(i); // the rest, once the first has migrated and listens
      });
      return w;
    };

    cluster.on('exit', (w, code, signal) => {
      const s = slots.get(w);
      slots.delete(w);
      if (!s) return;
      if (closing) {
        if (slots.size === 0) resolve(0);
        return;
      }
      if (!anyListening) {
        opts.log(`worker ${s.index} stopped before it served (exit ${code ?? signal}); not starting the others`);
        for (const other of slots.keys()) other.process.kill('SIGTERM');
        resolve(code || 1);
        return;
      }
      // Restart it; a worker that keeps dying soon after its start waits longer each time (1 s … 30 s).
      const quick = Date.now() - s.startedAt < 10_000;
      const n = quick ? (restarts.get(s.index) ?? 0) + 1 : 0;
      restarts.set(s.index, n);
      const delay = n === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (n - 1));
      opts.log(`worker ${s.index} (pid ${w.process.pid}) died (${signal ?? `exit ${code}`}); restarting it${delay ? ` in ${delay / 1000} s` : ''}`);
      setTimeout(() => { if (!closing) fork(s.index); }, delay).unref();
    });

    const shutdown = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      opts.log(`${signal}: asking ${slots.size} worker(s) to finish their requests and stop`);
      if (slots.size === 0) return resolve(0);
      for (const w of slots.keys()) w.process.kill('SIGTERM');
      setTimeout(() => {
        for (const w of slots.keys()) w.process.kill('SIGKILL');
        resolve(1);
      }, shutdownMs).unref();
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));

    fork(0);
  });
}

export const isPrimary = () => cluster.isPrimary;
