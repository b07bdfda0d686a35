// Scheduled jobs that run exactly once per run key (e.g. once a day) across all server processes:
// a process claims (job, run_key) with an insert; only the winner runs it. A claim whose process died
// (lease expired, not finished) can be taken over; the jobs themselves are idempotent, so a rerun is safe.
import crypto from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db.js';
import * as q from './jobs.sql.js';
import { businessDate } from './clock.js';

export interface JobDefinition {
  name: string;
  /** The run key for this moment; one run per distinct key. Default: the business date. */
  runKey?: (now: Date) => string;
  run: (db: Db, now: Date) => Promise<unknown>;
}

const OWNER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

// Runs and failures per job in this process, for /api/metrics (platform/metrics.ts).
const counts: Record<string, { runs: number; failures: number }> = {};
export function jobCounts(): Readonly<Record<string, { runs: number; failures: number }>> {
  return counts;
}

export async function claimRun(db: Db, job: string, runKey: string, leaseSeconds = 600): Promise<boolean> {
  return q.claimJobRun(db.kysely, job, runKey, OWNER, leaseSeconds);
}

export async function runJobOnce(db: Db, job: JobDefinition, now: Date, log?: FastifyBaseLogger): Promise<'ran' | 'skipped'> {
  const key = job.runKey ? job.runKey(now) : businessDate(now);
  if (!(await claimRun(db, job.name, key))) {
    // another process (another worker of L2C_WORKERS, another server) holds or finished this run
    log?.debug({ job: job.name, runKey: key }, 'job skipped: claimed by another process');
    return 'skipped';
  }
  const count = (counts[job.name] ??= { runs: 0, failures: 0 });
  let result: unknown;
  try {
    result = await job.run(db, now);
    await q.finishJobRun(db.kysely, job.name, key, result);
  } catch (err) {
    count.failures++;
    throw err;
  }
  count.runs++;
  log?.info({ job: job.name, runKey: key, result }, 'job finished');
  return 'ran';
}

export function startScheduler(db: Db, jobs: JobDefinition[], log: FastifyBaseLogger, intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        await runJobOnce(db, job, new Date(), log).catch((err) => log.error({ err, job: job.name }, 'job failed'));
      }
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
